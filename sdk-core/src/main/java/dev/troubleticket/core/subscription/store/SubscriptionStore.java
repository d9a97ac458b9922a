package dev.troubleticket.core.subscription.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything a {@link dev.troubleticket.core.subscription.TicketSubscription} keeps across a restart, per
 * subscription name: its positions in the provider's streams, the window of events already handled, the tickets
 * it follows, the provider's hub registration, the inbox of notifications received but not yet handled, and dead
 * letters.
 *
 * <p>One store may serve several subscriptions (each keeps to its own name). Implementations are thread-safe.
 * Embedded ones ({@link InMemorySubscriptionStore}, {@link FileSubscriptionStore}) serve one process; a shared one
 * (a database) serves a fleet of instances subscribing under one name, and its {@link Lease} decides which
 * instance reads a polled provider. Every write that moves a subscription forward ({@link #commit}) carries the
 * lease and is refused with {@link LeaseLostException} when a newer holder exists, so that an instance that was
 * paused and lost its lease can never move a position back or past events it did not handle.
 *
 * <p>Failures are {@link SubscriptionStoreException}s whose message says what to do.
 */
public interface SubscriptionStore extends AutoCloseable {

    // ------------------------------------------------------------------ lease

    /**
     * Takes the subscription's lease for {@code owner} for {@code ttl}: granted when nobody holds it, when its
     * holder let it expire, or when {@code owner} already holds it (renewed). Each grant to a new holder carries
     * a higher fencing token than every earlier one.
     *
     * @return the lease, or empty when another owner holds a live one
     */
    Optional<Lease> acquireLease(String subscription, String owner, Duration ttl);

    /**
     * Extends a held lease by its time to live.
     *
     * @return the renewed lease, or empty when it was lost (expired and taken by another owner)
     */
    Optional<Lease> renewLease(Lease lease);

    /** Gives the lease up, so that another instance can take it at once. Does nothing when it was lost. */
    void releaseLease(Lease lease);

    // ------------------------------------------------------------------ progress

    /** The subscription's stored positions, by stream ({@code tickets}, {@code feed}, ...); empty at first. */
    Map<String, String> positions(String subscription);

    /**
     * Records, as one atomic write, what handling one event (or reading past events) moved: the event's identity
     * into the seen window, a position, a followed ticket's state, the removal of a handled notification from the
     * inbox, a dead letter. Parts that are {@code null} are left as they are.
     *
     * @param lease the writer's lease; {@code null} is allowed only for a commit that {@link Commit#movesStream() moves
     *              no stream} (a handled notification, a dead letter), which whichever instance handled it writes
     * @throws LeaseLostException when {@code lease} is no longer the subscription's newest, or is {@code null} for a
     *         commit that moves a stream (the write is refused)
     */
    void commit(Lease lease, Commit commit);

    /**
     * Whether {@link #commit(Lease, Commit, StoreTransaction.Work)} is available: the store can run a handler's
     * own writes in the transaction that records the event. Embedded stores cannot; a database store can.
     */
    default boolean transactional() {
        return false;
    }

    /**
     * Records {@code commit} as {@link #commit(Lease, Commit)} does, in one transaction with {@code work}: the work
     * runs first, inside it, and its writes commit with the commit's or not at all. The lease is checked after the
     * work, so that a holder paused during it cannot record anything once a newer holder exists.
     *
     * @throws LeaseLostException when the lease is no longer the newest (the work's writes are rolled back)
     * @throws Exception          what the work threw (everything is rolled back)
     * @throws UnsupportedOperationException when the store is not {@link #transactional()}
     */
    default void commit(Lease lease, Commit commit, StoreTransaction.Work work) throws Exception {
        throw new UnsupportedOperationException(this + " cannot run a handler in its transaction: a transactional handler "
                + "needs a transactional store (the JDBC store of sdk-store-jdbc)");
    }

    /**
     * Runs {@code work} while no other instance sharing this store runs exclusive work for the same subscription:
     * used for what the fleet must do once, such as registering a provider's hub. An embedded store serves one
     * process, where a lock of the store's own is enough (not its monitor: the work may wait on the network while
     * the store is read and written); a shared store locks across instances.
     */
    default <T> T exclusively(String subscription, Supplier<T> work) {
        synchronized (ExclusiveLocks.of(this, subscription)) {
            return work.get();
        }
    }

    /**
     * Whether several instances may share this store's subscriptions (a database). A shared store's inbox is
     * written by every instance, so the subscription reads it again at {@link #inboxPollInterval()} even when it
     * wrote nothing itself.
     */
    default boolean shared() {
        return false;
    }

    /** How often a subscription looks at the inbox when it has nothing else to wake it. */
    default Duration inboxPollInterval() {
        return Duration.ofSeconds(1);
    }

    /** Whether an event with this identity was recorded as handled (or parked) and is still in the seen window. */
    boolean seen(String subscription, String eventKey);

    // ------------------------------------------------------------------ followed tickets

    /** Adds a ticket to the followed set, or replaces its stored state. */
    void follow(String subscription, FollowedTicket ticket);

    /** Removes a ticket from the followed set; nothing when it was not followed. */
    void unfollow(String subscription, String ticketId);

    /** The tickets the subscription follows, in no set order. */
    List<FollowedTicket> followed(String subscription);

    // ------------------------------------------------------------------ push

    /** The hub registration stored for the subscription, if any. */
    Optional<HubRegistration> hub(String subscription);

    /** Stores (or replaces) the subscription's hub registration; {@code null} removes it. */
    void saveHub(String subscription, HubRegistration registration);

    /**
     * Writes a received notification to the inbox, before the provider is answered. A notification whose key is
     * already in the inbox or in the seen window is not added again.
     *
     * @return whether it was added (false for a repeat)
     */
    boolean addToInbox(String subscription, StoredEvent event);

    /** Notifications in the inbox not yet handled, in the order received, at most {@code limit}. */
    List<StoredEvent> inbox(String subscription, int limit);

    /** How many notifications are in the inbox. */
    long inboxDepth(String subscription);

    // ------------------------------------------------------------------ dead letters

    /** The subscription's dead letters, oldest first. */
    List<DeadLetter> deadLetters(String subscription);

    /** Removes a dead letter (after it was replayed and handled). */
    void removeDeadLetter(String subscription, String key);

    /**
     * Asks the running subscription to replay a dead letter: whichever instance holds the lease hands it to its
     * handler again, as {@link dev.troubleticket.core.subscription.TicketSubscription#replay(String)} does. For an
     * operator outside the application ({@code ticketctl store replay}); a store that cannot keep such requests
     * (an embedded one, which only its own process opens) refuses.
     *
     * @return whether the dead letter exists (and is now asked for)
     * @throws UnsupportedOperationException when the store keeps no requests
     */
    default boolean requestReplay(String subscription, String key) {
        throw new UnsupportedOperationException(this + " keeps no replay requests: call TicketSubscription.replay(key) in "
                + "the process that runs the subscription");
    }

    /** The keys of dead letters whose replay was asked for ({@link #requestReplay}) and not yet done, oldest first. */
    default List<String> replayRequests(String subscription) {
        return List.of();
    }

    /** Releases files and connections. A store is not used after it is closed. */
    @Override
    void close();
}
