package dev.troubleticket.kosc.internal.events;

import dev.troubleticket.core.Page;
import dev.troubleticket.core.error.TicketingException;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.spi.PolledSource;
import dev.troubleticket.core.subscription.spi.SourceBatch;
import dev.troubleticket.core.subscription.spi.SourceEvent;
import dev.troubleticket.kosc.internal.NeutralMapping;
import dev.troubleticket.kosc.model.KoscTicket;
import dev.troubleticket.kosc.model.KoscTicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code tickets} stream of Kosc's subscription: comments and status changes of every ticket of the account.
 * Kosc's event feed has none, so each poll reads the ticket list (most recently modified first) and the events of
 * the tickets that changed. It never skips a ticket:
 *
 * <ul>
 *   <li>A scan pages down until it reaches the mark (the top of the list when the previous scan began). A poll
 *       reads at most {@code pagesPerPoll} pages; where it stops early it says {@code more} and its position keeps
 *       the cursor, so that the next poll goes on from there. The mark moves only when a scan reached it.</li>
 *   <li>A ticket of the unread backlog that changes during a scan jumps to the top, above the cursor: the scan
 *       does not see it, and the next one does. So that its older events are still handed over then, events are
 *       selected by a horizon that moves up to the mark only after a scan no ticket overtook: a scan read from one
 *       page (one answer of Kosc's) or whose top was still the list's top once it ended. Repeats are dropped by the
 *       subscription's seen window (keys {@code ticket-event:<ticketId>:<eventId>}).</li>
 * </ul>
 *
 * <p>The events of one poll are handed over in creation order, on the lane of their ticket. An event whose
 * creation date cannot be read is handed over too (logged once), placed before the next newer event of its ticket.
 */
public final class TicketEventSource implements PolledSource {
    /** The stream's name in the store. */
    public static final String STREAM = "tickets";
    private static final Logger LOG = LoggerFactory.getLogger(TicketEventSource.class);
    private static final int LOGGED_KEYS = 1_000;

    private final TicketScanReads reads;
    private final int pagesPerPoll;
    private final int pageSize;
    private final Duration interval;
    private final Set<String> onlyTickets;
    private final Set<String> logged = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > LOGGED_KEYS;
        }
    });

    /**
     * @param pagesPerPoll how many pages of the ticket list one poll reads at most (the backlog goes on at the next)
     * @param pageSize     tickets per page, 1 to 100
     * @param interval     the least time between two polls once caught up, when the options give none
     * @param onlyTickets  the ticket ids whose events are read (the subscription hands over no others); empty for all
     */
    public TicketEventSource(TicketScanReads reads, int pagesPerPoll, int pageSize, Duration interval,
                                Set<String> onlyTickets) {
        this.reads = Objects.requireNonNull(reads, "reads");
        if (pagesPerPoll < 1 || pageSize < 1) {
            throw new IllegalArgumentException("a ticket scan reads at least one page of at least one ticket per poll");
        }
        this.pagesPerPoll = pagesPerPoll;
        this.pageSize = pageSize;
        this.interval = Objects.requireNonNull(interval, "interval");
        this.onlyTickets = Set.copyOf(onlyTickets);
    }

    @Override
    public String stream() {
        return STREAM;
    }

    @Override
    public Duration defaultInterval() {
        return interval;
    }

    @Override
    public SourceBatch poll(String position, Instant startFrom) {
        TicketScanPosition at = position == null ? TicketScanPosition.startingAt(startFrom) : TicketScanPosition.parse(position);
        boolean continuing = at.scanning();
        Instant top = at.scanTop();
        String topTicket = at.scanTopTicket();
        String cursor = at.cursor();
        List<Found> found = new ArrayList<>();
        int pages = 0;
        boolean reached = false;
        // Where a poll whose read fails part-way goes on from: after the last ticket whose events were all read.
        String progress = null;
        try {
        while (!reached && pages < pagesPerPoll) {
            Page<KoscTicket> page = reads.page(cursor, pageSize);
            pages++;
            for (KoscTicket ticket : page.items()) {
                String key = ticket.key();
                Instant modified = modification(ticket, key);
                if (modified != null && at.mark() != null && modified.isBefore(at.mark())) {
                    // Newest-modified first: nothing further down changed since the mark.
                    reached = true;
                    break;
                }
                if (top == null && modified != null) {
                    top = modified;
                    topTicket = key;
                }
                if (key == null) {
                    logOnce("ticket:" + ticket.sortValue(), "kosc ticket listed without id, alias or uuid (sort_value {}): its"
                            + " events cannot be read", ticket.sortValue());
                } else if (!(modified != null && modified.equals(at.mark()) && key.equals(at.markTicket()))
                        && (onlyTickets.isEmpty() || onlyTickets.contains(key))) {
                    // (The ticket at the mark was read by the scan that set it; unchanged since, it is not read again.)
                    collect(key, modified, at.horizon(), found);
                }
                if (ticket.sortValue() != null) {
                    progress = ticket.sortValue();
                }
            }
            if (!reached) {
                if (page.items().size() < pageSize) {
                    reached = true;
                } else {
                    cursor = nextCursor(page);
                }
            }
        }
        } catch (TicketingException e) {
            if (progress == null) {
                throw e;
            }
            // One failed read must not cost the work of the whole poll: with many changed tickets and a provider that
            // fails now and then, a poll that starts again from its old position might never get through.
            LOG.warn("kosc ticket scan: a read failed part-way ({}); the {} events read so far are handed over and the next"
                    + " poll goes on after the last ticket read", e.getMessage(), found.size());
            return new SourceBatch(inCreationOrder(found), at.continuing(top, topTicket, progress).encode(), false, null);
        }
        List<SourceEvent> events = inCreationOrder(found);
        if (!reached) {
            return new SourceBatch(events, at.continuing(top, topTicket, cursor).encode(), true, null);
        }
        // One page is one answer of Kosc's: no ticket can have overtaken it. A longer scan was overtaken by none when
        // its top is still the list's top.
        boolean clean = (!continuing && pages == 1) || stillOnTop(top, topTicket);
        return new SourceBatch(events, at.completed(top, topTicket, clean).encode(), false, null);
    }

    private boolean stillOnTop(Instant top, String topTicket) {
        List<KoscTicket> now = reads.page(null, 1).items();
        if (now.isEmpty()) {
            return top == null;
        }
        KoscTicket first = now.get(0);
        Instant modified = first.modificationDate() == null ? null : first.modificationDate().instant();
        return top != null && top.equals(modified) && Objects.equals(topTicket, first.key());
    }

    /** Where the next page starts: a full page always has one, or going on would skip the rest of the list. */
    private static String nextCursor(Page<KoscTicket> page) {
        List<KoscTicket> items = page.items();
        for (int i = items.size() - 1; i >= 0; i--) {
            // A last ticket without sort_value: go on after the last one that has one (a few are read twice).
            if (items.get(i).sortValue() != null) {
                return items.get(i).sortValue();
            }
        }
        throw new IllegalStateException("Kosc listed a full page of tickets without any sort_value: the list cannot be"
                + " read further without skipping tickets; the page is read again at the next poll");
    }

    private Instant modification(KoscTicket ticket, String key) {
        if (ticket.modificationDate() == null) {
            return null;
        }
        Instant modified = ticket.modificationDate().instant();
        if (modified == null) {
            logOnce("modified:" + key, "kosc ticket {}: modification_date '{}' cannot be read as a date; its events are read"
                    + " at every poll", key, ticket.modificationDate().raw());
        }
        return modified;
    }

    /** Reads one ticket's events and keeps those at or after the horizon, oldest first. */
    private void collect(String ticketId, Instant modified, Instant horizon, List<Found> found) {
        List<KoscTicketEvent> newestFirst = reads.events(ticketId);
        List<Found> kept = new ArrayList<>(newestFirst.size());
        // No event of a ticket is newer than its modification; an undated event is no newer than the next newer event.
        Instant newer = modified;
        for (KoscTicketEvent event : newestFirst) {
            Instant created = event.creationDate() == null ? null : event.creationDate().instant();
            Instant bound = created != null ? created : newer;
            if (created != null) {
                newer = created;
            }
            if (horizon != null && bound != null && bound.isBefore(horizon)) {
                continue;
            }
            String key = EventKeys.ticketEvent(ticketId, event);
            if (created == null) {
                logOnce(key, "kosc ticket {} event {}: creation_date '{}' cannot be read as a date; it is handed over placed"
                        + " before the ticket's next event", ticketId, event.id() == null ? null : event.id().raw(),
                        event.creationDate() == null ? null : event.creationDate().raw());
            }
            kept.add(new Found(bound == null ? Instant.MAX : bound, 0, key, ticketId, event));
        }
        for (int i = kept.size() - 1; i >= 0; i--) {
            Found oldestFirst = kept.get(i);
            found.add(new Found(oldestFirst.order(), found.size(), oldestFirst.key(), ticketId, oldestFirst.event()));
        }
    }

    private static List<SourceEvent> inCreationOrder(List<Found> found) {
        found.sort(Comparator.comparing(Found::order).thenComparingInt(Found::sequence));
        List<SourceEvent> events = new ArrayList<>(found.size());
        for (Found f : found) {
            TicketEvent event = NeutralMapping.event(f.ticketId(), f.event(), false);
            events.add(SourceEvent.positioned(f.key(), f.ticketId(), event, null));
        }
        return events;
    }

    private void logOnce(String key, String message, Object... arguments) {
        if (logged.add(key)) {
            LOG.warn(message, arguments);
        }
    }

    /** An event kept by a poll: the instant that orders it, and its place among the events of its ticket. */
    private record Found(Instant order, int sequence, String key, String ticketId, KoscTicketEvent event) {
    }
}
