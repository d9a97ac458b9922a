package dev.troubleticket.core.subscription.store;

import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore.StoreState;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One change as the file store journals it: one line of the journal. Replaying the records in order rebuilds the
 * state; they record what was decided, and never decide again (an inbox entry replays even when its key was seen
 * later), so that a compacted journal rebuilds exactly what the long one did.
 */
sealed interface JournalRecord {

    /** The subscription the change belongs to. */
    String subscription();

    /** Applies the change to the state being rebuilt. */
    void applyTo(StoreState state);

    /** A lease was granted to a new holder with this fencing token; only the token outlives the process. */
    record Grant(String subscription, long token) implements JournalRecord {
        @Override
        public void applyTo(StoreState state) {
            Subscription s = state.of(subscription);
            s.lastToken = Math.max(s.lastToken, token);
        }
    }

    /** A {@link SubscriptionStore#commit} (already checked against its lease). */
    record Committed(Commit commit) implements JournalRecord {
        @Override
        public String subscription() {
            return commit.subscription();
        }

        @Override
        public void applyTo(StoreState state) {
            state.apply(commit);
        }
    }

    /** A ticket followed, or its state replaced. */
    record Follow(String subscription, FollowedTicket ticket) implements JournalRecord {
        @Override
        public void applyTo(StoreState state) {
            state.of(subscription).followed.put(ticket.ticketId(), ticket);
        }
    }

    /** A ticket no longer followed. */
    record Unfollow(String subscription, String ticketId) implements JournalRecord {
        @Override
        public void applyTo(StoreState state) {
            state.of(subscription).followed.remove(ticketId);
        }
    }

    /** The hub registration stored, or removed ({@code null}). */
    record Hub(String subscription, HubRegistration registration) implements JournalRecord {
        @Override
        public void applyTo(StoreState state) {
            state.of(subscription).hub = registration;
        }
    }

    /** A notification written to the inbox. */
    record InboxAdd(String subscription, StoredEvent event) implements JournalRecord {
        @Override
        public void applyTo(StoreState state) {
            state.of(subscription).inbox.put(event.key(), event);
        }
    }

    /** A dead letter removed. */
    record DeadLetterRemoved(String subscription, String key) implements JournalRecord {
        @Override
        public void applyTo(StoreState state) {
            state.of(subscription).deadLetters.remove(key);
        }
    }

    /**
     * The records that rebuild {@code state} as it is, in an order that keeps every list's order: what a compacted
     * journal holds.
     */
    static List<JournalRecord> snapshot(StoreState state) {
        List<JournalRecord> records = new ArrayList<>(liveSize(state));
        for (Map.Entry<String, Subscription> entry : state.subscriptions.entrySet()) {
            String name = entry.getKey();
            Subscription s = entry.getValue();
            if (s.lastToken > 0) {
                records.add(new Grant(name, s.lastToken));
            }
            s.positions.forEach((stream, position) -> records.add(new Committed(Commit.position(name, stream, position))));
            for (String key : s.seen.keySet()) {
                records.add(new Committed(Commit.handled(name, key)));
            }
            for (FollowedTicket ticket : s.followed.values()) {
                records.add(new Follow(name, ticket));
            }
            if (s.hub != null) {
                records.add(new Hub(name, s.hub));
            }
            for (StoredEvent event : s.inbox.values()) {
                records.add(new InboxAdd(name, event));
            }
            for (DeadLetter letter : s.deadLetters.values()) {
                records.add(new Committed(new Commit(name, null, null, null, null, null, null, letter)));
            }
        }
        return records;
    }

    /** How many records {@link #snapshot} gives, without building them. */
    static int liveSize(StoreState state) {
        int size = 0;
        for (Subscription s : state.subscriptions.values()) {
            size += (s.lastToken > 0 ? 1 : 0) + s.positions.size() + s.seen.size() + s.followed.size()
                    + (s.hub != null ? 1 : 0) + s.inbox.size() + s.deadLetters.size();
        }
        return size;
    }
}
