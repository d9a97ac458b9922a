package dev.troubleticket.masstack.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /troubleTicket} ({@code createTroubleTicketByValueRequest}), field for field
 * as the document names them, misspellings included ({@code clearencePerson}).
 *
 * <p>Build it with {@link #builder()}; nothing is checked while building, so that
 * {@link dev.troubleticket.masstack.MasStackApi#create} can report every broken rule together.
 *
 * @param baseTroubleTicketState always {@code OPENACTIVE} for a create (required, at most 15)
 * @param mirrorKey              the operator's own ticket id (required, at most 255)
 * @param dialog                 information about the issue (required, at most 4000)
 * @param troubleType            the agreed opening typification (required, at most 35)
 * @param troubleDescription     a short description (required, at most 1000)
 * @param troubleDetectionTime   when the issue was detected, RFC 3339 date-time (required)
 * @param preferredPriority      1 (more than 200 clients), 2 (65 to 200) or 3 (10 to 65) (required)
 * @param troubledObject         the affected object (required, at most 100)
 * @param customerTroubleNum     the affected client's identifier (required, at most 100)
 * @param homeId                 the client's home identifier; required when the issue type is client (at most 255)
 * @param gescal37ID             the Gescal 37 identifier (at most 40)
 * @param wh1Parameter           the issue type, client or network (required)
 * @param wh2Parameter           generic field (at most 255)
 * @param wh3Parameter           generic field (at most 255)
 * @param wh4Parameter           generic field (at most 255)
 * @param wh5Parameter           generic field (at most 255)
 * @param customer               the number of clients affected
 * @param clearencePerson        the remote agent's identifier (required)
 * @param attachments            files as base64
 */
@JsonPropertyOrder({"baseTroubleTicketState", "mirrorKey", "dialog", "troubleType", "troubleDescription",
        "troubleDetectionTime", "preferredPriority", "troubledObject", "customerTroubleNum", "homeId", "gescal37ID",
        "wh1Parameter", "wh2Parameter", "wh3Parameter", "wh4Parameter", "wh5Parameter", "customer", "clearencePerson",
        "attachments"})
public record CreateTroubleTicketRequest(
        String baseTroubleTicketState,
        String mirrorKey,
        String dialog,
        String troubleType,
        String troubleDescription,
        String troubleDetectionTime,
        Integer preferredPriority,
        String troubledObject,
        String customerTroubleNum,
        String homeId,
        String gescal37ID,
        IssueType wh1Parameter,
        String wh2Parameter,
        String wh3Parameter,
        String wh4Parameter,
        String wh5Parameter,
        String customer,
        String clearencePerson,
        List<MasStackAttachment> attachments) {

    /** Copies the attachments; none is written as no {@code attachments} key at all. */
    public CreateTroubleTicketRequest {
        attachments = attachments == null || attachments.isEmpty() ? null : List.copyOf(attachments);
    }

    /**
     * Reads a create body written as in MasStack's document (for example a file given to
     * {@code ticketctl create --file}). Nothing is checked here: {@code MasStackApi.create} checks every
     * rule before sending. A body that is not a JSON object of this shape is refused, naming what is wrong.
     */
    public static CreateTroubleTicketRequest fromJson(String json) {
        try {
            CreateTroubleTicketRequest request = dev.troubleticket.core.internal.Json.mapper().readValue(json, CreateTroubleTicketRequest.class);
            if (request == null) {
                throw new java.io.IOException("the body is empty");
            }
            return request;
        } catch (java.io.IOException | IllegalArgumentException unreadable) {
            throw dev.troubleticket.core.error.ValidationException.beforeSending("masstack", "trouble ticket create",
                    List.of(new dev.troubleticket.core.error.FieldViolation("(body)",
                            "is not a createTroubleTicketByValueRequest: " + unreadable.getMessage())));
        }
    }

    /** A builder with {@code baseTroubleTicketState} set to {@code OPENACTIVE}, the only state a create may ask for. */
    public static Builder builder() {
        return new Builder();
    }

    /** The attachments, never {@code null}. */
    public List<MasStackAttachment> attachmentList() {
        return attachments == null ? List.of() : attachments;
    }

    @Override
    public String toString() {
        // The dialog and identifiers of the client's home may be personal data: they stay out of logs.
        return "CreateTroubleTicketRequest[mirrorKey=" + mirrorKey + ", troubleType=" + troubleType + ", preferredPriority="
                + preferredPriority + ", wh1Parameter=" + wh1Parameter + ", attachments=" + attachmentList().size() + "]";
    }

    /** Builds a {@link CreateTroubleTicketRequest}. */
    public static final class Builder {
        private String baseTroubleTicketState = TroubleTicketState.OPENACTIVE.value();
        private String mirrorKey;
        private String dialog;
        private String troubleType;
        private String troubleDescription;
        private String troubleDetectionTime;
        private Integer preferredPriority;
        private String troubledObject;
        private String customerTroubleNum;
        private String homeId;
        private String gescal37ID;
        private IssueType wh1Parameter;
        private String wh2Parameter;
        private String wh3Parameter;
        private String wh4Parameter;
        private String wh5Parameter;
        private String customer;
        private String clearencePerson;
        private final List<MasStackAttachment> attachments = new ArrayList<>();

        private Builder() {
        }

        /** Sets {@code baseTroubleTicketState}; a create may ask for {@code OPENACTIVE} only, the default. */
        public Builder baseTroubleTicketState(String value) { this.baseTroubleTicketState = value; return this; }
        /** Sets {@code mirrorKey}, the operator's own ticket id (at most 255). */
        public Builder mirrorKey(String value) { this.mirrorKey = value; return this; }
        /** Sets {@code dialog}, the information about the issue (at most 4000). */
        public Builder dialog(String value) { this.dialog = value; return this; }
        /** Sets {@code troubleType}, the agreed opening typification (at most 35). */
        public Builder troubleType(String value) { this.troubleType = value; return this; }
        /** Sets {@code troubleDescription}, the short description (at most 1000). */
        public Builder troubleDescription(String value) { this.troubleDescription = value; return this; }
        /** The detection time as text; checked as an RFC 3339 date-time when sent. */
        public Builder troubleDetectionTime(String value) { this.troubleDetectionTime = value; return this; }
        /** The detection time, written to the second in UTC ({@code 2025-01-15T10:30:00Z}), as the document's example. */
        public Builder troubleDetectionTime(Instant value) {
            this.troubleDetectionTime = value == null ? null : value.truncatedTo(ChronoUnit.SECONDS).toString();
            return this;
        }
        /** Sets {@code preferredPriority}: 1 (more than 200 clients), 2 (65 to 200) or 3 (10 to 65). */
        public Builder preferredPriority(Integer value) { this.preferredPriority = value; return this; }
        /** Sets {@code troubledObject}, the affected object (at most 100). */
        public Builder troubledObject(String value) { this.troubledObject = value; return this; }
        /** Sets {@code customerTroubleNum}, the affected client's identifier (at most 100). */
        public Builder customerTroubleNum(String value) { this.customerTroubleNum = value; return this; }
        /** Sets {@code homeId}, the client's home identifier, required when the issue type is client. */
        public Builder homeId(String value) { this.homeId = value; return this; }
        /** Sets {@code gescal37ID}, the Gescal 37 identifier (at most 40). */
        public Builder gescal37ID(String value) { this.gescal37ID = value; return this; }
        /** Sets {@code wh1Parameter}, the issue type: client or network. */
        public Builder wh1Parameter(IssueType value) { this.wh1Parameter = value; return this; }
        /** Sets the issue type ({@code wh1Parameter}); same as {@link #wh1Parameter(IssueType)}. */
        public Builder issueType(IssueType value) { return wh1Parameter(value); }
        /** Sets {@code wh2Parameter}, a generic field (at most 255). */
        public Builder wh2Parameter(String value) { this.wh2Parameter = value; return this; }
        /** Sets {@code wh3Parameter}, a generic field (at most 255). */
        public Builder wh3Parameter(String value) { this.wh3Parameter = value; return this; }
        /** Sets {@code wh4Parameter}, a generic field (at most 255). */
        public Builder wh4Parameter(String value) { this.wh4Parameter = value; return this; }
        /** Sets {@code wh5Parameter}, a generic field (at most 255). */
        public Builder wh5Parameter(String value) { this.wh5Parameter = value; return this; }
        /** Sets {@code customer}, the number of clients affected. */
        public Builder customer(String value) { this.customer = value; return this; }
        /** Sets {@code clearencePerson} (the document's spelling), the remote agent's identifier. */
        public Builder clearencePerson(String value) { this.clearencePerson = value; return this; }
        /** Adds one file to {@code attachments}. */
        public Builder attachment(MasStackAttachment value) { this.attachments.add(value); return this; }
        /** Adds these files to {@code attachments}, after any added before. */
        public Builder attachments(List<MasStackAttachment> values) { this.attachments.addAll(values); return this; }

        /** Makes the request; {@code MasStackApi.create} checks every rule before sending. */
        public CreateTroubleTicketRequest build() {
            return new CreateTroubleTicketRequest(baseTroubleTicketState, mirrorKey, dialog, troubleType, troubleDescription,
                    troubleDetectionTime, preferredPriority, troubledObject, customerTroubleNum, homeId, gescal37ID,
                    wh1Parameter, wh2Parameter, wh3Parameter, wh4Parameter, wh5Parameter, customer, clearencePerson,
                    attachments);
        }
    }
}
