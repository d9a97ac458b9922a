package dev.troubleticket.core.subscription.spi;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Per-lane serial execution on a shared pool: the work of one lane (one ticket) runs one item at a time, in the
 * order given, while other lanes run on the pool's other threads. An item that must wait (a handler retried with
 * backoff) keeps its lane busy without holding a thread: it calls {@link #resume} when it is ready again.
 */
final class Lanes {
    /** One item of work; {@link #run()} returns whether the item is finished (else it resumes itself later). */
    interface Work {
        boolean run();
    }

    private final ExecutorService pool;
    private final Map<String, ArrayDeque<Work>> queues = new HashMap<>();

    Lanes(ExecutorService pool) {
        this.pool = pool;
    }

    /** Queues work on a lane; it starts at once when the lane is idle. */
    void submit(String lane, Work work) {
        boolean idle;
        synchronized (this) {
            ArrayDeque<Work> queue = queues.computeIfAbsent(lane, l -> new ArrayDeque<>());
            idle = queue.isEmpty();
            queue.addLast(work);
        }
        if (idle) {
            schedule(lane);
        }
    }

    /** Runs the lane's head item again (after its backoff). */
    void resume(String lane) {
        schedule(lane);
    }

    private void schedule(String lane) {
        try {
            pool.execute(() -> runHead(lane));
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // The subscription is closing: the work left is read again on the next start.
        }
    }

    private void runHead(String lane) {
        Work head;
        synchronized (this) {
            ArrayDeque<Work> queue = queues.get(lane);
            head = queue == null ? null : queue.peekFirst();
        }
        if (head == null || !head.run()) {
            return;
        }
        boolean more;
        synchronized (this) {
            ArrayDeque<Work> queue = queues.get(lane);
            queue.pollFirst();
            more = !queue.isEmpty();
            if (!more) {
                queues.remove(lane);
            }
        }
        if (more) {
            schedule(lane);
        }
    }

    /** Forgets all queued work (the subscription stopped; what was not handled is read again on the next start). */
    synchronized void clear() {
        queues.clear();
    }
}
