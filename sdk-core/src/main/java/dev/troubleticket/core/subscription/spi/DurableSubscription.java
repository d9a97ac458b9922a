package dev.troubleticket.core.subscription.spi;

import dev.troubleticket.core.callback.CallbackHandler;
import dev.troubleticket.core.error.TicketingException;
import dev.troubleticket.core.instrument.DeliveryObserver;
import dev.troubleticket.core.instrument.EventDelivery;
import dev.troubleticket.core.instrument.Instrumentation;
import dev.troubleticket.core.instrument.Operation;
import dev.troubleticket.core.internal.Operations;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.store.DeadLetter;
import dev.troubleticket.core.subscription.SubscriptionHealth;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketEventHandler;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.TransactionalTicketEventHandler;
import dev.troubleticket.core.subscription.store.Commit;
import dev.troubleticket.core.subscription.store.Lease;
import dev.troubleticket.core.subscription.store.LeaseLostException;
import dev.troubleticket.core.subscription.store.StoredEvent;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import dev.troubleticket.core.subscription.store.SubscriptionStoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one implementation of {@link TicketSubscription}: runs an adapter's {@link PolledSource}s and
 * {@link PushSource} with the guarantees that interface states, over any {@link SubscriptionStore}.
 *
 * <p>How it keeps them:
 * <ul>
 *   <li>Each polled stream is read by one thread, only while this instance holds the store's lease; its events
 *       go to per-lane queues ({@link Lanes}) and its position is recorded only up to the first event not yet
 *       handled ({@link StreamTracker}), in the same store write as the event that completes it.</li>
 *   <li>Push notifications are in the store's inbox before the provider is answered (by whichever instance
 *       received them); one thread of the lease holder feeds them to the lanes and each is removed from the inbox
 *       in the write that records it handled, fenced by the lease like a position.</li>
 *   <li>A {@link TransactionalTicketEventHandler} runs inside the store's transaction that records the event, so
 *       that its writes and the record commit or roll back together; the stream's position follows in a write of
 *       its own.</li>
 *   <li>An event whose key the store has seen, or that is already queued, is not handed over again.</li>
 *   <li>A failing handler is retried on its lane after a backoff that holds no thread; after the last attempt the
 *       event is parked (a dead letter, written with the same commit) and the lane goes on.</li>
 * </ul>
 */
public final class DurableSubscription implements TicketSubscription {
    private static final Logger LOG = LoggerFactory.getLogger(DurableSubscription.class);
    private static final int INBOX_BATCH = 500;

    private final String provider;
    private final TicketEventHandler handler;
    private final SubscriptionOptions options;
    private final SubscriptionStore store;
    private final String name;
    private final List<PolledSource> sources;
    private final PushSource push;
    private final TicketFollower follower;
    private final Clock clock;
    private final Instrumentation instrumentation;
    private final Operations operations;

    private final Map<String, Instant> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Object wake = new Object();
    private final List<Thread> threads = new ArrayList<>();

    private volatile boolean running;
    private volatile boolean stopping;
    private volatile Lease lease;
    private volatile Instant lastSuccess;
    private volatile String lastError;
    private volatile Instant startedAt;
    private ExecutorService pool;
    private ScheduledExecutorService timer;
    private Lanes lanes;
    private PushSource.PushReceiver receiver;

    private DurableSubscription(Builder b) {
        this.provider = b.provider;
        this.handler = b.handler;
        this.options = b.options;
        this.store = b.options.store();
        this.name = b.options.name();
        this.sources = List.copyOf(b.sources);
        this.push = b.push;
        this.follower = b.follower;
        this.clock = b.clock;
        this.instrumentation = b.instrumentation;
        this.operations = new Operations(provider, instrumentation);
        if (sources.isEmpty() && push == null) {
            throw new IllegalArgumentException("a subscription needs a polled source or a push source");
        }
        if (handler instanceof TransactionalTicketEventHandler && !store.transactional()) {
            throw new IllegalArgumentException("subscription '" + name + "' has a transactional handler, but its store " + store
                    + " has no transactions: use a transactional store (JdbcSubscriptionStore of sdk-store-jdbc), or a plain "
                    + "TicketEventHandler");
        }
    }

    /** A subscription of {@code provider}'s events for {@code handler}, run as {@code options} say. */
    public static Builder builder(String provider, TicketEventHandler handler, SubscriptionOptions options) {
        return new Builder(provider, handler, options);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public synchronized TicketSubscription start() {
        if (running) {
            return this;
        }
        stopping = false;
        lastError = null;
        startedAt = clock.instant();
        // Taking the lease is the first write: a store that cannot be written fails here, not on the first event.
        lease = store.acquireLease(name, options.owner(), options.leaseTtl()).orElse(null);
        pool = Executors.newFixedThreadPool(options.handlerThreads(), daemon(provider + "-" + name + "-handler"));
        timer = Executors.newSingleThreadScheduledExecutor(daemon(provider + "-" + name + "-timer"));
        lanes = new Lanes(pool);
        running = true;
        long renewEvery = Math.max(100, options.leaseTtl().toMillis() / 3);
        timer.scheduleWithFixedDelay(this::keepLease, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        for (PolledSource source : sources) {
            startThread(provider + "-" + name + "-" + source.stream(), () -> follow(source));
        }
        if (push != null) {
            try {
                receiver = push.start(new StoreInbox());
            } catch (RuntimeException e) {
                stopThreads();
                // Held until its time ran out, the lease would keep another instance (or the next try) from reading.
                Lease held = lease;
                lease = null;
                if (held != null) {
                    try {
                        store.releaseLease(held);
                    } catch (SubscriptionStoreException notReleased) {
                        e.addSuppressed(notReleased);
                    }
                }
                throw e;
            }
            startThread(provider + "-" + name + "-inbox", this::drainInbox);
        }
        LOG.info("subscription '{}' of {} started ({} stream(s){}, store {}, lease {})", name, provider, sources.size(),
                push == null ? "" : ", push", store, lease == null ? "held elsewhere" : "held");
        instrumentation.subscriptionStarted(this);
        return this;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private void startThread(String threadName, Runnable body) {
        Thread thread = new Thread(body, threadName);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    // ------------------------------------------------------------------ lease

    private void keepLease() {
        if (!running) {
            return;
        }
        try {
            Lease held = lease;
            Lease next = held == null
                    ? store.acquireLease(name, options.owner(), options.leaseTtl()).orElse(null)
                    : store.renewLease(held).orElse(null);
            if (held != null && next == null) {
                LOG.warn("subscription '{}': the lease was taken over by another instance; this one stops reading", name);
            }
            lease = next;
            if (held == null && next != null) {
                LOG.info("subscription '{}': this instance now holds the lease", name);
                wakeUp();
            }
            if (next != null) {
                replayRequested();
            }
        } catch (SubscriptionStoreException e) {
            fail("the store could not renew the lease", e);
        }
    }

    /** Replays the dead letters an operator asked for through the store ({@code ticketctl store replay}). */
    private void replayRequested() {
        for (String key : store.replayRequests(name)) {
            if (!inFlight.containsKey(key) && replay(key)) {
                LOG.info("subscription '{}': replaying dead letter {} as asked through the store", name, key);
            }
        }
    }

    // ------------------------------------------------------------------ polled streams

    private void follow(PolledSource source) {
        Duration interval = options.pollInterval() != null ? options.pollInterval() : source.defaultInterval();
        Instant startFrom = options.start().resolve(startedAt);
        StreamTracker previous = null;
        while (running) {
            Lease held = heldLease();
            if (held == null) {
                pause(options.leaseTtl().dividedBy(3));
                continue;
            }
            // Read again from the store only once what was read under the previous lease is finished: a repeat of an
            // event still in hand counts as handled in the new tracker, which would record a position past it.
            while (running && previous != null && pending(previous) > 0) {
                pause(Duration.ofMillis(20));
            }
            StreamTracker tracker = new StreamTracker();
            previous = tracker;
            try {
                source.restart();
            } catch (SubscriptionStoreException e) {
                fail("the store could not be read for " + source.stream(), e);
                return;
            }
            String position = store.positions(name).get(source.stream());
            // A renewal gives a new Lease object with the same token: the stream goes on, only a new holder restarts it.
            while (running && sameLease(heldLease(), held)) {
                waitForRoom();
                if (!running || !sameLease(heldLease(), held)) {
                    break;
                }
                SourceBatch batch;
                try {
                    String from = position;
                    batch = operations.call(Operation.POLL, null, () -> source.poll(from, startFrom));
                    lastSuccess = clock.instant();
                } catch (TicketingException e) {
                    lastError = source.stream() + ": " + e.getMessage();
                    LOG.warn("subscription '{}': reading {} failed, trying again in {}: {}", name, source.stream(), interval,
                            e.getMessage());
                    pause(interval);
                    continue;
                } catch (RuntimeException e) {
                    lastError = source.stream() + ": " + e;
                    LOG.warn("subscription '{}': reading {} failed unexpectedly, trying again in {}", name, source.stream(),
                            interval, e);
                    pause(interval);
                    continue;
                }
                for (SourceEvent event : batch.events()) {
                    long sequence;
                    synchronized (tracker) {
                        sequence = tracker.add(event.position());
                    }
                    offer(event.key(), event.lane(), event.event(), held, new Completion() {
                        @Override
                        public Commit parts(Commit handled) {
                            return handled.withFollowed(event.followed())
                                    .withUnfollow(event.lastOfTicket() ? event.event().ticketId() : null);
                        }

                        @Override
                        public void done(Commit commit) {
                            // A repeat (no event key) records only its place: the state it carries belongs to the
                            // delivery already in hand or done, which records it itself. A commit recorded already
                            // (null) leaves only the position to move.
                            Commit write = commit == null || commit.eventKey() == null ? commit : parts(commit);
                            record(tracker, sequence, source.stream(), write, held);
                        }
                    });
                    if (event.position() != null) {
                        position = event.position();
                    }
                }
                if (batch.endPosition() != null) {
                    position = batch.endPosition();
                    long sequence;
                    synchronized (tracker) {
                        sequence = tracker.add(batch.endPosition());
                    }
                    record(tracker, sequence, source.stream(), null, held);
                }
                if (!batch.more()) {
                    pause(batch.nextPollIn() != null ? batch.nextPollIn() : interval);
                }
            }
        }
    }

    private static boolean sameLease(Lease current, Lease held) {
        return current != null && current.token() == held.token();
    }

    /**
     * The lease while it is live by this instance's clock: after a pause longer than its time to live (a stopped
     * process, a long collection), nothing more is read under it before the renewal says whether it was kept.
     */
    private Lease heldLease() {
        Lease current = lease;
        return current != null && clock.instant().isBefore(current.expiresAt()) ? current : null;
    }

    private void leaseLost(Lease held, LeaseLostException e) {
        LOG.warn("subscription '{}': {}", name, e.getMessage());
        if (sameLease(lease, held)) {
            lease = null;
        }
    }

    private static int pending(StreamTracker tracker) {
        synchronized (tracker) {
            return tracker.pending();
        }
    }

    /**
     * Records one completed item of a stream, with the stream's position when it moved. The records of items on
     * different lanes are written side by side (a shared store batches them); the position goes with one of them at a
     * time, always the furthest recordable, so that it only moves forward and never past an item not yet handled. A
     * position written after an item's own record is safe either way round: the item was handled.
     */
    private void record(StreamTracker tracker, long sequence, String stream, Commit commit, Lease held) {
        String position;
        synchronized (tracker) {
            position = tracker.toWrite(tracker.complete(sequence));
        }
        Commit write = position == null ? commit
                : commit == null ? Commit.position(name, stream, position) : commit.withPosition(stream, position);
        try {
            while (true) {
                if (write != null && !isEmpty(write)) {
                    // The latest renewal of the lease, so that a store may check its expiry too.
                    Lease current = lease;
                    store.commit(sameLease(current, held) ? current : held, write);
                }
                if (position == null) {
                    return;
                }
                synchronized (tracker) {
                    position = tracker.written();
                }
                if (position == null) {
                    return;
                }
                write = Commit.position(name, stream, position);
            }
        } catch (LeaseLostException e) {
            leaseLost(held, e);
        } catch (SubscriptionStoreException e) {
            fail("the store could not record a handled event", e);
        } finally {
            if (position != null) {
                synchronized (tracker) {
                    // A failed write gives the turn back (the subscription stops, or the lease is gone and the
                    // store refuses this tracker's later positions anyway).
                    tracker.writeFailed();
                }
            }
        }
    }

    private static boolean isEmpty(Commit c) {
        return c.eventKey() == null && c.stream() == null && c.followed() == null && c.unfollow() == null
                && c.inboxDone() == null && c.deadLetter() == null;
    }

    private void waitForRoom() {
        while (running && inFlight.size() >= options.maxInFlight()) {
            pause(Duration.ofMillis(20));
        }
    }

    // ------------------------------------------------------------------ push

    private final class StoreInbox implements Inbox {
        @Override
        public boolean offer(StoredEvent event) {
            boolean added;
            try {
                added = store.addToInbox(name, event);
            } catch (SubscriptionStoreException e) {
                // The provider is answered 5xx and sends again; but a store that cannot take notifications stops the
                // subscription, as one that cannot record handled events does, so that someone looks at it.
                fail("the store could not write a received notification", e);
                throw e;
            }
            lastSuccess = clock.instant();
            if (added) {
                wakeUp();
            }
            return added;
        }

        @Override
        public void reportProblem(String problem) {
            lastError = problem;
        }
    }

    /**
     * Feeds the inbox to the lanes while this instance holds the lease: every instance of a fleet writes to the
     * inbox, one hands it over, so that a notification is handled once and a ticket's notifications in order.
     */
    private void drainInbox() {
        while (running) {
            Lease held = heldLease();
            if (held == null) {
                pause(options.leaseTtl().dividedBy(3));
                continue;
            }
            int queued = 0;
            try {
                for (StoredEvent stored : store.inbox(name, INBOX_BATCH + inFlight.size())) {
                    if (inFlight.containsKey(stored.key())) {
                        continue;
                    }
                    queued++;
                    offer(stored.key(), stored.lane(), stored.event(), held, new Completion() {
                        @Override
                        public Commit parts(Commit handled) {
                            return handled.withInboxDone(stored.key());
                        }

                        @Override
                        public void done(Commit commit) {
                            if (commit != null) {
                                commitFenced(held, parts(commit));
                            }
                        }
                    });
                    if (queued >= INBOX_BATCH) {
                        break;
                    }
                }
            } catch (SubscriptionStoreException e) {
                fail("the store's inbox could not be read", e);
                return;
            }
            if (queued < INBOX_BATCH) {
                // A shared store's inbox is written by other instances too, which cannot wake this one.
                pause(store.inboxPollInterval());
            } else {
                waitForRoom();
            }
        }
    }

    /** Records a handled notification or a dead letter under the lease it was handed over with. */
    private void commitFenced(Lease held, Commit commit) {
        try {
            Lease current = lease;
            store.commit(held != null && sameLease(current, held) ? current : held, commit);
        } catch (LeaseLostException e) {
            leaseLost(held, e);
        } catch (SubscriptionStoreException e) {
            fail("the store could not record a handled notification", e);
        }
    }

    // ------------------------------------------------------------------ delivery

    /** What a completed delivery records, besides the handler's own writes. */
    private interface Completion {
        /** The parts its source adds to the record of a handled event (a followed ticket's state, the inbox entry). */
        Commit parts(Commit handled);

        /**
         * Records a completed delivery: {@code commit} is the event's key (with a dead letter when it was parked), to
         * which the source adds its {@link #parts}; {@code null} when a transaction recorded it already (or the lease
         * was lost meanwhile), so that only what follows it, a stream's position, is left to move.
         */
        void done(Commit commit);
    }

    private void offer(String key, String lane, TicketEvent event, Lease held, Completion completion) {
        if (store.seen(name, key) || inFlight.putIfAbsent(key, clock.instant()) != null) {
            // Handled before, or queued already: only its place in the stream is recorded.
            completion.done(new Commit(name, null, null, null, null, null, null, null));
            return;
        }
        // Where tickets are followed one by one, the followed set is the ticket filter (follow(id) adds to it).
        boolean wanted = follower != null
                ? options.kinds().isEmpty() || options.kinds().contains(event.kind())
                : options.accepts(event);
        if (!wanted) {
            inFlight.remove(key);
            completion.done(Commit.handled(name, key));
            return;
        }
        lanes.submit(lane, new Delivery(key, lane, event, held, completion));
    }

    /** One event on its lane: called until the handler returns or the attempts are used up. */
    private final class Delivery implements Lanes.Work {
        private final String key;
        private final String lane;
        private final TicketEvent event;
        private final Lease held;
        private final Completion completion;
        private int attempts;

        /** @param held the lease the event was read under, which fences its record; {@code null} for a replay */
        Delivery(String key, String lane, TicketEvent event, Lease held, Completion completion) {
            this.key = key;
            this.lane = lane;
            this.event = event;
            this.held = held;
            this.completion = completion;
        }

        @Override
        public boolean run() {
            if (!running) {
                return true;
            }
            attempts++;
            DeliveryObserver observer = instrumentation == Instrumentation.none() ? DeliveryObserver.NONE
                    : instrumentation.deliveryStarted(new EventDelivery(provider, name, key, event, attempts));
            try {
                if (handler instanceof TransactionalTicketEventHandler transactional) {
                    boolean done = handleInTransaction(transactional);
                    observer.ended(null);
                    return done;
                }
                handler.handle(event);
                observer.ended(null);
            } catch (Exception e) {
                observer.ended(e);
                failed.incrementAndGet();
                if (attempts < options.maxAttempts()) {
                    Duration wait = backoff(attempts);
                    LOG.warn("subscription '{}': handler failed on {} (attempt {} of {}), trying again in {}: {}", name, event,
                            attempts, options.maxAttempts(), wait, e.toString());
                    try {
                        timer.schedule(() -> lanes.resume(lane), wait.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.RejectedExecutionException stopped) {
                        return true;
                    }
                    return false;
                }
                LOG.error("subscription '{}': handler failed on {} at every attempt ({}); it is parked as a dead letter", name,
                        event, attempts, e);
                DeadLetter letter = new DeadLetter(key, event, e.getClass().getName() + ": " + e.getMessage(), attempts,
                        clock.instant());
                finish(Commit.handled(name, key).withDeadLetter(letter));
                return true;
            }
            delivered.incrementAndGet();
            finish(Commit.handled(name, key));
            return true;
        }

        /** Runs the handler in the transaction that records the event, so that both commit or neither does. */
        private boolean handleInTransaction(TransactionalTicketEventHandler transactional) throws Exception {
            Commit record = completion.parts(Commit.handled(name, key));
            Lease current = lease;
            try {
                store.commit(held != null && sameLease(current, held) ? current : held, record,
                        transaction -> transactional.handle(event, transaction));
            } catch (LeaseLostException e) {
                // Rolled back with the handler's writes: the new holder hands the event over again. What follows it
                // is still completed, so that this stream can go on if the lease comes back; its position write is
                // fenced like this one.
                leaseLost(held, e);
                finish(null);
                return true;
            } catch (SubscriptionStoreException e) {
                // Not recorded, and nothing after it may be: the subscription stops with the event unfinished.
                inFlight.remove(key);
                fail("the store could not record a handled event", e);
                return true;
            }
            delivered.incrementAndGet();
            finish(null);
            return true;
        }

        private void finish(Commit commit) {
            try {
                completion.done(commit);
            } finally {
                inFlight.remove(key);
            }
        }
    }

    private Duration backoff(int failures) {
        long first = options.firstBackoff().toMillis();
        long wait = first << Math.min(failures - 1, 30);
        return Duration.ofMillis(Math.min(Math.max(wait, first), options.maxBackoff().toMillis()));
    }

    // ------------------------------------------------------------------ the handle

    @Override
    public void follow(String ticketId) {
        Objects.requireNonNull(ticketId, "ticketId");
        if (follower != null) {
            follower.follow(ticketId);
        }
    }

    @Override
    public void unfollow(String ticketId) {
        Objects.requireNonNull(ticketId, "ticketId");
        if (follower != null) {
            follower.unfollow(ticketId);
        }
    }

    @Override
    public List<DeadLetter> deadLetters() {
        return store.deadLetters(name);
    }

    @Override
    public boolean replay(String key) {
        if (!running) {
            throw new IllegalStateException("subscription '" + name + "' is not running: start it before replaying");
        }
        Optional<DeadLetter> letter = store.deadLetters(name).stream().filter(d -> d.key().equals(key)).findFirst();
        if (letter.isEmpty()) {
            return false;
        }
        TicketEvent event = letter.get().event();
        String lane = event.ticketId() != null ? event.ticketId() : key;
        if (inFlight.putIfAbsent(key, clock.instant()) != null) {
            return true;
        }
        lanes.submit(lane, new Delivery(key, lane, event, null, new Completion() {
            @Override
            public Commit parts(Commit handled) {
                return handled;
            }

            @Override
            public void done(Commit commit) {
                if (commit != null && commit.deadLetter() != null) {
                    commitFenced(null, commit);
                    return;
                }
                try {
                    store.removeDeadLetter(name, key);
                } catch (SubscriptionStoreException e) {
                    fail("the store could not remove a replayed dead letter", e);
                }
            }
        }));
        return true;
    }

    @Override
    public Optional<CallbackHandler> callbackHandler() {
        PushSource.PushReceiver current = receiver;
        return current == null ? Optional.empty() : current.callbackHandler();
    }

    @Override
    public SubscriptionHealth health() {
        Instant now = clock.instant();
        Instant oldest = null;
        for (Instant at : inFlight.values()) {
            if (oldest == null || at.isBefore(oldest)) {
                oldest = at;
            }
        }
        Duration lag = oldest == null ? Duration.ZERO : Duration.between(oldest, now);
        long parked;
        long inbox;
        try {
            parked = store.deadLetters(name).size();
            inbox = push == null ? 0 : store.inboxDepth(name);
        } catch (SubscriptionStoreException e) {
            parked = -1;
            inbox = -1;
        }
        return new SubscriptionHealth(running, lastSuccess, lag, delivered.get(), failed.get(), parked, inbox,
                running && lease != null, lastError);
    }

    // ------------------------------------------------------------------ stopping

    private void fail(String what, SubscriptionStoreException e) {
        lastError = what + ": " + e.getMessage();
        if (!stopping) {
            LOG.error("subscription '{}' stops: {}", name, lastError, e);
            Thread stopper = new Thread(this::close, provider + "-" + name + "-stop");
            stopper.setDaemon(true);
            stopper.start();
        }
    }

    private void pause(Duration duration) {
        synchronized (wake) {
            if (!running) {
                return;
            }
            try {
                wake.wait(Math.max(1, duration.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private void wakeUp() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    @Override
    public void close() {
        stop(false);
    }

    @Override
    public void cancel() {
        stop(true);
    }

    private synchronized void stop(boolean cancel) {
        if (!running && receiver == null) {
            return;
        }
        stopping = true;
        running = false;
        wakeUp();
        PushSource.PushReceiver current = receiver;
        receiver = null;
        if (current != null) {
            try {
                if (cancel) {
                    current.cancel();
                } else {
                    current.stop();
                }
            } catch (RuntimeException e) {
                LOG.warn("subscription '{}': stopping the receiver failed: {}", name, e.toString());
            }
        }
        stopThreads();
        Lease held = lease;
        lease = null;
        if (held != null) {
            try {
                store.releaseLease(held);
            } catch (SubscriptionStoreException e) {
                LOG.warn("subscription '{}': the lease could not be released (it lapses by itself): {}", name, e.getMessage());
            }
        }
        LOG.info("subscription '{}' of {} stopped ({} delivered)", name, provider, delivered.get());
        instrumentation.subscriptionStopped(this);
    }

    private void stopThreads() {
        running = false;
        wakeUp();
        for (Thread thread : threads) {
            if (thread != Thread.currentThread()) {
                try {
                    thread.join(TimeUnit.SECONDS.toMillis(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        threads.clear();
        if (timer != null) {
            timer.shutdownNow();
        }
        if (pool != null) {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pool.shutdownNow();
            }
        }
        if (lanes != null) {
            lanes.clear();
        }
        inFlight.clear();
    }

    @Override
    public String toString() {
        return "TicketSubscription[provider=" + provider + ", name=" + name + ", running=" + running + "]";
    }

    /** Builds a {@link DurableSubscription}. */
    public static final class Builder {
        private final String provider;
        private final TicketEventHandler handler;
        private final SubscriptionOptions options;
        private final List<PolledSource> sources = new ArrayList<>();
        private PushSource push;
        private TicketFollower follower;
        private Clock clock = Clock.systemUTC();
        private Instrumentation instrumentation = Instrumentation.none();

        private Builder(String provider, TicketEventHandler handler, SubscriptionOptions options) {
            this.provider = Objects.requireNonNull(provider, "provider");
            this.handler = Objects.requireNonNull(handler, "handler");
            this.options = Objects.requireNonNull(options, "options");
        }

        /** Adds a polled stream. */
        public Builder polled(PolledSource source) { sources.add(Objects.requireNonNull(source, "source")); return this; }

        /** Sets the push source. */
        public Builder push(PushSource source) { this.push = Objects.requireNonNull(source, "source"); return this; }

        /** Where {@code follow} and {@code unfollow} go. */
        public Builder follower(TicketFollower value) { this.follower = value; return this; }

        /** The clock for health figures, dead letters and lag. Default: UTC system clock. */
        public Builder clock(Clock value) { this.clock = Objects.requireNonNull(value, "clock"); return this; }

        /** What is told about each poll, delivered event, start and stop: the client's. Default {@link Instrumentation#none()}. */
        public Builder instrumentation(Instrumentation value) {
            this.instrumentation = Objects.requireNonNull(value, "instrumentation");
            return this;
        }

        /** Makes the subscription, stopped: {@code start()} begins reading. */
        public DurableSubscription build() {
            return new DurableSubscription(this);
        }
    }
}
