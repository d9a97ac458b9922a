package dev.troubleticket.masstack;

import dev.troubleticket.core.error.NotFoundException;
import dev.troubleticket.core.feed.FeedBatch;
import dev.troubleticket.core.feed.FeedItem;
import dev.troubleticket.core.feed.FeedSource;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.masstack.internal.FollowedState;
import dev.troubleticket.masstack.internal.TicketChanges;
import dev.troubleticket.masstack.internal.WatchCheckpoint;
import dev.troubleticket.masstack.internal.WatchCheckpoint.Seen;
import dev.troubleticket.masstack.model.MasStackTicket;
import dev.troubleticket.masstack.model.TroubleTicketState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Change tracking for MasStack, which has neither an event feed nor push notifications: re-reads each
 * followed ticket and emits a neutral {@link TicketEvent} for every change of state or dialog it sees.
 * A {@link FeedSource}, to be driven by the core {@link dev.troubleticket.core.feed.FeedSubscription}
 * (interval, checkpoint store, duplicate dropping, at-least-once delivery).
 *
 * <p>Events:
 * <ul>
 *   <li>a change of state: {@link TicketEvent.Kind#STATUS_CHANGE}, {@code providerType} the transaction the
 *       table names for it ({@code TO05}, {@code TO07}, ...) or {@code state-change}, the dialog as comment
 *       when it changed too;</li>
 *   <li>a new dialog in the same state: {@link TicketEvent.Kind#COMMENT}, {@code providerType} {@code dialog};</li>
 *   <li>the first sight of a ticket followed by id only: {@link TicketEvent.Kind#STATUS_CHANGE},
 *       {@code providerType} {@code observed}, so that a state reached before following started is not missed.</li>
 * </ul>
 * The provider gives no time for its changes: {@code occurredAt} is when the watcher saw them. Each event's
 * id is {@code <ticketId>#<n>.<fingerprint>}: the n-th event of that ticket and a hash of the state and
 * dialog it reports, so that an event delivered again after a restart has the same id, and a different
 * change never reuses the id of one already handled (after a restart whose checkpoint lagged behind).
 *
 * <p>The checkpoint holds, per ticket, the last state, a hash of the last dialog and the event count.
 * Tickets in the checkpoint are followed again after a restart even if {@link #follow} is not called
 * again. A ticket is no longer read once its closing or cancellation has been delivered; it stays in the
 * checkpoint (a few bytes) so that following it again does not report it again; {@link #unfollow}
 * removes it.
 *
 * @deprecated use {@link MasStackClient#subscribe}: its subscription keeps each followed ticket in its store (one
 *             record per ticket, not the whole set per event), follows tickets opened through the typed API too,
 *             drops a ticket after its final event and spreads its reads over the interval. The watcher goes before
 *             the first release.
 */
@Deprecated(forRemoval = true)
public final class MasStackTicketWatcher implements FeedSource<TicketEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(MasStackTicketWatcher.class);

    private final MasStackApi api;
    private final TicketChanges changes;
    private final Clock clock;
    private final Set<String> followed = new ConcurrentSkipListSet<>();
    private final Set<String> unfollowed = ConcurrentHashMap.newKeySet();
    private final Map<String, Seen> baselines = new ConcurrentHashMap<>();

    MasStackTicketWatcher(MasStackApi api, Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.changes = new TicketChanges(api.transactionTable());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Starts following tickets by id; the first poll reports each one's state as {@code observed}. */
    public MasStackTicketWatcher follow(String... ticketIds) {
        for (String id : ticketIds) {
            unfollowed.remove(id);
            followed.add(Objects.requireNonNull(id, "ticketId"));
        }
        return this;
    }

    /**
     * Starts following a ticket whose state is known (just created or just read): only changes after
     * this state are reported.
     */
    public MasStackTicketWatcher follow(MasStackTicket known) {
        baselines.put(known.ticketId(), new Seen(known.baseTroubleTicketState(), WatchCheckpoint.hash(known.dialog()), 0));
        return follow(known.ticketId());
    }

    /** Stops following a ticket (also one that was followed only through the checkpoint). */
    public MasStackTicketWatcher unfollow(String ticketId) {
        followed.remove(ticketId);
        baselines.remove(ticketId);
        unfollowed.add(ticketId);
        return this;
    }

    /** The tickets followed explicitly, in id order. */
    public Set<String> followed() {
        return Set.copyOf(new TreeSet<>(followed));
    }

    @Override
    public FeedBatch<TicketEvent> poll(String checkpoint) {
        LinkedHashMap<String, Seen> seen = WatchCheckpoint.decode(checkpoint);
        seen.keySet().removeIf(unfollowed::contains);
        // Finished tickets were delivered in an earlier poll and are not read again. They stay in the checkpoint,
        // so that a back office which follows them again after a restart is not told once more, as "observed",
        // of a closing it has handled (a restart loop would otherwise never get past them).
        TreeSet<String> toRead = new TreeSet<>(followed);
        toRead.addAll(seen.keySet());
        seen.forEach((id, last) -> {
            if (TroubleTicketState.of(last.state()).isFinal()) {
                toRead.remove(id);
                followed.remove(id);
                baselines.remove(id);
            }
        });
        List<FeedItem<TicketEvent>> items = new ArrayList<>();
        for (String id : toRead) {
            MasStackTicket ticket;
            try {
                ticket = api.get(id);
            } catch (NotFoundException gone) {
                LOG.warn("masstack watcher: ticket {} no longer exists; it is not followed any more", id);
                followed.remove(id);
                seen.remove(id);
                continue;
            }
            Seen before = seen.containsKey(id) ? seen.get(id) : baselines.get(id);
            String hash = WatchCheckpoint.hash(ticket.dialog());
            long sequence = before == null ? 0 : before.sequence();
            TicketChanges.Change change = changes.since(id,
                    before == null ? null : new FollowedState(before.state(), before.dialogHash(), sequence), ticket,
                    clock.instant());
            if (change == null) {
                seen.put(id, new Seen(ticket.baseTroubleTicketState(), hash, sequence));
                continue;
            }
            seen.put(id, new Seen(ticket.baseTroubleTicketState(), hash, change.seen().events()));
            TicketEvent withId = change.event();
            items.add(new FeedItem<>(withId.id(), withId, WatchCheckpoint.encode(seen)));
        }
        return new FeedBatch<>(items, false);
    }

    @Override
    public String toString() {
        return "MasStackTicketWatcher[followed=" + followed.size() + "]";
    }
}
