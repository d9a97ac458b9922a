package dev.troubleticket.nexera;

import dev.troubleticket.nexera.model.TroubleTicket;
import java.util.List;

/**
 * One page of {@code GET /troubleTicket}.
 *
 * @param tickets     the tickets of the page
 * @param offset      the offset asked for
 * @param totalCount  {@code X-Total-Count}, or {@code -1} when the server did not say
 * @param resultCount {@code X-Result-Count}, or the number of tickets when the server did not say
 * @param partial     whether the server answered 206 Partial Content
 */
public record TroubleTicketPage(List<TroubleTicket> tickets, int offset, long totalCount, long resultCount, boolean partial) {
    /** Copies the tickets, so that the page cannot change after it is made. */
    public TroubleTicketPage {
        tickets = List.copyOf(tickets);
    }

    /** Whether more tickets follow this page, as far as the answer tells. */
    public boolean hasMore(int pageSize) {
        return hasMore(tickets.size(), offset, totalCount, partial, pageSize);
    }

    /**
     * Whether more tickets follow a page of {@code size} tickets read at {@code offset}: the total when the
     * server gave one, else a 206 or a full page.
     */
    static boolean hasMore(int size, int offset, long totalCount, boolean partial, int pageSize) {
        if (size == 0) {
            return false;
        }
        if (totalCount >= 0) {
            return offset + size < totalCount;
        }
        return partial || (pageSize > 0 && size >= pageSize);
    }
}
