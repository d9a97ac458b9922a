package dev.troubleticket.masstack;

import dev.troubleticket.core.subscription.DeadLetter;
import dev.troubleticket.core.subscription.store.Commit;
import dev.troubleticket.core.subscription.store.FollowedTicket;
import dev.troubleticket.core.subscription.store.HubRegistration;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.core.subscription.store.Lease;
import dev.troubleticket.core.subscription.store.StoredEvent;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory store that records what it is asked to write, so that a test can say how much a subscription writes. */
final class RecordingStore implements SubscriptionStore {
    final InMemorySubscriptionStore delegate = new InMemorySubscriptionStore();
    final List<Commit> commits = new CopyOnWriteArrayList<>();
    final List<FollowedTicket> follows = new CopyOnWriteArrayList<>();
    final List<String> unfollows = new CopyOnWriteArrayList<>();
    final AtomicInteger followedReads = new AtomicInteger();

    @Override
    public Optional<Lease> acquireLease(String subscription, String owner, Duration ttl) {
        return delegate.acquireLease(subscription, owner, ttl);
    }

    @Override
    public Optional<Lease> renewLease(Lease lease) {
        return delegate.renewLease(lease);
    }

    @Override
    public void releaseLease(Lease lease) {
        delegate.releaseLease(lease);
    }

    @Override
    public Map<String, String> positions(String subscription) {
        return delegate.positions(subscription);
    }

    @Override
    public void commit(Lease lease, Commit commit) {
        delegate.commit(lease, commit);
        commits.add(commit);
    }

    @Override
    public boolean seen(String subscription, String eventKey) {
        return delegate.seen(subscription, eventKey);
    }

    @Override
    public void follow(String subscription, FollowedTicket ticket) {
        delegate.follow(subscription, ticket);
        follows.add(ticket);
    }

    @Override
    public void unfollow(String subscription, String ticketId) {
        delegate.unfollow(subscription, ticketId);
        unfollows.add(ticketId);
    }

    @Override
    public List<FollowedTicket> followed(String subscription) {
        followedReads.incrementAndGet();
        return delegate.followed(subscription);
    }

    /** The stored record of one ticket, without counting as a read of the set. */
    Optional<FollowedTicket> record(String subscription, String ticketId) {
        return delegate.followed(subscription).stream().filter(t -> t.ticketId().equals(ticketId)).findFirst();
    }

    @Override
    public Optional<HubRegistration> hub(String subscription) {
        return delegate.hub(subscription);
    }

    @Override
    public void saveHub(String subscription, HubRegistration registration) {
        delegate.saveHub(subscription, registration);
    }

    @Override
    public boolean addToInbox(String subscription, StoredEvent event) {
        return delegate.addToInbox(subscription, event);
    }

    @Override
    public List<StoredEvent> inbox(String subscription, int limit) {
        return delegate.inbox(subscription, limit);
    }

    @Override
    public long inboxDepth(String subscription) {
        return delegate.inboxDepth(subscription);
    }

    @Override
    public List<DeadLetter> deadLetters(String subscription) {
        return delegate.deadLetters(subscription);
    }

    @Override
    public void removeDeadLetter(String subscription, String key) {
        delegate.removeDeadLetter(subscription, key);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
