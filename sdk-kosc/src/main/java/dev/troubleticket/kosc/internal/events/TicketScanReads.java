package dev.troubleticket.kosc.internal.events;

import dev.troubleticket.core.Page;
import dev.troubleticket.kosc.model.KoscTicket;
import dev.troubleticket.kosc.model.KoscTicketEvent;
import java.util.List;

/** What {@link TicketEventSource} reads from Kosc: pages of the ticket list, and one ticket's events. */
public interface TicketScanReads {

    /**
     * One page of the ticket list, most recently modified first, each ticket read at least as far as its ids,
     * {@code modification_date} and {@code sort_value}.
     *
     * @param after the {@code sort_value} of the last ticket of the previous page, or {@code null} for the top
     * @param limit tickets per page, 1 to 100
     */
    Page<KoscTicket> page(String after, int limit);

    /** The ticket's events as Kosc lists them, newest first. */
    List<KoscTicketEvent> events(String ticketKey);
}
