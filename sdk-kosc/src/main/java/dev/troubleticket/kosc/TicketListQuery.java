package dev.troubleticket.kosc;

import dev.troubleticket.kosc.model.KoscTicketStatus;

/**
 * Which tickets {@code GET /api/tickets/} lists: an optional status and the page size ({@code limit},
 * at most 100). Tickets come most recently modified first.
 *
 * @param status the status to keep, or {@code null} for all
 * @param limit  tickets per page, 1 to 100
 */
public record TicketListQuery(KoscTicketStatus status, int limit) {
    /** Kosc's documented maximum page size. */
    public static final int MAX_LIMIT = 100;

    /** Every ticket, 100 per page. */
    public static TicketListQuery all() {
        return new TicketListQuery(null, MAX_LIMIT);
    }

    /** The tickets of one status, 100 per page. */
    public static TicketListQuery withStatus(KoscTicketStatus status) {
        return new TicketListQuery(status, MAX_LIMIT);
    }

    /** The same query with another page size. */
    public TicketListQuery withLimit(int value) {
        return new TicketListQuery(status, value);
    }
}
