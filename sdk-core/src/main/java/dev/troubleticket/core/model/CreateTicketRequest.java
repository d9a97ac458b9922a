package dev.troubleticket.core.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the operator asks for when opening a ticket, in neutral terms.
 *
 * <p>Each adapter maps these fields onto its provider's create body and checks the provider's rules
 * before sending. Fields a provider needs that have no neutral meaning (Kosc's
 * {@code diagnostic_run_id}, MasStack's {@code troubleType} or {@code clearencePerson}, TMF's
 * {@code ticketType}) go in {@link #providerFields()} under the provider's own names; the adapter's
 * README lists them.
 *
 * @param externalReference the operator's own reference for the ticket; adapters use it to make a
 *                          create safe to retry
 * @param serviceId         the affected service or line
 * @param category          the kind of fault, in the provider's vocabulary
 * @param title             a short description
 * @param description       the full description of the fault
 * @param initialComment    a first comment, or {@code null}
 * @param priority          the urgency, or {@code null} for the provider's default
 * @param contact           who to call, or {@code null}
 * @param detectedAt        when the fault was detected, or {@code null}
 * @param attachments       files to attach
 * @param providerFields    provider-specific fields by the provider's own names
 */
public record CreateTicketRequest(
        String externalReference,
        String serviceId,
        String category,
        String title,
        String description,
        String initialComment,
        Priority priority,
        Contact contact,
        Instant detectedAt,
        List<Attachment> attachments,
        Map<String, Object> providerFields) {

    /** Copies the attachments and provider fields, so that the request cannot change after it is made. */
    public CreateTicketRequest {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        // Values may be null on purpose (Kosc wants "diagnostic_run_id": null), so no Map.copyOf.
        providerFields = providerFields == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(providerFields));
    }

    /** Starts an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A provider field as text, or {@code null}. */
    public String providerField(String name) {
        Object value = providerFields.get(name);
        return value == null ? null : value.toString();
    }

    /** Builds a {@link CreateTicketRequest}. Validation is the adapter's job, so that all problems are listed together. */
    public static final class Builder {
        private String externalReference;
        private String serviceId;
        private String category;
        private String title;
        private String description;
        private String initialComment;
        private Priority priority;
        private Contact contact;
        private Instant detectedAt;
        private List<Attachment> attachments = List.of();
        private final Map<String, Object> providerFields = new LinkedHashMap<>();

        /** Sets the operator's own reference, by which a repeated create finds the ticket already opened. */
        public Builder externalReference(String value) { this.externalReference = value; return this; }
        /** Sets the affected service or line. */
        public Builder serviceId(String value) { this.serviceId = value; return this; }
        /** Sets the kind of fault, in the provider's vocabulary. */
        public Builder category(String value) { this.category = value; return this; }
        /** Sets the short description. */
        public Builder title(String value) { this.title = value; return this; }
        /** Sets the full description of the fault. */
        public Builder description(String value) { this.description = value; return this; }
        /** Sets the first comment sent with the ticket; {@code null} for none. */
        public Builder initialComment(String value) { this.initialComment = value; return this; }
        /** Sets the urgency; {@code null} leaves the provider's default. */
        public Builder priority(Priority value) { this.priority = value; return this; }
        /** Sets who the provider should call; {@code null} for none. */
        public Builder contact(Contact value) { this.contact = value; return this; }
        /** Sets when the fault was detected; {@code null} when unknown. */
        public Builder detectedAt(Instant value) { this.detectedAt = value; return this; }
        /** Sets the files to attach, replacing any set before. */
        public Builder attachments(List<Attachment> value) { this.attachments = value; return this; }
        /** Sets a provider-specific field by the provider's own name; {@code null} values are kept. */
        public Builder providerField(String name, Object value) { this.providerFields.put(name, value); return this; }

        /** Makes the request; the adapter validates it when it is sent, listing every problem at once. */
        public CreateTicketRequest build() {
            return new CreateTicketRequest(externalReference, serviceId, category, title, description, initialComment,
                    priority, contact, detectedAt, attachments, providerFields);
        }
    }
}
