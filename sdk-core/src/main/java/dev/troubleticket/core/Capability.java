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
    /**
     * {@link TicketingClient#subscribe} polls the provider's account-wide feed or list of changed tickets (Kosc's
     * ticket list and {@code /api/events/}): every ticket's events come, at the poll interval.
     */
    EVENT_FEED,
    /**
     * {@link TicketingClient#subscribe} registers a receiver the provider pushes notifications to (a TMF621 hub):
     * every ticket's events come as they happen.
     */
    PUSH_NOTIFICATIONS,
    /**
     * {@link TicketingClient#subscribe} re-reads the tickets it follows (for providers with neither feed nor push:
     * MasStack): tickets opened through the client, and those given to {@code follow}, at the poll interval.
     */
    WATCH_BY_POLLING
}
