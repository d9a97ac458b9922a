package dev.troubleticket.kosc.internal;

import dev.troubleticket.core.Page;
import dev.troubleticket.core.feed.FeedBatch;
import dev.troubleticket.core.feed.FeedItem;
import dev.troubleticket.core.feed.FeedSource;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.kosc.KoscApi;
import dev.troubleticket.kosc.TicketListQuery;
import dev.troubleticket.kosc.model.KoscTicket;
import dev.troubleticket.kosc.model.KoscTicketEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ticket changes as neutral {@link TicketEvent}s for the deprecated {@code KoscClient.followTickets}. Each poll
 * walks the ticket list (most recently modified first) down to the first ticket not modified since the
 * checkpoint, reads the events of each changed ticket, and hands back those created at or after the checkpoint,
 * oldest first.
 *
 * <p>The checkpoint is the ISO instant of the last handled event's {@code creation_date}. Events of the
 * same instant come again after a restart (at least once); the subscription drops the repeats by id.
 *
 * @deprecated it skips: when more tickets changed between two polls than {@code maxPages} pages hold, the
 *             checkpoint moves past those it did not read. {@link TicketActivitySource}, the ticket stream of
 *             {@code KoscClient.subscribe}, never does; this class goes with {@code followTickets}.
 */
@Deprecated(forRemoval = true)
public final class FollowTicketsSource implements FeedSource<TicketEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(FollowTicketsSource.class);

    private final KoscApi api;
    private final Instant startAt;
    private final int maxPages;
    private final int pageSize;

    /**
     * @param startAt  where to start when no checkpoint is saved yet
     * @param maxPages how many pages of the ticket list one poll reads at most
     * @param pageSize tickets per page (at most 100)
     */
    public FollowTicketsSource(KoscApi api, Instant startAt, int maxPages, int pageSize) {
        this.api = api;
        this.startAt = startAt == null ? Instant.EPOCH : startAt;
        this.maxPages = maxPages;
        this.pageSize = pageSize;
    }

    @Override
    public FeedBatch<TicketEvent> poll(String checkpoint) {
        Instant since = startAt;
        if (checkpoint != null) {
            try {
                since = Instant.parse(checkpoint);
            } catch (java.time.format.DateTimeParseException unreadable) {
                // A checkpoint from another subscription or a hand-edited file: start from the configured start instead of failing every poll.
                LOG.warn("kosc ticket follower: checkpoint '{}' is not an instant; starting from {}", checkpoint, startAt);
            }
        }
        List<TicketEvent> found = new ArrayList<>();
        String cursor = null;
        boolean older = false;
        for (int page = 0; page < maxPages && !older; page++) {
            Page<KoscTicket> tickets = api.ticketPage(new TicketListQuery(null, pageSize), cursor);
            for (KoscTicket ticket : tickets.items()) {
                Instant modified = ticket.modificationDate() == null ? null : ticket.modificationDate().instant();
                if (modified != null && modified.isBefore(since)) {
                    // The list is sorted by modification, newest first: nothing further down changed.
                    older = true;
                    break;
                }
                String ticketId = NeutralMapper.ticket(ticket).id();
                for (KoscTicketEvent event : api.listTicketEvents(ticket.key())) {
                    Instant created = event.creationDate() == null ? null : event.creationDate().instant();
                    if (created == null) {
                        LOG.warn("kosc ticket {} event {} has no readable creation_date; it cannot be placed and is skipped",
                                ticketId, event.id());
                    } else if (!created.isBefore(since)) {
                        found.add(NeutralMapper.event(ticketId, event));
                    }
                }
            }
            if (!tickets.hasNext()) {
                break;
            }
            cursor = tickets.nextCursor();
        }
        found.sort(Comparator.comparing(TicketEvent::occurredAt).thenComparing(e -> e.id() == null ? "" : e.id()));
        List<FeedItem<TicketEvent>> items = new ArrayList<>();
        for (TicketEvent event : found) {
            items.add(new FeedItem<>("ticket-event-" + event.ticketId() + "-" + event.id(), event, event.occurredAt().toString()));
        }
        return new FeedBatch<>(items, false);
    }
}
