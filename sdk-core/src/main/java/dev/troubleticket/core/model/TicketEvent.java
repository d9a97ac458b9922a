package dev.troubleticket.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a ticket: a comment, a status change, or another event of the provider's.
 *
 * @param provider       the provider id
 * @param id             the provider's identifier of the event, or a stable one the adapter derives
 * @param ticketId       the ticket the event belongs to, or {@code null} for account-wide events
 * @param kind           what sort of event this is
 * @param occurredAt     when it happened, or {@code null} if not given or unreadable
 * @param author         who made it, or {@code null}
 * @param comment        the comment text, or {@code null}
 * @param status         the neutral status the ticket moved to, or {@code null} when the status did not change
 * @param providerStatus the provider's own name of that status, or {@code null}
 * @param providerType   the provider's own event type ({@code order-running}, {@code TroubleTicketResolvedEvent}, ...)
 * @param raw            the event as received
 */
public record TicketEvent(
        String provider,
        String id,
        String ticketId,
        Kind kind,
        Instant occurredAt,
        String author,
        String comment,
        TicketStatus status,
        String providerStatus,
        String providerType,
        RawPayload raw) {

    /** The sorts of ticket event. */
    public enum Kind {
        /** A comment or information message, with no change of status. */
        COMMENT,
        /** The ticket changed status (a comment may come with it). */
        STATUS_CHANGE,
        /** Any other provider event; see {@link TicketEvent#providerType()}. */
        PROVIDER_EVENT
    }

    /** Refuses an event without provider or kind; an absent payload is the provider's empty one. */
    public TicketEvent {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(kind, "kind");
        raw = raw == null ? RawPayload.empty(provider) : raw;
    }

    @Override
    public String toString() {
        // Comments can hold personal data; the length is enough for a log line.
        return "TicketEvent[provider=" + provider + ", id=" + id + ", ticketId=" + ticketId + ", kind=" + kind
                + ", occurredAt=" + occurredAt + ", status=" + status + ", providerStatus=" + providerStatus
                + ", providerType=" + providerType + ", commentLength=" + (comment == null ? 0 : comment.length()) + "]";
    }
}
