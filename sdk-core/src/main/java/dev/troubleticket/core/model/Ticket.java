package dev.troubleticket.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A trouble ticket as the neutral API sees it.
 *
 * <p>The neutral fields are what every provider offers in some form. Nothing is lost on the way: the
 * provider's own status name is in {@link #providerStatus()} and the whole payload as received is in
 * {@link #raw()}; the provider's typed object is reachable through the adapter's own API
 * ({@code TicketingClient.unwrap}).
 *
 * <p>Dates are kept as the provider wrote them ({@link #created()}, {@link #updated()}) and read into
 * instants the first time {@link #createdAt()} or {@link #updatedAt()} is asked: a page of tickets carries
 * two dates per ticket, and a listing that only filters on status never looks at them.
 *
 * @param provider          the provider id ({@code kosc}, {@code masstack}, {@code nexera}, ...)
 * @param id                the provider's identifier of the ticket, as used in its URLs
 * @param alternateIds      other identifiers the provider accepts for the same ticket (alias, uuid)
 * @param externalReference the operator's own reference for the ticket (Kosc {@code operator_ticket_ref},
 *                          MasStack {@code mirrorKey}, TMF {@code externalId}), or {@code null}
 * @param status            the neutral status
 * @param providerStatus    the provider's own status name, exactly as received
 * @param title             a short description, or {@code null}
 * @param description       the description of the fault, or {@code null}
 * @param category          the provider's classification of the fault (category, trouble type, subtype), or {@code null}
 * @param priority          the urgency, or {@code null}
 * @param serviceId         the affected service or line, or {@code null}
 * @param contact           the contact person, or {@code null}
 * @param created           when the ticket was created, as the provider wrote it, or {@code null} if not given
 *                          ({@link #createdAt()} is its instant)
 * @param updated           when the ticket last changed, as the provider wrote it, or {@code null}
 *                          ({@link #updatedAt()} is its instant)
 * @param attachments       the files attached to the ticket
 * @param raw               the provider's payload as received
 */
public record Ticket(
        String provider,
        String id,
        List<String> alternateIds,
        String externalReference,
        TicketStatus status,
        String providerStatus,
        String title,
        String description,
        String category,
        Priority priority,
        String serviceId,
        Contact contact,
        Timestamp created,
        Timestamp updated,
        List<Attachment> attachments,
        RawPayload raw) {

    /** Refuses a ticket without provider or id; copies the lists, and an absent status is {@code UNKNOWN}. */
    public Ticket {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(id, "id");
        alternateIds = alternateIds == null ? List.of() : List.copyOf(alternateIds);
        status = status == null ? TicketStatus.UNKNOWN : status;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        raw = raw == null ? RawPayload.empty(provider) : raw;
    }

    /** Starts a builder for a ticket of the given provider. */
    public static Builder builder(String provider, String id) {
        return new Builder(provider, id);
    }

    /** When the ticket was created, or {@code null} if not given or unreadable (its text stays in {@link #created()}). */
    public Instant createdAt() {
        return created == null ? null : created.instant();
    }

    /** When the ticket last changed, or {@code null} if not given or unreadable (its text stays in {@link #updated()}). */
    public Instant updatedAt() {
        return updated == null ? null : updated.instant();
    }

    @Override
    public String toString() {
        // Title and description are the fault report's free text and can hold personal data (names, phone
        // numbers, addresses): their lengths are enough for a log line. Contact and raw payload redact themselves.
        return "Ticket[provider=" + provider + ", id=" + id + ", alternateIds=" + alternateIds + ", externalReference="
                + externalReference + ", status=" + status + ", providerStatus=" + providerStatus + ", titleLength="
                + length(title) + ", descriptionLength=" + length(description) + ", category=" + category + ", priority="
                + priority + ", serviceId=" + serviceId + ", contact=" + contact + ", created=" + created + ", updated="
                + updated + ", attachments=" + attachments.size() + ", raw=" + raw + "]";
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    /** Whether the ticket answers to the given identifier (its id or one of its alternate ids). */
    public boolean hasId(String candidate) {
        return id.equals(candidate) || alternateIds.contains(candidate);
    }

    /** Builds a {@link Ticket}; adapters use it, since most fields are optional. */
    public static final class Builder {
        private final String provider;
        private final String id;
        private List<String> alternateIds = List.of();
        private String externalReference;
        private TicketStatus status = TicketStatus.UNKNOWN;
        private String providerStatus;
        private String title;
        private String description;
        private String category;
        private Priority priority;
        private String serviceId;
        private Contact contact;
        private Timestamp created;
        private Timestamp updated;
        private List<Attachment> attachments = List.of();
        private RawPayload raw;

        private Builder(String provider, String id) {
            this.provider = provider;
            this.id = id;
        }

        /** Sets the other identifiers the provider accepts for the ticket. */
        public Builder alternateIds(List<String> value) { this.alternateIds = value; return this; }
        /** Sets the operator's own reference for the ticket. */
        public Builder externalReference(String value) { this.externalReference = value; return this; }
        /** Sets the neutral status and the provider's own name for it. */
        public Builder status(TicketStatus value, String providerValue) {
            this.status = value;
            this.providerStatus = providerValue;
            return this;
        }
        /** Sets the short description. */
        public Builder title(String value) { this.title = value; return this; }
        /** Sets the description of the fault. */
        public Builder description(String value) { this.description = value; return this; }
        /** Sets the provider's classification of the fault. */
        public Builder category(String value) { this.category = value; return this; }
        /** Sets the urgency. */
        public Builder priority(Priority value) { this.priority = value; return this; }
        /** Sets the affected service or line. */
        public Builder serviceId(String value) { this.serviceId = value; return this; }
        /** Sets the contact person. */
        public Builder contact(Contact value) { this.contact = value; return this; }
        /** Sets the creation date from an instant. */
        public Builder createdAt(Instant value) { this.created = value == null ? null : Timestamp.of(value); return this; }
        /** Sets the last change's date from an instant. */
        public Builder updatedAt(Instant value) { this.updated = value == null ? null : Timestamp.of(value); return this; }
        /** The creation date as the provider wrote it; read into an instant only when asked. */
        public Builder created(Timestamp value) { this.created = value; return this; }
        /** The last change's date as the provider wrote it; read into an instant only when asked. */
        public Builder updated(Timestamp value) { this.updated = value; return this; }
        /** Sets the files attached to the ticket. */
        public Builder attachments(List<Attachment> value) { this.attachments = value; return this; }
        /** Sets the provider's payload as received. */
        public Builder raw(RawPayload value) { this.raw = value; return this; }

        /** Makes the ticket; unset lists are empty and an unset status is {@code UNKNOWN}. */
        public Ticket build() {
            return new Ticket(provider, id, alternateIds, externalReference, status, providerStatus, title, description,
                    category, priority, serviceId, contact, created, updated, attachments, raw);
        }
    }
}
