package dev.troubleticket.nexera;

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

/** An in-memory store whose inbox writes first run a hook a test sets: one that blocks, or one that throws. */
final class HookedStore implements SubscriptionStore {
    /** Runs before a notification is written to the inbox; it may block or throw. */
    interface Hook {
        void beforeInboxWrite(StoredEvent event) throws Exception;
    }

    private final InMemorySubscriptionStore delegate = new InMemorySubscriptionStore();
    private volatile Hook hook = event -> { };

    void beforeInboxWrite(Hook value) {
        this.hook = value;
    }

    @Override
    public boolean addToInbox(String subscription, StoredEvent event) {
        try {
            hook.beforeInboxWrite(event);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return delegate.addToInbox(subscription, event);
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
