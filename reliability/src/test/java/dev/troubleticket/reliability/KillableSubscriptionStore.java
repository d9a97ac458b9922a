package dev.troubleticket.reliability;

import dev.troubleticket.core.subscription.store.DeadLetter;
import dev.troubleticket.core.subscription.store.Commit;
import dev.troubleticket.core.subscription.store.FollowedTicket;
import dev.troubleticket.core.subscription.store.HubRegistration;
import dev.troubleticket.core.subscription.store.Lease;
import dev.troubleticket.core.subscription.store.StoredEvent;
import dev.troubleticket.core.subscription.store.SubscriptionStore;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of the process's view of a durable {@link SubscriptionStore}: the process may die just before a handled
 * event's commit, just after it, and between writing a notification to the inbox and answering the provider; once
 * dead, every call throws (a dead process writes nothing more), and its lease is never released but lapses. The
 * durable store underneath outlives the run, as a file or a database outlives a crash.
 *
 * <p>It also tells the {@link DeliveryLog} which events the store recorded as handled: the subscription commits an
 * event on the thread its handler returned on, right after it, so the handler leaves the event's identity in a
 * thread-local for the commit that follows ({@link #handledOnThisThread}); and, for a push provider, the order in
 * which the inbox received each ticket's notifications.
 */
final class KillableSubscriptionStore implements SubscriptionStore {
    private static final ThreadLocal<String> HANDLED_HERE = new ThreadLocal<>();

    private final SubscriptionStore durable;
    private final KillSwitch.Life life;
    private final DeliveryLog log;

    KillableSubscriptionStore(SubscriptionStore durable, KillSwitch.Life life, DeliveryLog log) {
        this.durable = durable;
        this.life = life;
        this.log = log;
    }

    /** The handler has just returned from the event of this identity on this thread. */
    static void handledOnThisThread(String identity) {
        HANDLED_HERE.set(identity);
    }

    @Override
    public void commit(Lease lease, Commit commit) {
        if (commit.eventKey() == null) {
            life.checkAlive();
            durable.commit(lease, commit);
            return;
        }
        String identity = HANDLED_HERE.get();
        HANDLED_HERE.remove();
        life.at(KillSwitch.Point.BEFORE_COMMIT);
        durable.commit(lease, commit);
        if (identity != null) {
            log.committed(identity);
        }
        life.at(KillSwitch.Point.AFTER_COMMIT);
    }

    @Override
    public boolean addToInbox(String subscription, StoredEvent event) {
        life.checkAlive();
        boolean added = durable.addToInbox(subscription, event);
        if (added) {
            log.received(event.event().ticketId(), DeliveryLog.identity(event.event()));
            life.at(KillSwitch.Point.AFTER_INBOX_WRITE);
        }
        return added;
    }

    @Override
    public void releaseLease(Lease lease) {
        if (!life.dead()) {
            durable.releaseLease(lease);
        }
    }

    @Override
    public Optional<Lease> acquireLease(String subscription, String owner, Duration ttl) {
        life.checkAlive();
        return durable.acquireLease(subscription, owner, ttl);
    }

    @Override
    public Optional<Lease> renewLease(Lease lease) {
        life.checkAlive();
        return durable.renewLease(lease);
    }

    @Override
    public Map<String, String> positions(String subscription) {
        life.checkAlive();
        return durable.positions(subscription);
    }

    @Override
    public boolean seen(String subscription, String eventKey) {
        life.checkAlive();
        return durable.seen(subscription, eventKey);
    }

    @Override
    public void follow(String subscription, FollowedTicket ticket) {
        life.checkAlive();
        durable.follow(subscription, ticket);
    }

    @Override
    public void unfollow(String subscription, String ticketId) {
        life.checkAlive();
        durable.unfollow(subscription, ticketId);
    }

    @Override
    public List<FollowedTicket> followed(String subscription) {
        life.checkAlive();
        return durable.followed(subscription);
    }

    @Override
    public Optional<HubRegistration> hub(String subscription) {
        life.checkAlive();
        return durable.hub(subscription);
    }

    @Override
    public void saveHub(String subscription, HubRegistration registration) {
        life.checkAlive();
        durable.saveHub(subscription, registration);
    }

    @Override
    public List<StoredEvent> inbox(String subscription, int limit) {
        life.checkAlive();
        return durable.inbox(subscription, limit);
    }

    @Override
    public long inboxDepth(String subscription) {
        life.checkAlive();
        return durable.inboxDepth(subscription);
    }

    @Override
    public List<DeadLetter> deadLetters(String subscription) {
        life.checkAlive();
        return durable.deadLetters(subscription);
    }

    @Override
    public void removeDeadLetter(String subscription, String key) {
        life.checkAlive();
        durable.removeDeadLetter(subscription, key);
    }

    @Override
    public void close() {
        // The durable store outlives this run; RestartableSubscription closes or reopens it.
    }

    @Override
    public String toString() {
        return "KillableSubscriptionStore[" + durable + "]";
    }
}
