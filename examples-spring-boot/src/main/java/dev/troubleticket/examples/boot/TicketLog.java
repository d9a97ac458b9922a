package dev.troubleticket.examples.boot;

import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.TicketEventHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back office's reaction to a ticket event: a log line with the ticket, the kind and the status, never the
 * comment or the contact (personal data). Keeps the events it saw, for the demo.
 */
public final class TicketLog implements TicketEventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TicketLog.class);
    private final List<TicketEvent> seen = new CopyOnWriteArrayList<>();

    @Override
    public void handle(TicketEvent event) {
        LOG.info("{} ticket {}: {}{}", event.provider(), event.ticketId(), event.kind(),
                event.status() == null ? "" : " -> " + event.status());
        seen.add(event);
    }

    /** The events handled so far. */
    public List<TicketEvent> seen() {
        return List.copyOf(seen);
    }
}
