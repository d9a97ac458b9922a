package dev.troubleticket.masstack.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
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
    private final String ticketId;
    private final String mirrorKey;
    private final String baseTroubleTicketState;
    private final String dialog;
    private final String troubleType;
    private final String troubleDescription;
    private final String troubleDetectionTime;
    private final String preferredPriority;
    private final String troubledObject;
    private final String customerTroubleNum;
    private final String homeId;
    private final String gescal37ID;
    private final String wh1Parameter;
    private final List<String> whParameters;
    private final String customer;
    private final String clearencePerson;
    private final String closeOutType;
    private final String closeOutNarr;
    private final String serviceRestoredTime;
    private final List<MasStackAttachment> attachments;
    private final String rawJson;

    private MasStackTicket(TicketWire f, String rawJson) {
        this.ticketId = f.ticketId();
        this.mirrorKey = f.mirrorKey();
        this.baseTroubleTicketState = f.baseTroubleTicketState();
        this.dialog = f.dialog();
        this.troubleType = f.troubleType();
        this.troubleDescription = f.troubleDescription();
        this.troubleDetectionTime = f.troubleDetectionTime();
        this.preferredPriority = f.preferredPriority();
        this.troubledObject = f.troubledObject();
        this.customerTroubleNum = f.customerTroubleNum();
        this.homeId = f.homeId();
        this.gescal37ID = f.gescal37ID();
        this.wh1Parameter = f.wh1Parameter();
        this.whParameters = java.util.Collections.unmodifiableList(java.util.Arrays.asList(
                f.wh2Parameter(), f.wh3Parameter(), f.wh4Parameter(), f.wh5Parameter()));
        this.customer = f.customer();
        this.clearencePerson = f.clearencePerson();
        this.closeOutType = f.closeOutType();
        this.closeOutNarr = f.closeOutNarr();
        this.serviceRestoredTime = f.serviceRestoredTime();
        // An element that is not an attachment object reads as null (see Json): left out here, kept in rawJson.
        this.attachments = f.attachments() == null ? List.of() : f.attachments().stream().filter(Objects::nonNull).toList();
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
    public String ticketId() { return ticketId; }
    /** The operator's own reference. */
    public String mirrorKey() { return mirrorKey; }
    /** The state as the provider wrote it, or {@code null} when the answer leaves it out (PATCH answers do). */
    public String baseTroubleTicketState() { return baseTroubleTicketState; }
    /** The state as a value, or {@code null} when absent. */
    public TroubleTicketState state() { return TroubleTicketState.of(baseTroubleTicketState); }
    /** The latest message exchanged on the ticket. */
    public String dialog() { return dialog; }
    public String troubleType() { return troubleType; }
    public String troubleDescription() { return troubleDescription; }
    /** The detection time as written (the answers spell the field {@code troubleDectectionTime}). */
    public String troubleDetectionTimeText() { return troubleDetectionTime; }
    /** The detection time, readable or not; {@code null} when absent. */
    public Timestamp troubleDetectionTime() { return Timestamp.parse(troubleDetectionTime); }
    /** The priority as written: {@code 1}, {@code "4"}, ... */
    public String preferredPriority() { return preferredPriority; }
    /** The priority as a number, when it is one (values outside 1..3 are kept as they are). */
    public OptionalInt priorityLevel() {
        try {
            return preferredPriority == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(preferredPriority.trim()));
        } catch (NumberFormatException notANumber) {
            return OptionalInt.empty();
        }
    }
    public String troubledObject() { return troubledObject; }
    public String customerTroubleNum() { return customerTroubleNum; }
    public String homeId() { return homeId; }
    public String gescal37ID() { return gescal37ID; }
    /** The issue type text as written. */
    public String wh1Parameter() { return wh1Parameter; }
    /** The issue type, or {@code null} when absent. */
    public IssueType issueType() { return IssueType.of(wh1Parameter); }
    /** A generic field {@code wh2Parameter} to {@code wh5Parameter} (index 2 to 5), or {@code null}. */
    public String whParameter(int index) {
        if (index < 2 || index > 5) {
            throw new IllegalArgumentException("generic fields are wh2Parameter to wh5Parameter, not wh" + index + "Parameter");
        }
        return whParameters.get(index - 2);
    }
    /** The number of clients affected as written (string or number in the document). */
    public String customer() { return customer; }
    /** The number of clients affected, when it is a number. */
    public OptionalLong customerCount() {
        try {
            return customer == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(customer.trim()));
        } catch (NumberFormatException notANumber) {
            return OptionalLong.empty();
        }
    }
    public String clearencePerson() { return clearencePerson; }
    public String closeOutType() { return closeOutType; }
    public String closeOutNarr() { return closeOutNarr; }
    public String serviceRestoredTime() { return serviceRestoredTime; }
    public List<MasStackAttachment> attachments() { return attachments; }
    /** The body exactly as received. */
    public String rawJson() { return rawJson; }

    @Override
    public String toString() {
        return "MasStackTicket[ticketId=" + ticketId + ", mirrorKey=" + mirrorKey + ", state=" + baseTroubleTicketState
                + ", troubleType=" + troubleType + ", preferredPriority=" + preferredPriority + "]";
    }

    /**
     * The wire shape. Every field is text because the document sends {@code preferredPriority} and
     * {@code customer} sometimes as numbers and sometimes as strings (the shared mapper turns numbers into
     * text); {@code troubleDectectionTime} is the answers' spelling of the request's {@code troubleDetectionTime}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    // Read by TicketWireReader, which follows these names (every answer about a ticket is one of these).
    @JsonDeserialize(using = TicketWireReader.class)
    record TicketWire(
            String ticketId, String mirrorKey, String baseTroubleTicketState, String dialog, String troubleType,
            String troubleDescription, @JsonAlias("troubleDectectionTime") String troubleDetectionTime,
            String preferredPriority, String troubledObject, String customerTroubleNum, String homeId, String gescal37ID,
            String wh1Parameter, String wh2Parameter, String wh3Parameter, String wh4Parameter, String wh5Parameter,
            String customer, String clearencePerson, String closeOutType, String closeOutNarr, String serviceRestoredTime,
            List<MasStackAttachment> attachments) {
    }
}
