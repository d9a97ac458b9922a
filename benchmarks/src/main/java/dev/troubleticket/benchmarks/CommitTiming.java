package dev.troubleticket.benchmarks;

import dev.troubleticket.core.subscription.store.Commit;
import dev.troubleticket.core.subscription.store.ForwardingSubscriptionStore;
import dev.troubleticket.core.subscription.store.Lease;
import dev.troubleticket.core.subscription.store.StoredEvent;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The time from an event's receipt to the store's commit that records it handled, for every event of a run, over
 * one or more stores (the instances of a fleet share one timing). Receipt is when the notification is written to the
 * inbox ({@code addToInbox} returned) for a pushed event, and when the subscription first asks the store whether it
 * has seen the event for a polled one (which it does for each event as soon as it is read from the provider); the
 * commit is when {@code commit} returned, so the record is durable.
 */
final class CommitTiming {
    private final Map<String, Long> received = new ConcurrentHashMap<>();
    private final AtomicLong lastCommit = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong inFlightSum = new AtomicLong();
    private final AtomicInteger inFlightMax = new AtomicInteger();
    private long[] latencies = new long[1024];
    private int count;

    /** {@code store} with its reads of the seen window, inbox writes and commits timed here. */
    SubscriptionStore wrap(SubscriptionStore store) {
        return new Timed(store);
    }

    /** How many commits recorded a received event as handled. */
    long committed() {
        return committed.get();
    }

    /** When the last such commit returned ({@link System#nanoTime()}), 0 when none did. */
    long lastCommitNanos() {
        return lastCommit.get();
    }

    /**
     * The mean number of {@code commit} calls in progress (on any instance) when one began, itself included: what a
     * store could write in one transaction at most.
     */
    double meanCommitsInFlight() {
        long n = calls.get();
        return n == 0 ? 0 : (double) inFlightSum.get() / n;
    }

    /** The most {@code commit} calls in progress at once. */
    int maxCommitsInFlight() {
        return inFlightMax.get();
    }

    /** The {@code quantile} (0 to 1) of the receipt-to-commit times, in milliseconds; NaN when none was timed. */
    synchronized double quantileMillis(double quantile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(quantile * count) - 1));
        return sorted[index] / 1e6;
    }

    private synchronized void record(long nanos) {
        if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
        }
        latencies[count++] = nanos;
    }

    private final class Timed extends ForwardingSubscriptionStore {
        Timed(SubscriptionStore delegate) {
            super(delegate);
        }

        @Override
        public boolean seen(String subscription, String eventKey) {
            received.putIfAbsent(eventKey, System.nanoTime());
            return super.seen(subscription, eventKey);
        }

        @Override
        public boolean addToInbox(String subscription, StoredEvent event) {
            boolean added = super.addToInbox(subscription, event);
            if (added) {
                received.put(event.key(), System.nanoTime());
            }
            return added;
        }

        @Override
        public void commit(Lease lease, Commit commit) {
            int concurrent = inFlight.incrementAndGet();
            calls.incrementAndGet();
            inFlightSum.addAndGet(concurrent);
            inFlightMax.accumulateAndGet(concurrent, Math::max);
            try {
                super.commit(lease, commit);
            } finally {
                inFlight.decrementAndGet();
            }
            if (commit.eventKey() != null) {
                long now = System.nanoTime();
                Long at = received.remove(commit.eventKey());
                if (at != null) {
                    record(now - at);
                    committed.incrementAndGet();
                    lastCommit.accumulateAndGet(now, Math::max);
                }
            }
        }
    }
}
