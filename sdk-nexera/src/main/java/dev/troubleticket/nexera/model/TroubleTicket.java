package dev.troubleticket.nexera.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import dev.troubleticket.core.model.Numeral;
import dev.troubleticket.core.model.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TMF621 TroubleTicket resource with every field of the Nexera document's table (plus
 * {@code correlationId}, {@code requestedResolutionDate} and {@code statusChange} from TMF621 v4).
 *
 * <p>The same type is read from the server and written to it: a create sends the fields that are set,
 * and an update sends them as a JSON merge patch, where an absent ({@code null}) field stays unchanged.
 * Which fields a request may carry is the profile's {@code RequirementMatrix}'s business. Fields this
 * SDK version does not know are kept in {@link #additionalProperties()} and written back.
 *
 * @param id the ticket's id, set by the server
 * @param href its address, set by the server
 * @param name a short description given by the reporter
 * @param description the description of the trouble
 * @param severity how badly the fault affects the service
 * @param status the current status
 * @param ticketType the business type
 * @param ticketSubtype the sub-type (read also from {@code ticketSubType})
 * @param priority 1 (highest) to 10 (lowest) in Nexera's document; kept as sent whatever it is (TMF621 v4's schema
 *                 makes it a string, {@code "High"}): {@link Numeral#asInteger()} is the number when it is one
 * @param channel the channel it came through
 * @param origin where it came from
 * @param externalId the operator's own reference
 * @param correlationId an id correlating it with other exchanges
 * @param creationDate when it was created
 * @param lastUpdate when it last changed
 * @param expectedResolutionDate when the provider expects to resolve it
 * @param requestedResolutionDate when the reporter wants it resolved (TMF621)
 * @param resolutionDate when it was resolved
 * @param statusChangeDate when its status last changed
 * @param statusChangeReason why its status last changed
 * @param note its notes
 * @param attachment its attachments
 * @param relatedEntity what it is about
 * @param relatedParty who is involved
 * @param troubleTicketRelationship links to other tickets
 * @param statusChange past status changes, when the server lists them
 * @param baseType {@code @baseType}
 * @param type {@code @type}
 * @param schemaLocation {@code @schemaLocation}
 * @param additionalProperties fields this SDK version does not know, kept as received
 */
// Read through its builder, written from the components: a new field is a component and a builder setter.
@JsonDeserialize(builder = TroubleTicket.Builder.class)
public record TroubleTicket(
        String id,
        String href,
        String name,
        String description,
        Severity severity,
        TroubleTicketStatus status,
        TicketType ticketType,
        @JsonAlias("ticketSubType") TicketSubtype ticketSubtype,
        Numeral priority,
        ChannelRef channel,
        Origin origin,
        String externalId,
        String correlationId,
        Timestamp creationDate,
        Timestamp lastUpdate,
        Timestamp expectedResolutionDate,
        Timestamp requestedResolutionDate,
        Timestamp resolutionDate,
        Timestamp statusChangeDate,
        String statusChangeReason,
        List<Note> note,
        List<AttachmentRefOrValue> attachment,
        List<RelatedEntity> relatedEntity,
        List<RelatedParty> relatedParty,
        List<TroubleTicketRelationship> troubleTicketRelationship,
        List<StatusChangeRecord> statusChange,
        @JsonProperty("@baseType") String baseType,
        @JsonProperty("@type") String type,
        @JsonProperty("@schemaLocation") String schemaLocation,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

    /** Absent additional properties are an empty map, which unknown fields are read into. */
    public TroubleTicket {
        additionalProperties = additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
    }

    /**
     * Reads a TroubleTicket written as TMF621 JSON (for example a create body given to
     * {@code ticketctl create --file}); unknown fields are kept. Nothing is checked here: the API checks the
     * requirement matrix before sending. A body that is not a JSON object of this shape is refused,
     * naming what is wrong.
     */
    public static TroubleTicket fromJson(String json) {
        try {
            TroubleTicket ticket = dev.troubleticket.core.internal.Json.mapper().readValue(json, TroubleTicket.class);
            if (ticket == null) {
                throw new java.io.IOException("the body is empty");
            }
            return ticket;
        } catch (java.io.IOException | IllegalArgumentException unreadable) {
            throw dev.troubleticket.core.error.ValidationException.beforeSending("nexera", "trouble ticket create",
                    java.util.List.of(new dev.troubleticket.core.error.FieldViolation("(body)",
                            "is not a TMF621 TroubleTicket: " + unreadable.getMessage())));
        }
    }

    /** Starts an empty builder (for a create or a merge patch). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this ticket's fields. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.href = href;
        b.name = name;
        b.description = description;
        b.severity = severity;
        b.status = status;
        b.ticketType = ticketType;
        b.ticketSubtype = ticketSubtype;
        b.priority = priority;
        b.channel = channel;
        b.origin = origin;
        b.externalId = externalId;
        b.correlationId = correlationId;
        b.creationDate = creationDate;
        b.lastUpdate = lastUpdate;
        b.expectedResolutionDate = expectedResolutionDate;
        b.requestedResolutionDate = requestedResolutionDate;
        b.resolutionDate = resolutionDate;
        b.statusChangeDate = statusChangeDate;
        b.statusChangeReason = statusChangeReason;
        b.note = note;
        b.attachment = attachment;
        b.relatedEntity = relatedEntity;
        b.relatedParty = relatedParty;
        b.troubleTicketRelationship = troubleTicketRelationship;
        b.statusChange = statusChange;
        b.baseType = baseType;
        b.type = type;
        b.schemaLocation = schemaLocation;
        b.additionalProperties = new LinkedHashMap<>(additionalProperties);
        return b;
    }

    @Override
    public String toString() {
        // Names, descriptions and notes can hold personal data: identifiers and states only.
        return "TroubleTicket[id=" + id + ", externalId=" + externalId + ", ticketType=" + ticketType + ", status=" + status
                + ", severity=" + severity + ", priority=" + priority + ", notes=" + (note == null ? 0 : note.size())
                + ", attachments=" + (attachment == null ? 0 : attachment.size()) + "]";
    }

    /** Builds a {@link TroubleTicket}; unset fields stay {@code null} and are not sent. Jackson reads tickets through it. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private String id;
        private String href;
        private String name;
        private String description;
        private Severity severity;
        private TroubleTicketStatus status;
        private TicketType ticketType;
        private TicketSubtype ticketSubtype;
        private Numeral priority;
        private ChannelRef channel;
        private Origin origin;
        private String externalId;
        private String correlationId;
        private Timestamp creationDate;
        private Timestamp lastUpdate;
        private Timestamp expectedResolutionDate;
        private Timestamp requestedResolutionDate;
        private Timestamp resolutionDate;
        private Timestamp statusChangeDate;
        private String statusChangeReason;
        private List<Note> note;
        private List<AttachmentRefOrValue> attachment;
        private List<RelatedEntity> relatedEntity;
        private List<RelatedParty> relatedParty;
        private List<TroubleTicketRelationship> troubleTicketRelationship;
        private List<StatusChangeRecord> statusChange;
        private String baseType;
        private String type;
        private String schemaLocation;
        private Map<String, Object> additionalProperties = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets the ticket's id, set by the server. */
        public Builder id(String value) {
            this.id = value;
            return this;
        }

        /** Sets its address, set by the server. */
        public Builder href(String value) {
            this.href = value;
            return this;
        }

        /** Sets a short description given by the reporter. */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** Sets the description of the trouble. */
        public Builder description(String value) {
            this.description = value;
            return this;
        }

        /** Sets how badly the fault affects the service. */
        public Builder severity(Severity value) {
            this.severity = value;
            return this;
        }

        /** Sets the current status. */
        public Builder status(TroubleTicketStatus value) {
            this.status = value;
            return this;
        }

        /** Sets the business type. */
        public Builder ticketType(TicketType value) {
            this.ticketType = value;
            return this;
        }

        /** Sets the sub-type (read also from {@code ticketSubType}). */
        @JsonAlias("ticketSubType")
        public Builder ticketSubtype(TicketSubtype value) {
            this.ticketSubtype = value;
            return this;
        }

        /** Sets 1 (highest) to 10 (lowest). */
        @JsonIgnore
        public Builder priority(Integer value) {
            this.priority = value == null ? null : Numeral.of(value);
            return this;
        }

        /** Sets the priority as a server may send it (a number, or another TMF621 server's text such as {@code "High"}). */
        @JsonProperty("priority")
        public Builder priority(Numeral value) {
            this.priority = value;
            return this;
        }

        /** Sets the channel it came through. */
        public Builder channel(ChannelRef value) {
            this.channel = value;
            return this;
        }

        /** Sets where it came from. */
        public Builder origin(Origin value) {
            this.origin = value;
            return this;
        }

        /** Sets the operator's own reference. */
        public Builder externalId(String value) {
            this.externalId = value;
            return this;
        }

        /** Sets an id correlating it with other exchanges. */
        public Builder correlationId(String value) {
            this.correlationId = value;
            return this;
        }

        /** Sets when it was created. */
        public Builder creationDate(Timestamp value) {
            this.creationDate = value;
            return this;
        }

        /** Sets when it last changed. */
        public Builder lastUpdate(Timestamp value) {
            this.lastUpdate = value;
            return this;
        }

        /** Sets when the provider expects to resolve it. */
        public Builder expectedResolutionDate(Timestamp value) {
            this.expectedResolutionDate = value;
            return this;
        }

        /** Sets when the reporter wants it resolved (TMF621). */
        public Builder requestedResolutionDate(Timestamp value) {
            this.requestedResolutionDate = value;
            return this;
        }

        /** Sets when it was resolved. */
        public Builder resolutionDate(Timestamp value) {
            this.resolutionDate = value;
            return this;
        }

        /** Sets when its status last changed. */
        public Builder statusChangeDate(Timestamp value) {
            this.statusChangeDate = value;
            return this;
        }

        /** Sets why its status last changed. */
        public Builder statusChangeReason(String value) {
            this.statusChangeReason = value;
            return this;
        }

        /** Sets its notes. */
        public Builder note(List<Note> value) {
            this.note = value;
            return this;
        }

        /** Sets its attachments. */
        public Builder attachment(List<AttachmentRefOrValue> value) {
            this.attachment = value;
            return this;
        }

        /** Sets what it is about. */
        public Builder relatedEntity(List<RelatedEntity> value) {
            this.relatedEntity = value;
            return this;
        }

        /** Sets who is involved. */
        public Builder relatedParty(List<RelatedParty> value) {
            this.relatedParty = value;
            return this;
        }

        /** Sets links to other tickets. */
        public Builder troubleTicketRelationship(List<TroubleTicketRelationship> value) {
            this.troubleTicketRelationship = value;
            return this;
        }

        /** Sets past status changes, when the server lists them. */
        public Builder statusChange(List<StatusChangeRecord> value) {
            this.statusChange = value;
            return this;
        }

        /** Sets {@code @baseType}. */
        @JsonProperty("@baseType")
        public Builder baseType(String value) {
            this.baseType = value;
            return this;
        }

        /** Sets {@code @type}. */
        @JsonProperty("@type")
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** Sets {@code @schemaLocation}. */
        @JsonProperty("@schemaLocation")
        public Builder schemaLocation(String value) {
            this.schemaLocation = value;
            return this;
        }

        /** Sets a field this SDK has no component for, by its wire name. */
        @JsonAnySetter
        public Builder additionalProperty(String name, Object value) {
            this.additionalProperties.put(name, value);
            return this;
        }

        /** Makes the ticket; nothing is checked here, the API checks a create before sending. */
        public TroubleTicket build() {
            return new TroubleTicket(id, href, name, description, severity, status, ticketType, ticketSubtype, priority, channel, origin, externalId, correlationId, creationDate, lastUpdate, expectedResolutionDate, requestedResolutionDate, resolutionDate, statusChangeDate, statusChangeReason, note, attachment, relatedEntity, relatedParty, troubleTicketRelationship, statusChange, baseType, type, schemaLocation, additionalProperties);
        }
    }
}
