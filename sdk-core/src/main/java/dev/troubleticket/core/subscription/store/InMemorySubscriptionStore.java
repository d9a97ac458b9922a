package dev.troubleticket.core.subscription.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link SubscriptionStore} in memory: nothing survives the process. For tests, and for a follower that may
 * start again from its {@link dev.troubleticket.core.subscription.StartPosition} after a restart.
 *
 * <p>The seen window keeps the most recent {@code seenWindow} event identities per subscription (default
 * 100,000); older ones are forgotten first.
 */
public final class InMemorySubscriptionStore implements SubscriptionStore {
    /** The default number of handled event identities remembered per subscription. */
    public static final int DEFAULT_SEEN_WINDOW = 100_000;

    private final StoreState state;
    private final Clock clock;

    /** A store remembering {@value #DEFAULT_SEEN_WINDOW} handled events per subscription. */
    public InMemorySubscriptionStore() {
        this(DEFAULT_SEEN_WINDOW, Clock.systemUTC());
    }

    /** A store remembering {@code seenWindow} handled events per subscription, its leases timed by {@code clock}. */
    public InMemorySubscriptionStore(int seenWindow, Clock clock) {
        this.state = new StoreState(seenWindow);
        this.clock = clock;
    }

    @Override
    public synchronized Optional<Lease> acquireLease(String subscription, String owner, Duration ttl) {
        return state.acquire(subscription, owner, ttl, clock.instant());
    }

    @Override
    public synchronized Optional<Lease> renewLease(Lease lease) {
        return state.renew(lease, clock.instant());
    }

    @Override
    public synchronized void releaseLease(Lease lease) {
        state.release(lease);
    }

    @Override
    public synchronized Map<String, String> positions(String subscription) {
        return Map.copyOf(state.of(subscription).positions);
    }

    @Override
    public synchronized void commit(Lease lease, Commit commit) {
        state.checkFence(lease, commit);
        state.apply(commit);
    }

    @Override
    public synchronized boolean seen(String subscription, String eventKey) {
        return state.of(subscription).seen.containsKey(eventKey);
    }

    @Override
    public synchronized void follow(String subscription, FollowedTicket ticket) {
        state.of(subscription).followed.put(ticket.ticketId(), ticket);
    }

    @Override
    public synchronized void unfollow(String subscription, String ticketId) {
        state.of(subscription).followed.remove(ticketId);
    }

    @Override
    public synchronized List<FollowedTicket> followed(String subscription) {
        return List.copyOf(state.of(subscription).followed.values());
    }

    @Override
    public synchronized Optional<HubRegistration> hub(String subscription) {
        return Optional.ofNullable(state.of(subscription).hub);
    }

    @Override
    public synchronized void saveHub(String subscription, HubRegistration registration) {
        state.of(subscription).hub = registration;
    }

    @Override
    public synchronized boolean addToInbox(String subscription, StoredEvent event) {
        return state.addToInbox(subscription, event);
    }

    @Override
    public synchronized List<StoredEvent> inbox(String subscription, int limit) {
        List<StoredEvent> pending = new ArrayList<>();
        for (StoredEvent event : state.of(subscription).inbox.values()) {
            if (pending.size() >= limit) {
                break;
            }
            pending.add(event);
        }
        return pending;
    }

    @Override
    public synchronized long inboxDepth(String subscription) {
        return state.of(subscription).inbox.size();
    }

    @Override
    public synchronized List<DeadLetter> deadLetters(String subscription) {
        return List.copyOf(state.of(subscription).deadLetters.values());
    }

    @Override
    public synchronized void removeDeadLetter(String subscription, String key) {
        state.of(subscription).deadLetters.remove(key);
    }

    @Override
    public void close() {
        // Nothing held.
    }

    @Override
    public String toString() {
        return "InMemorySubscriptionStore";
    }

    /**
     * The state of every subscription of one embedded store, and the rules that change it; the file store keeps
     * the same in memory and journals each change. Not thread-safe: the stores synchronise.
     */
    static final class StoreState {
        final int seenWindow;
        final Map<String, Subscription> subscriptions = new HashMap<>();

        StoreState(int seenWindow) {
            if (seenWindow < 1) {
                throw new IllegalArgumentException("seenWindow must be at least 1");
            }
            this.seenWindow = seenWindow;
        }

        Subscription of(String name) {
            return subscriptions.computeIfAbsent(name, n -> new Subscription(seenWindow));
        }

        Optional<Lease> acquire(String subscription, String owner, Duration ttl, Instant now) {
            Subscription s = of(subscription);
            Lease current = s.lease;
            if (current != null && !current.owner().equals(owner) && current.expiresAt().isAfter(now)) {
                return Optional.empty();
            }
            long token = current != null && current.owner().equals(owner) && current.expiresAt().isAfter(now)
                    ? current.token() : s.lastToken + 1;
            s.lastToken = token;
            s.lease = new Lease(subscription, owner, token, now.plus(ttl));
            s.leaseTtl = ttl;
            return Optional.of(s.lease);
        }

        Optional<Lease> renew(Lease lease, Instant now) {
            Subscription s = of(lease.subscription());
            if (s.lease == null || s.lease.token() != lease.token()) {
                return Optional.empty();
            }
            s.lease = new Lease(lease.subscription(), lease.owner(), lease.token(), now.plus(s.leaseTtl));
            return Optional.of(s.lease);
        }

        void release(Lease lease) {
            Subscription s = of(lease.subscription());
            if (s.lease != null && s.lease.token() == lease.token()) {
                s.lease = null;
            }
        }

        void checkFence(Lease lease, Commit commit) {
            String subscription = commit.subscription();
            if (lease == null && !commit.movesStream()) {
                // A handled notification or a dead letter: written by whichever instance handled it.
                return;
            }
            Subscription s = of(subscription);
            if (lease == null || !lease.subscription().equals(subscription) || lease.token() < s.lastToken) {
                throw new LeaseLostException("subscription '" + subscription + "': this instance's lease (token "
                        + (lease == null ? "none" : lease.token()) + ") was taken over (newest token " + s.lastToken
                        + "); the newer holder goes on, and this instance stops reading");
            }
        }

        void apply(Commit c) {
            Subscription s = of(c.subscription());
            if (c.eventKey() != null) {
                s.seen.put(c.eventKey(), Boolean.TRUE);
            }
            if (c.stream() != null) {
                s.positions.put(c.stream(), c.position());
            }
            if (c.followed() != null) {
                s.followed.put(c.followed().ticketId(), c.followed());
            }
            if (c.unfollow() != null) {
                s.followed.remove(c.unfollow());
            }
            if (c.inboxDone() != null) {
                s.inbox.remove(c.inboxDone());
            }
            if (c.deadLetter() != null) {
                s.deadLetters.put(c.deadLetter().key(), c.deadLetter());
            }
        }

        boolean addToInbox(String subscription, StoredEvent event) {
            Subscription s = of(subscription);
            if (s.inbox.containsKey(event.key()) || s.seen.containsKey(event.key())) {
                return false;
            }
            s.inbox.put(event.key(), event);
            return true;
        }
    }

    /** What one subscription keeps. */
    static final class Subscription {
        final Map<String, String> positions = new HashMap<>();
        final LinkedHashMap<String, Boolean> seen;
        final Map<String, FollowedTicket> followed = new HashMap<>();
        final LinkedHashMap<String, StoredEvent> inbox = new LinkedHashMap<>();
        final LinkedHashMap<String, DeadLetter> deadLetters = new LinkedHashMap<>();
        HubRegistration hub;
        Lease lease;
        Duration leaseTtl = Duration.ofSeconds(30);
        long lastToken;

        Subscription(int seenWindow) {
            this.seen = new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > seenWindow;
                }
            };
        }
    }
}
