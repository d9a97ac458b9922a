package dev.troubleticket.core.feed;

import dev.troubleticket.core.error.TicketingException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a {@link FeedSource}: hands each event to the handler in the source's order, at least once,
 * and saves the checkpoint after each handled event.
 *
 * <ul>
 *   <li>Polls no more often than {@link Builder#pollInterval(Duration)} once it has caught up (Kosc asks
 *       for 30 s); while the source says it has more, the next page is read at once.</li>
 *   <li>Drops events whose id it has delivered recently (the source may repeat events at page borders
 *       and after a restart).</li>
 *   <li>When the handler throws, stops the batch there: the checkpoint stays before that event, which
 *       comes again on the next poll.</li>
 *   <li>A failed poll (provider down) is logged and tried again after the interval; the subscription
 *       keeps running.</li>
 * </ul>
 *
 * <p>Run it in the background with {@link #start()} and stop it with {@link #close()}, or drive it
 * yourself with {@link #pollOnce()}.
 *
 * @param <E> the event type
 */
public final class FeedSubscription<E> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedSubscription.class);

    private final String name;
    private final FeedSource<E> source;
    private final EventHandler<? super E> handler;
    private final CheckpointStore store;
    private final Duration pollInterval;
    private final Map<String, Boolean> recent;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile boolean running;
    private volatile Thread worker;
    private volatile long delivered;
    private volatile long handlerFailures;

    private FeedSubscription(Builder<E> b) {
        this.name = b.name;
        this.source = b.source;
        this.handler = b.handler;
        this.store = b.store;
        this.pollInterval = b.pollInterval;
        int capacity = b.duplicateWindow;
        this.recent = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    public static <E> Builder<E> builder(String name, FeedSource<E> source, EventHandler<? super E> handler) {
        return new Builder<>(name, source, handler);
    }

    /** The outcome of one poll. */
    public record PollResult(int delivered, int duplicates, boolean handlerFailed, boolean more) {
    }

    /**
     * Polls once from the saved checkpoint and delivers what came. Safe to call from one thread at a
     * time (the background worker, or the caller when not started).
     */
    public PollResult pollOnce() {
        Optional<String> checkpoint = store.load(name);
        FeedBatch<E> batch = source.poll(checkpoint.orElse(null));
        int handled = 0;
        int duplicates = 0;
        for (FeedItem<E> item : batch.items()) {
            if (item.id() != null && recent.containsKey(item.id())) {
                duplicates++;
                store.save(name, item.checkpoint());
                continue;
            }
            try {
                handler.handle(item.event());
            } catch (Exception e) {
                handlerFailures++;
                // The checkpoint stays before this event, so it is delivered again next time.
                LOG.warn("subscription '{}': handler failed on event {}; it will be delivered again: {}", name, item.id(),
                        e.toString());
                return new PollResult(handled, duplicates, true, false);
            }
            if (item.id() != null) {
                recent.put(item.id(), Boolean.TRUE);
            }
            store.save(name, item.checkpoint());
            handled++;
            delivered++;
        }
        return new PollResult(handled, duplicates, false, batch.more());
    }

    /** Starts following in a background daemon thread. */
    public synchronized FeedSubscription<E> start() {
        if (running) {
            return this;
        }
        running = true;
        Thread thread = new Thread(this::run, "feed-subscription-" + name);
        thread.setDaemon(true);
        worker = thread;
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            boolean more = false;
            try {
                more = pollOnce().more();
            } catch (TicketingException e) {
                LOG.warn("subscription '{}': poll failed, trying again in {}: {}", name, pollInterval, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("subscription '{}': poll failed unexpectedly, trying again in {}", name, pollInterval, e);
            }
            if (!more) {
                waitForNextPoll();
            }
        }
    }

    private void waitForNextPoll() {
        lock.lock();
        try {
            long nanos = pollInterval.toNanos();
            while (running && nanos > 0) {
                nanos = wake.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the background worker is running. */
    public boolean isRunning() {
        return running;
    }

    /** Events handed to the handler so far (duplicates dropped not counted). */
    public long deliveredCount() {
        return delivered;
    }

    /** How often the handler threw. */
    public long handlerFailureCount() {
        return handlerFailures;
    }

    /** Stops the background worker, waiting for the event in hand to finish. */
    @Override
    public void close() {
        running = false;
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        Thread thread = worker;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Builds a {@link FeedSubscription}. */
    public static final class Builder<E> {
        private final String name;
        private final FeedSource<E> source;
        private final EventHandler<? super E> handler;
        private CheckpointStore store = new InMemoryCheckpointStore();
        private Duration pollInterval = Duration.ofSeconds(30);
        private int duplicateWindow = 10_000;

        private Builder(String name, FeedSource<E> source, EventHandler<? super E> handler) {
            this.name = Objects.requireNonNull(name, "name");
            this.source = Objects.requireNonNull(source, "source");
            this.handler = Objects.requireNonNull(handler, "handler");
        }

        /** Where to keep the checkpoint. Default: in memory. */
        public Builder<E> checkpointStore(CheckpointStore value) { this.store = Objects.requireNonNull(value); return this; }
        /** The least time between two polls once caught up. Default 30 s. */
        public Builder<E> pollInterval(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("pollInterval must not be negative");
            }
            this.pollInterval = value;
            return this;
        }
        /** How many recent event ids to remember for dropping duplicates. Default 10,000. */
        public Builder<E> duplicateWindow(int value) { this.duplicateWindow = value; return this; }

        public FeedSubscription<E> build() {
            return new FeedSubscription<>(this);
        }
    }
}
