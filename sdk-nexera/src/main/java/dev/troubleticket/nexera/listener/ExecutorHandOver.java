package dev.troubleticket.nexera.listener;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink of {@link Tmf621EventHandler#builder(CallerCheck, Consumer, Executor)}: remembers the last event ids in
 * memory, to drop repeats, and hands each new event to the consumer on the executor. Nothing is stored: an event
 * acknowledged but not yet handled is lost with the process (a durable subscription stores it first).
 */
final class ExecutorHandOver implements Tmf621EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorHandOver.class);

    private final Consumer<? super Tmf621Event> consumer;
    private final Executor executor;
    private final Map<String, Boolean> seen;
    private final AtomicLong delivered = new AtomicLong();

    ExecutorHandOver(Consumer<? super Tmf621Event> consumer, Executor executor, int rememberedEventIds) {
        this.consumer = consumer;
        this.executor = executor;
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > rememberedEventIds;
            }
        };
    }

    @Override
    public boolean take(Tmf621Event event) {
        String id = event.eventId();
        if (id != null && !remember(id)) {
            return false;
        }
        try {
            executor.execute(() -> deliver(event));
        } catch (RejectedExecutionException e) {
            forget(id);
            throw new IllegalStateException("the receiver is shutting down", e);
        }
        return true;
    }

    private void deliver(Tmf621Event event) {
        try {
            consumer.accept(event);
            delivered.incrementAndGet();
        } catch (RuntimeException e) {
            // The provider already has its 200; the consumer's failure is the consumer's to log and repair.
            LOG.warn("the event consumer failed on event {} ({}): {}", event.eventId(), event.eventType(), e.toString());
        }
    }

    long deliveredCount() {
        return delivered.get();
    }

    private synchronized boolean remember(String id) {
        return seen.putIfAbsent(id, Boolean.TRUE) == null;
    }

    private synchronized void forget(String id) {
        if (id != null) {
            seen.remove(id);
        }
    }
}
