package dev.troubleticket.core.subscription.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link SubscriptionStore} that hands every call to another one, for decorators that change or watch a few of
 * them (counting writes, timing them, failing them in a test): extend it and override only those.
 */
public abstract class ForwardingSubscriptionStore implements SubscriptionStore {
    private final SubscriptionStore delegate;

    /** A store that passes every call to {@code delegate}. */
    protected ForwardingSubscriptionStore(SubscriptionStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The store calls are handed to. */
    protected SubscriptionStore delegate() {
        return delegate;
    }

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
    }

    @Override
    public boolean transactional() {
        return delegate.transactional();
    }

    @Override
    public void commit(Lease lease, Commit commit, StoreTransaction.Work work) throws Exception {
        delegate.commit(lease, commit, work);
    }

    @Override
    public <T> T exclusively(String subscription, java.util.function.Supplier<T> work) {
        return delegate.exclusively(subscription, work);
    }

    @Override
    public boolean shared() {
        return delegate.shared();
    }

    @Override
    public Duration inboxPollInterval() {
        return delegate.inboxPollInterval();
    }

    @Override
    public boolean requestReplay(String subscription, String key) {
        return delegate.requestReplay(subscription, key);
    }

    @Override
    public List<String> replayRequests(String subscription) {
        return delegate.replayRequests(subscription);
    }

    @Override
    public boolean seen(String subscription, String eventKey) {
        return delegate.seen(subscription, eventKey);
    }

    @Override
    public void follow(String subscription, FollowedTicket ticket) {
        delegate.follow(subscription, ticket);
    }

    @Override
    public void unfollow(String subscription, String ticketId) {
        delegate.unfollow(subscription, ticketId);
    }

    @Override
    public List<FollowedTicket> followed(String subscription) {
        return delegate.followed(subscription);
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

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + delegate + "]";
    }
}
