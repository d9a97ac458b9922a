package dev.troubleticket.masstack.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.model.Timestamp;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A trouble ticket as MasStack returns it from {@code GET /troubleTicket/{ticketId}}, or the partial
 * ticket a {@code PATCH} answers (fields it leaves out are {@code null}).
 *
 * <p>Every field keeps the provider's text, whatever JSON it came as (a number or a boolean as written, an
 * object or an array as its JSON text). Typed views read it without ever failing:
 * {@link #state()}, {@link #issueType()}, {@link #priorityLevel()} (empty when the text is not a number,
 * and {@code 4} is kept as 4 although the document allows 1 to 3), {@link #customerCount()} and
 * {@link #troubleDetectionTime()}. {@link #rawJson()} is the body exactly as received.
 */
public final class MasStackTicket {
    private final TicketWire wire;
    private final List<MasStackAttachment> attachments;
    private final String rawJson;

    private MasStackTicket(TicketWire wire, String rawJson) {
        this.wire = wire;
        // An element that is not an attachment object reads as null (see Json): left out here, kept in rawJson.
        this.attachments = wire.attachments() == null ? List.of() : wire.attachments().stream().filter(Objects::nonNull).toList();
        this.rawJson = Objects.requireNonNullElse(rawJson, "{}");
    }

    /**
     * Reads a ticket body as MasStack writes it. Unknown fields are ignored (they stay in {@link #rawJson()}).
     *
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    public static MasStackTicket fromJson(String json) {
        return fromJson(json, null);
    }

    /**
     * Like {@link #fromJson(String)}, reading {@code utf8} (the same JSON's UTF-8 bytes, which Jackson reads
     * faster than text) when given.
     */
    public static MasStackTicket fromJson(String json, byte[] utf8) {
        try {
            TicketWire wire = read(json, utf8);
            if (wire == null) {
                throw new IllegalArgumentException("the body is empty where a trouble ticket was expected");
            }
            return new MasStackTicket(wire, json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not a trouble ticket: " + e.getOriginalMessage(), e);
        }
    }

    private static TicketWire read(String json, byte[] utf8) throws JsonProcessingException {
        if (utf8 != null) {
            try {
                return Json.mapper().readValue(utf8, TicketWire.class);
            } catch (JsonProcessingException unreadable) {
                // Bytes that are not valid UTF-8 were decoded with replacement characters: the text decides.
            } catch (java.io.IOException impossible) {
                throw new java.io.UncheckedIOException(impossible);
            }
        }
        return Json.mapper().readValue(json, TicketWire.class);
    }

    /** The JIRA-style id in the territory owner's system ({@code RED-84}). */
    public String ticketId() { return wire.ticketId(); }
    /** The operator's own reference. */
    public String mirrorKey() { return wire.mirrorKey(); }
    /** The state as the provider wrote it, or {@code null} when the answer leaves it out (PATCH answers do). */
    public String baseTroubleTicketState() { return wire.baseTroubleTicketState(); }
    /** The state as a value, or {@code null} when absent. */
    public TroubleTicketState state() { return TroubleTicketState.of(wire.baseTroubleTicketState()); }
    /** The latest message exchanged on the ticket. */
    public String dialog() { return wire.dialog(); }
    /** The opening typification, {@code troubleType}. */
    public String troubleType() { return wire.troubleType(); }
    /** The short description, {@code troubleDescription}. */
    public String troubleDescription() { return wire.troubleDescription(); }
    /** The detection time as written (the answers spell the field {@code troubleDectectionTime}). */
    public String troubleDetectionTimeText() { return wire.troubleDetectionTime(); }
    /** The detection time, readable or not; {@code null} when absent. */
    public Timestamp troubleDetectionTime() { return Timestamp.parse(wire.troubleDetectionTime()); }
    /** The priority as written: {@code 1}, {@code "4"}, ... */
    public String preferredPriority() { return wire.preferredPriority(); }
    /** The priority as a number, when it is one (values outside 1..3 are kept as they are). */
    public OptionalInt priorityLevel() {
        try {
            String text = wire.preferredPriority();
            return text == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException notANumber) {
            return OptionalInt.empty();
        }
    }
    /** The affected object, {@code troubledObject}. */
    public String troubledObject() { return wire.troubledObject(); }
    /** The affected client's identifier, {@code customerTroubleNum}. */
    public String customerTroubleNum() { return wire.customerTroubleNum(); }
    /** The client's home identifier, {@code homeId}, or {@code null}. */
    public String homeId() { return wire.homeId(); }
    /** The Gescal 37 identifier, {@code gescal37ID}, or {@code null}. */
    public String gescal37ID() { return wire.gescal37ID(); }
    /** The issue type text as written. */
    public String wh1Parameter() { return wire.wh1Parameter(); }
    /** The issue type, or {@code null} when absent. */
    public IssueType issueType() { return IssueType.of(wire.wh1Parameter()); }
    /** A generic field {@code wh2Parameter} to {@code wh5Parameter} (index 2 to 5), or {@code null}. */
    public String whParameter(int index) {
        if (index < 2 || index > 5) {
            throw new IllegalArgumentException("generic fields are wh2Parameter to wh5Parameter, not wh" + index + "Parameter");
        }
        return switch (index) {
            case 2 -> wire.wh2Parameter();
            case 3 -> wire.wh3Parameter();
            case 4 -> wire.wh4Parameter();
            default -> wire.wh5Parameter();
        };
    }
    /** The number of clients affected as written (string or number in the document). */
    public String customer() { return wire.customer(); }
    /** The number of clients affected, when it is a number. */
    public OptionalLong customerCount() {
        try {
            String text = wire.customer();
            return text == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException notANumber) {
            return OptionalLong.empty();
        }
    }
    /** The remote agent's identifier, {@code clearencePerson} (the document's spelling). */
    public String clearencePerson() { return wire.clearencePerson(); }
    /** The agreed resolution typification, {@code closeOutType}, once the ticket is resolved. */
    public String closeOutType() { return wire.closeOutType(); }
    /** The real resolution typification, {@code closeOutNarr}, once the ticket is resolved. */
    public String closeOutNarr() { return wire.closeOutNarr(); }
    /** When the service was restored, {@code serviceRestoredTime}, as written. */
    public String serviceRestoredTime() { return wire.serviceRestoredTime(); }
    /** The files attached to the ticket, never {@code null}. */
    public List<MasStackAttachment> attachments() { return attachments; }
    /** The body exactly as received. */
    public String rawJson() { return rawJson; }

    @Override
    public String toString() {
        return "MasStackTicket[ticketId=" + wire.ticketId() + ", mirrorKey=" + wire.mirrorKey() + ", state="
                + wire.baseTroubleTicketState() + ", troubleType=" + wire.troubleType() + ", preferredPriority="
                + wire.preferredPriority() + "]";
    }

    /**
     * The wire shape. Every field is text because the document sends {@code preferredPriority} and
     * {@code customer} sometimes as numbers and sometimes as strings (the shared mapper turns numbers into
     * text); {@code troubleDectectionTime} is the answers' spelling of the request's {@code troubleDetectionTime}.
     * Bound by Jackson (a hand-written reader measured no faster); the shared mapper's lenient reading keeps odd values.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TicketWire(
            String ticketId, String mirrorKey, String baseTroubleTicketState, String dialog, String troubleType,
            String troubleDescription, @JsonAlias("troubleDectectionTime") String troubleDetectionTime,
            String preferredPriority, String troubledObject, String customerTroubleNum, String homeId, String gescal37ID,
            String wh1Parameter, String wh2Parameter, String wh3Parameter, String wh4Parameter, String wh5Parameter,
            String customer, String clearencePerson, String closeOutType, String closeOutNarr, String serviceRestoredTime,
            List<MasStackAttachment> attachments) {
    }
}
