package dev.troubleticket.core;

/**
 * An operation or feature a provider may or may not offer. Ask {@link TicketingClient#capabilities()}
 * instead of catching {@link dev.troubleticket.core.error.UnsupportedCapabilityException}.
 */
public enum Capability {
    /** Open a ticket. */
    CREATE,
    /**
     * {@link TicketingClient#create} with an {@code externalReference} already used answers the ticket opened with it
     * instead of opening a second one (the provider can find a ticket by the operator's reference).
     */
    IDEMPOTENT_CREATE,
    /** Read one ticket by id. */
    GET,
    /** List tickets (with server-side paging). */
    LIST,
    /** Add a comment to a ticket. */
    COMMENT,
    /** Move a ticket to another status. */
    TRANSITION,
    /** Read the events of one ticket. */
    HISTORY,
    /** Attach files when creating or updating a ticket. */
    ATTACHMENTS,
    /** A polled account-wide event feed (Kosc {@code /api/events/}). */
    EVENT_FEED,
    /** Pushed notifications to a listener the operator registers (TMF621 hub). */
    PUSH_NOTIFICATIONS,
    /** Change tracking by re-reading followed tickets (for providers with neither feed nor push). */
    WATCH_BY_POLLING
}
