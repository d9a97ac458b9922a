package dev.troubleticket.core.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Call;

/**
 * Cancels the calls that outlast their attempt's deadline, without waking a thread for each call.
 *
 * <p>Why not OkHttp's call timeout: it is an Okio {@code AsyncTimeout}, and entering one when no other
 * call is in flight puts it at the head of the watchdog's queue, which wakes the watchdog thread on every call
 * (on the benchmarks' machine, as much as reading ten tickets; benchmarks/README.md gives the measurement);
 * the same call written by hand, without a timeout, never pays it. Here one daemon thread looks at the calls in
 * flight every {@code tick} and cancels those past their deadline, and registering a call is one insertion
 * in a concurrent set.
 *
 * <p>So a deadline is kept to within one tick (25 ms for the transport). Deadlines nearer than
 * {@code preciseBelow} (1 s), where a tick would matter, are left to OkHttp's own timeout. The thread
 * stops when no call has been watched for {@code idle}, and the next call starts another.
 */
final class CallDeadlines {
    /** The transport's: 25 ms ticks, OkHttp's timeout under 1 s, the thread gone after 10 s without calls. */
    static final CallDeadlines SHARED = new CallDeadlines(Duration.ofMillis(25), Duration.ofSeconds(1), Duration.ofSeconds(10));

    private final long tickNanos;
    private final long preciseBelowNanos;
    private final long idleNanos;
    private final Set<Watch> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Thread> watcher = new AtomicReference<>();
    private volatile long lastWatched;

    CallDeadlines(Duration tick, Duration preciseBelow, Duration idle) {
        this.tickNanos = tick.toNanos();
        this.preciseBelowNanos = preciseBelow.toNanos();
        this.idleNanos = idle.toNanos();
    }

    /**
     * Watches {@code call}, not yet executed, for {@code timeoutNanos} from now; close the watch when the
     * call's answer has been read.
     */
    Watch watch(Call call, long timeoutNanos) {
        if (timeoutNanos < preciseBelowNanos) {
            call.timeout().timeout(timeoutNanos, TimeUnit.NANOSECONDS);
            return new Watch(this, call, Long.MAX_VALUE, false);
        }
        long now = System.nanoTime();
        Watch watch = new Watch(this, call, now + timeoutNanos, true);
        inFlight.add(watch);
        lastWatched = now;
        if (watcher.get() == null) {
            start();
        }
        return watch;
    }

    /** Whether the watcher thread is running (for tests). */
    boolean watching() {
        return watcher.get() != null;
    }

    /** The watcher thread, or {@code null} (for tests). */
    Thread watcherThread() {
        return watcher.get();
    }

    private void start() {
        Thread thread = new Thread(this::watchCalls, "troubleticket-call-deadlines");
        thread.setDaemon(true);
        if (watcher.compareAndSet(null, thread)) {
            thread.start();
        }
    }

    private void watchCalls() {
        Thread self = Thread.currentThread();
        try {
            while (true) {
                LockSupport.parkNanos(this, tickNanos);
                // An interrupt would make every park return at once: clear it, the thread stops only when idle.
                Thread.interrupted();
                long now = System.nanoTime();
                for (Watch watch : inFlight) {
                    if (now - watch.deadline >= 0) {
                        watch.expire();
                    }
                }
                if (inFlight.isEmpty() && now - lastWatched > idleNanos) {
                    watcher.set(null);
                    // A call watched since the check above found this thread still set and started none: stay for it.
                    if (inFlight.isEmpty() || !watcher.compareAndSet(null, self)) {
                        return;
                    }
                }
            }
        } finally {
            // However this thread ends, the next call must be able to start another.
            watcher.compareAndSet(self, null);
        }
    }

    /** One call's deadline; closing it stops watching the call. */
    static final class Watch implements AutoCloseable {
        private final CallDeadlines owner;
        private final Call call;
        private final long deadline;
        private final boolean watched;
        private volatile boolean expired;

        private Watch(CallDeadlines owner, Call call, long deadline, boolean watched) {
            this.owner = owner;
            this.call = call;
            this.deadline = deadline;
            this.watched = watched;
        }

        /** Whether the call was cancelled for outlasting its deadline. */
        boolean expired() {
            return expired;
        }

        private void expire() {
            expired = true;
            call.cancel();
            owner.inFlight.remove(this);
        }

        @Override
        public void close() {
            if (watched) {
                owner.inFlight.remove(this);
            }
        }
    }
}
