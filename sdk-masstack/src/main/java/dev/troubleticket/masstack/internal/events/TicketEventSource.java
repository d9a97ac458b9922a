package dev.troubleticket.masstack.internal.events;

import dev.troubleticket.core.error.NotFoundException;
import dev.troubleticket.core.error.RateLimitedException;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.spi.PolledSource;
import dev.troubleticket.core.subscription.spi.SourceBatch;
import dev.troubleticket.core.subscription.spi.SourceEvent;
import dev.troubleticket.core.subscription.spi.TicketFollower;
import dev.troubleticket.core.subscription.store.FollowedTicket;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import dev.troubleticket.core.subscription.store.SubscriptionStoreException;
import dev.troubleticket.masstack.model.MasStackTicket;
import dev.troubleticket.masstack.model.TransactionTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MasStack's one stream, {@value #STREAM}: the followed tickets, each read again once per interval, spread evenly
 * over it ({@link ReadPacing}), each change turned into a neutral event ({@link TicketChanges}).
 *
 * <p>The followed set lives in the subscription's store, one {@link FollowedTicket} per ticket whose state is the
 * compact {@link FollowedState} text. It is written when a ticket is followed, and then only with each event's
 * commit ({@link SourceEvent#followed()}): a read that finds no change writes nothing. A ticket in a final state is
 * dropped with its last event ({@link SourceEvent#lastOfTicket()}); one that no longer exists is unfollowed.
 *
 * <p>The set is read from the store at each start and each new lease ({@link #reload()}); in between, this source
 * remembers what it reported of each ticket, so that an event still with the handler is not reported twice. With a
 * store that several instances share, the tickets other instances followed are taken from it every
 * {@value #SHARED_REFRESH_SECONDS} s; one another instance unfollowed is read here until the next lease.
 */
public final class TicketEventSource implements PolledSource, TicketFollower {
    /** The stream's name. */
    public static final String STREAM = "tickets";
    /**
     * The default interval: each followed ticket is read once a minute. The territory owner's changes are people's
     * work (a question, a visit, a resolution), so a minute's delay is not felt, while 1,000 open tickets cost about
     * 17 requests a second.
     */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
    // One poll reads what is due, but no more than this, so that the engine's checks (room, lease, close) run between.
    private static final int MAX_READS_PER_POLL = 100;
    /** How often the lease holder looks, in a shared store, for tickets followed by the fleet's other instances. */
    static final int SHARED_REFRESH_SECONDS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(TicketEventSource.class);

    private final Function<String, MasStackTicket> read;
    private final TicketChanges changes;
    private final SubscriptionOptions options;
    private final SubscriptionStore store;
    private final String name;
    private final Clock eventClock;
    private final FollowedTickets followed = new FollowedTickets();
    private final ReadPacing pacing;
    private volatile boolean loaded;
    // Poll thread only: a failure met after some events were read, thrown by the next poll.
    private RuntimeException deferred;
    private boolean throttled;
    private Instant refreshedAt = Instant.MIN;
    // Loaded from the store and not read under any lease since: the first lease after a start reads nothing again.
    private boolean fresh;

    /**
     * @param read        reads a ticket by id (the typed API's get, with its errors: not found, throttled, ...)
     * @param table       the transaction table that names the transaction behind a change of state
     * @param eventClock  the time given to events (the client's clock)
     * @param pacingClock the clock that spaces the reads
     */
    public TicketEventSource(Function<String, MasStackTicket> read, TransactionTable table, SubscriptionOptions options,
                             Clock eventClock, Clock pacingClock) {
        this.read = Objects.requireNonNull(read, "read");
        this.changes = new TicketChanges(table);
        this.options = Objects.requireNonNull(options, "options");
        this.store = options.store();
        this.name = options.name();
        this.eventClock = Objects.requireNonNull(eventClock, "eventClock");
        this.pacing = new ReadPacing(options.pollInterval() != null ? options.pollInterval() : DEFAULT_INTERVAL, pacingClock);
    }

    @Override
    public String stream() {
        return STREAM;
    }

    @Override
    public Duration defaultInterval() {
        return DEFAULT_INTERVAL;
    }

    /**
     * Reads the followed set from the store, and follows the options' tickets that it does not hold. Called before
     * each start, when nothing is being read.
     *
     * @throws SubscriptionStoreException when the store cannot be read or written
     */
    public synchronized void reload() {
        List<FollowedTicket> stored = new ArrayList<>(store.followed(name));
        stored.sort(Comparator.comparing(FollowedTicket::followedAt).thenComparing(FollowedTicket::ticketId));
        followed.clear();
        for (FollowedTicket ticket : stored) {
            FollowedState seen = FollowedState.decode(ticket.state());
            followed.follow(ticket.ticketId(), ticket.followedAt(), seen, seen == null);
        }
        loaded = true;
        for (String ticketId : new TreeSet<>(options.tickets())) {
            follow(ticketId);
        }
        pacing.reset();
        deferred = null;
        throttled = false;
        fresh = true;
    }

    /** A new lease: what another instance recorded meanwhile is read again. */
    @Override
    public synchronized void restart() {
        // Right after a start's load, an embedded store holds nothing newer; a shared one may, when this instance
        // waited for the lease while another one moved the tickets on.
        if (fresh && !store.shared()) {
            fresh = false;
            return;
        }
        reload();
        fresh = false;
    }

    /** Follows what the fleet's other instances added to a shared store's followed set since the last look. */
    private void takeFollowedByOthers() {
        Instant now = eventClock.instant();
        if (!store.shared() || now.isBefore(refreshedAt.plusSeconds(SHARED_REFRESH_SECONDS))) {
            return;
        }
        refreshedAt = now;
        for (FollowedTicket ticket : store.followed(name)) {
            if (!followed.contains(ticket.ticketId()) && !followed.retired(ticket.ticketId())) {
                FollowedState seen = FollowedState.decode(ticket.state());
                followed.follow(ticket.ticketId(), ticket.followedAt(), seen, seen == null);
            }
        }
    }

    private void ensureLoaded() {
        if (!loaded) {
            reload();
        }
    }

    /** Follows a ticket opened elsewhere: kept in the store, its first read reports it as {@code observed}. */
    @Override
    public synchronized void follow(String ticketId) {
        Objects.requireNonNull(ticketId, "ticketId");
        ensureLoaded();
        if (followed.contains(ticketId)) {
            return;
        }
        Instant now = eventClock.instant();
        store.follow(name, new FollowedTicket(ticketId, null, now));
        followed.follow(ticketId, now, null, true);
    }

    @Override
    public synchronized void unfollow(String ticketId) {
        Objects.requireNonNull(ticketId, "ticketId");
        ensureLoaded();
        followed.unfollow(ticketId);
        store.unfollow(name, ticketId);
    }

    /**
     * Follows a ticket just opened through the client, in the state it was opened with: only later changes are
     * reported. Not when the options name other tickets only. The ticket is read by this subscription even when
     * the store cannot keep it (then its first event's commit fails and stops the subscription, which says why).
     *
     * @throws SubscriptionStoreException when the store could not keep it
     */
    public synchronized void opened(String ticketId, String state, String dialog) {
        if (!options.tickets().isEmpty() && !options.tickets().contains(ticketId)) {
            return;
        }
        ensureLoaded();
        FollowedState known = FollowedState.opened(state, dialog);
        Instant now = eventClock.instant();
        if (followed.follow(ticketId, now, known, false)) {
            store.follow(name, new FollowedTicket(ticketId, known.encode(), now));
        }
    }

    /** How many tickets are followed now. */
    public int followedCount() {
        return followed.size();
    }

    /** The subscription's name. */
    public String name() {
        return name;
    }

    @Override
    public SourceBatch poll(String position, Instant startFrom) {
        // MasStack gives no time for its changes and no position to go on from: what was last seen of each followed
        // ticket (the store's records) is the position, and the start position does not apply.
        RuntimeException failure = deferred;
        if (failure != null) {
            deferred = null;
            throw failure;
        }
        takeFollowedByOthers();
        List<SourceEvent> events = new ArrayList<>();
        int reads = 0;
        while (reads < MAX_READS_PER_POLL && pacing.due(followed.size())) {
            FollowedTickets.Entry entry = followed.next();
            if (entry == null) {
                break;
            }
            pacing.reading(followed.size());
            reads++;
            MasStackTicket ticket;
            try {
                ticket = read.apply(entry.ticketId());
            } catch (RateLimitedException limited) {
                followed.readAgainFirst(entry);
                Duration held = pacing.rateLimited(limited.retryAfter().orElse(null), followed.size());
                if (!throttled) {
                    throttled = true;
                    LOG.warn("subscription '{}': MasStack throttled a read (429); reads wait {}, then go {} apart until they"
                            + " succeed again", name, held, pacing.spacing(followed.size()));
                } else {
                    LOG.debug("subscription '{}': throttled again; reads wait {}, then go {} apart", name, held,
                            pacing.spacing(followed.size()));
                }
                break;
            } catch (NotFoundException gone) {
                LOG.warn("subscription '{}': ticket {} no longer exists; it is not followed any more", name, entry.ticketId());
                followed.drop(entry);
                try {
                    store.unfollow(name, entry.ticketId());
                } catch (SubscriptionStoreException e) {
                    if (stop(events, e)) {
                        break;
                    }
                }
                continue;
            } catch (RuntimeException e) {
                // Read again after the others, so that one ticket the provider keeps failing does not hold the rest up.
                followed.readAgainLater(entry, entry.seen());
                if (stop(events, e)) {
                    break;
                }
                continue;
            }
            pacing.succeeded();
            if (throttled && pacing.slowdown() == 1) {
                throttled = false;
                LOG.info("subscription '{}': MasStack reads are back to {} apart", name, pacing.spacing(followed.size()));
            }
            TicketChanges.Change change = changes.since(entry.ticketId(), entry.seen(), ticket, eventClock.instant());
            if (change == null) {
                followed.readAgainLater(entry, entry.seen());
                continue;
            }
            boolean last = TicketChanges.isFinal(ticket);
            if (last) {
                followed.drop(entry);
            } else {
                followed.readAgainLater(entry, change.seen());
            }
            FollowedTicket record = new FollowedTicket(entry.ticketId(), change.seen().encode(), entry.followedAt());
            events.add(new SourceEvent(change.event().id(), entry.ticketId(), change.event(), null, record, last));
        }
        return new SourceBatch(events, null, false, pacing.untilNext(followed.size()));
    }

    /**
     * A read failed: with nothing read yet the poll fails (the subscription reports it and tries again after the
     * interval); else the events read are handed over and the next poll fails.
     */
    private boolean stop(List<SourceEvent> events, RuntimeException failure) {
        if (events.isEmpty()) {
            throw failure;
        }
        deferred = failure;
        return true;
    }

    @Override
    public String toString() {
        return "TicketEventSource[subscription=" + name + ", followed=" + followed.size() + "]";
    }
}
