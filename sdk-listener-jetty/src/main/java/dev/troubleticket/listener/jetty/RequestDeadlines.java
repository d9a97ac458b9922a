package dev.troubleticket.listener.jetty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes connections whose request headers, or whose body, take too long to arrive. Jetty's idle timeout
 * alone does not: a peer that sends one byte now and then (slowloris) is never idle, and would hold its
 * connection, one of a limited number, for as long as it likes.
 *
 * <p>A connection is waiting for headers from its opening, and again from the first byte that arrives
 * after an exchange has finished (a connection kept alive with nothing arriving is left to the idle
 * timeout). Once the handler has the request, its body has {@code bodyTimeout} to arrive. The connections
 * are looked at on a timer, so one closes up to a tick after its deadline.
 */
final class RequestDeadlines implements Connection.Listener {
    private final Map<Connection, Watch> watches = new ConcurrentHashMap<>();
    private final long headerNanos;
    private final long bodyNanos;
    private final long tickMillis;
    private final AtomicLong closed = new AtomicLong();
    private volatile Scheduler scheduler;

    RequestDeadlines(long headerMillis, long bodyMillis) {
        this.headerNanos = TimeUnit.MILLISECONDS.toNanos(headerMillis);
        this.bodyNanos = TimeUnit.MILLISECONDS.toNanos(bodyMillis);
        // A quarter of the shorter deadline, within bounds: late by at most that, and no busy timer.
        this.tickMillis = Math.max(20, Math.min(1_000, Math.min(headerMillis, bodyMillis) / 4));
    }

    /** Starts the timer; it stops by itself once {@link #stop()} was called. */
    void start(Scheduler value) {
        this.scheduler = value;
        value.schedule(this::tick, tickMillis, TimeUnit.MILLISECONDS);
    }

    void stop() {
        this.scheduler = null;
    }

    @Override
    public void onOpened(Connection connection) {
        watches.put(connection, new Watch(System.nanoTime()));
    }

    @Override
    public void onClosed(Connection connection) {
        watches.remove(connection);
    }

    /** The request's headers are complete: its body's deadline starts. */
    void requestStarted(Connection connection) {
        Watch watch = watches.get(connection);
        if (watch != null) {
            watch.requestStarted(System.nanoTime());
        }
    }

    /** The request has been read and is being answered: the connection rests until its next byte. */
    void requestFinished(Connection connection) {
        Watch watch = watches.get(connection);
        if (watch != null) {
            watch.requestFinished(connection.getBytesIn());
        }
    }

    /** Connections closed because a deadline passed. */
    long closedCount() {
        return closed.get();
    }

    private void tick() {
        long now = System.nanoTime();
        watches.forEach((connection, watch) -> {
            if (watch.expired(connection, now, headerNanos, bodyNanos)) {
                watches.remove(connection);
                closed.incrementAndGet();
                connection.getEndPoint().close();
            }
        });
        Scheduler current = scheduler;
        if (current != null) {
            current.schedule(this::tick, tickMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** One connection's state: waiting for headers since a time, in a request since a time, or at rest. */
    private static final class Watch {
        private static final long AT_REST = Long.MIN_VALUE;
        private boolean inRequest;
        private long since;
        private long bytesAtRest;

        Watch(long openedAt) {
            this.since = openedAt;
        }

        synchronized void requestStarted(long now) {
            inRequest = true;
            since = now;
        }

        synchronized void requestFinished(long bytesIn) {
            inRequest = false;
            since = AT_REST;
            bytesAtRest = bytesIn;
        }

        synchronized boolean expired(Connection connection, long now, long headerNanos, long bodyNanos) {
            if (inRequest) {
                return now - since > bodyNanos;
            }
            if (since == AT_REST) {
                if (connection.getBytesIn() > bytesAtRest) {
                    since = now; // the next request has begun to arrive
                }
                return false;
            }
            return now - since > headerNanos;
        }
    }
}
