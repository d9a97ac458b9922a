package dev.troubleticket.masstack.internal.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions of one client that are open (made by {@code subscribe} and not closed), so that a ticket opened
 * through the client, by the neutral or the typed create, is followed by each of them at once.
 *
 * <p>A ticket opened while none is open is remembered here, in memory (the {@value #MAX_PENDING} most recent), and
 * handed to the next subscription that opens, which keeps it in its store: a back office that opens tickets before
 * its subscription has started does not lose their first changes. Only a process that ends first loses them.
 */
public final class OpenSubscriptions {
    /** How many tickets opened with no subscription open are remembered for the next one. */
    public static final int MAX_PENDING = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(OpenSubscriptions.class);

    private record Opened(String ticketId, String state, String dialog) {
    }

    private final boolean followCreated;
    private final Set<TicketEventSource> sources = new CopyOnWriteArraySet<>();
    private final LinkedHashMap<String, Opened> pending = new LinkedHashMap<>();
    private boolean warnedFull;

    /** @param followCreated whether tickets opened through the client are followed at all */
    public OpenSubscriptions(boolean followCreated) {
        this.followCreated = followCreated;
    }

    /** A subscription opens: it follows, from now on, the tickets the client opens, and those opened while none was open. */
    public void add(TicketEventSource source) {
        List<Opened> handOver;
        synchronized (this) {
            if (!sources.add(source) || pending.isEmpty()) {
                return;
            }
            handOver = new ArrayList<>(pending.values());
            pending.clear();
            warnedFull = false;
        }
        for (Opened ticket : handOver) {
            tell(source, ticket);
        }
    }

    /** A subscription closes. */
    public void remove(TicketEventSource source) {
        sources.remove(source);
    }

    /**
     * Tells every open subscription of a ticket just opened, in the state and with the dialog it was opened with, or
     * remembers it for the next one. Never throws: the ticket exists, and the caller must learn its id; a store that
     * cannot keep it is logged (and stops that subscription at the ticket's first event).
     */
    public void opened(String ticketId, String state, String dialog) {
        if (!followCreated || ticketId == null) {
            return;
        }
        Opened ticket = new Opened(ticketId, state, dialog);
        synchronized (this) {
            if (sources.isEmpty()) {
                remember(ticket);
                return;
            }
        }
        for (TicketEventSource source : sources) {
            tell(source, ticket);
        }
    }

    private void remember(Opened ticket) {
        pending.put(ticket.ticketId(), ticket);
        if (pending.size() > MAX_PENDING) {
            Map.Entry<String, Opened> oldest = pending.entrySet().iterator().next();
            pending.remove(oldest.getKey());
            if (!warnedFull) {
                warnedFull = true;
                LOG.warn("{} MasStack tickets were opened while no subscription was open; the oldest (from {}) are no "
                        + "longer remembered for the next one: follow them with TicketSubscription.follow(id)", MAX_PENDING,
                        oldest.getKey());
            }
        }
    }

    private static void tell(TicketEventSource source, Opened ticket) {
        try {
            source.opened(ticket.ticketId(), ticket.state(), ticket.dialog());
        } catch (RuntimeException e) {
            LOG.warn("subscription '{}' follows ticket {}, but its store could not keep it: {}", source.name(),
                    ticket.ticketId(), e.getMessage());
        }
    }

    /** How many subscriptions are open. */
    public int size() {
        return sources.size();
    }

    /** How many tickets opened while none was open wait for the next subscription. */
    public synchronized int pending() {
        return pending.size();
    }
}
