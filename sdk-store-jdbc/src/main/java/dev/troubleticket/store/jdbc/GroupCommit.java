package dev.troubleticket.store.jdbc;

import dev.troubleticket.core.subscription.store.Commit;
import dev.troubleticket.core.subscription.store.Lease;
import dev.troubleticket.core.subscription.store.LeaseLostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the {@link Commit}s that callers make at the same time in one transaction, so that they share one
 * COMMIT (one flush of the server's log) instead of paying one each. Each caller returns only once the transaction
 * that holds its commit is committed, and with its own outcome:
 *
 * <ul>
 *   <li>Each commit is fenced on its own, under the lease row's lock, in the batch's transaction: a stale lease's
 *       commit is refused ({@link LeaseLostException} to its caller, nothing of it written) and the others of the
 *       batch go on.</li>
 *   <li>When a statement of the batch fails, the transaction is rolled back and each of its commits is written
 *       again alone, in a transaction of its own: a bad commit fails its own caller only. Writing a commit again
 *       is harmless, as each of its parts is an upsert or a delete.</li>
 *   <li>When the batch failed for want of the database (no connection, the connection lost: SQLState class 08,
 *       or the server shutting down: 57P), every caller of the batch gets that failure at once: writing each again
 *       would only make the last caller wait for as many connection time-outs.</li>
 * </ul>
 *
 * <p>No thread of its own: the first caller to find no batch being written writes one (its own commit and those
 * queued meanwhile); when it is done, the oldest caller still queued writes the next. A commit is written in the
 * order it was queued, and a batch's commits are applied sorted by subscription (in queued order within one), so
 * that two instances writing batches of the same subscriptions take their rows' locks in the same order.
 */
final class GroupCommit {
    /** The most commits written in one transaction. */
    static final int MAX_BATCH = 64;

    /** Runs {@code work} in one transaction of the store, rolled back and thrown when it throws. */
    @FunctionalInterface
    interface Transactions {
        void inTransaction(Work work);
    }

    /** The statements of a batch, on its connection. */
    @FunctionalInterface
    interface Work {
        void run(Connection c) throws SQLException;
    }

    /** The store's commit of one in a transaction of its own. */
    @FunctionalInterface
    interface Alone {
        void commit(Lease lease, Commit commit);
    }

    private static final Comparator<Pending> BY_SUBSCRIPTION = Comparator.comparing(p -> p.commit.subscription());

    private final Transactions transactions;
    private final LeaseTable leases;
    private final CommitWriter writer;
    private final long idleTimeoutMillis;
    private final Alone alone;
    private final int maxBatch;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean writing;

    /**
     * @param transactions the store's transactions
     * @param leases       the fence of each commit
     * @param writer       the writes of each commit
     * @param idleTimeoutMillis the store's idle-in-transaction timeout, which each fence sets
     * @param alone        the store's commit of one in a transaction of its own
     * @param maxBatch     the most commits in one transaction
     */
    GroupCommit(Transactions transactions, LeaseTable leases, CommitWriter writer, long idleTimeoutMillis, Alone alone,
                int maxBatch) {
        this.transactions = transactions;
        this.leases = leases;
        this.writer = writer;
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.alone = alone;
        this.maxBatch = maxBatch;
    }

    /** Records {@code commit} as the store's own commit does, in a transaction shared with concurrent callers. */
    void commit(Lease lease, Commit commit) {
        Pending mine = new Pending(lease, commit);
        boolean lead;
        synchronized (this) {
            queue.add(mine);
            lead = !writing;
            writing = true;
        }
        if (!lead) {
            mine.awaitTurn();
        }
        if (!mine.done()) {
            // This caller writes the next batch: its own commit is the oldest queued, so it is in it.
            lead();
        }
        mine.outcome();
    }

    private void lead() {
        List<Pending> batch = new ArrayList<>();
        try {
            synchronized (this) {
                while (!queue.isEmpty() && batch.size() < maxBatch) {
                    batch.add(queue.poll());
                }
            }
            write(batch);
        } finally {
            Pending next;
            synchronized (this) {
                next = queue.peek();
                writing = next != null;
            }
            if (next != null) {
                next.lead();
            }
            for (Pending p : batch) {
                if (!p.done()) {
                    // Only when write() itself broke: its callers are told rather than left waiting.
                    p.finish(new IllegalStateException("the batch holding this commit was not written"));
                }
            }
        }
    }

    private void write(List<Pending> batch) {
        if (batch.size() == 1) {
            writeAlone(batch.get(0));
            return;
        }
        batch.sort(BY_SUBSCRIPTION);
        try {
            transactions.inTransaction(c -> {
                Set<String> fenced = new HashSet<>();
                for (Pending p : batch) {
                    p.refusal = null;
                    // Once a lease passed the fence, this transaction holds its row's shared lock: no newer grant can be
                    // made before it ends, so the lease's other commits in the batch pass too without asking again.
                    String held = p.lease == null ? null
                            : p.commit.subscription() + '\u0000' + p.lease.subscription() + '\u0000' + p.lease.token();
                    if (held == null || !fenced.contains(held)) {
                        try {
                            leases.fence(c, p.lease, p.commit, idleTimeoutMillis);
                        } catch (LeaseLostException e) {
                            // Checked before any of its writes: refused alone, the transaction goes on.
                            p.refusal = e;
                            continue;
                        }
                        if (held != null) {
                            fenced.add(held);
                        }
                    }
                    writer.apply(c, p.commit);
                }
            });
        } catch (RuntimeException | Error e) {
            if (databaseUnreachable(e)) {
                for (Pending p : batch) {
                    p.finish(e);
                }
                return;
            }
            // Rolled back, nothing of the batch is written: each commit alone, so that the one that failed fails alone.
            for (Pending p : batch) {
                writeAlone(p);
            }
            return;
        }
        for (Pending p : batch) {
            p.finish(p.refusal);
        }
    }

    /** Whether {@code failure} came from the connection or the server rather than from one of the batch's commits. */
    static boolean databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private void writeAlone(Pending p) {
        try {
            alone.commit(p.lease, p.commit);
            p.finish(null);
        } catch (RuntimeException | Error e) {
            p.finish(e);
        }
    }

    /** One caller's commit, from queued to written (or refused, or failed). */
    private static final class Pending {
        private static final int WAITING = 0;
        private static final int LEADING = 1;
        private static final int DONE = 2;

        final Lease lease;
        final Commit commit;
        /** The fence's refusal in the batch being written; read and written by the writing thread only. */
        LeaseLostException refusal;
        private int state = WAITING;
        private Throwable failure;

        Pending(Lease lease, Commit commit) {
            this.lease = lease;
            this.commit = commit;
        }

        /**
         * Waits until the commit is written or this caller is to write the next batch. Not interruptible: the commit
         * is queued and will be written, and its caller must learn the outcome; the interrupt is kept for later.
         */
        synchronized void awaitTurn() {
            boolean interrupted = false;
            while (state == WAITING) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized boolean done() {
            return state == DONE;
        }

        synchronized void lead() {
            if (state == WAITING) {
                state = LEADING;
                notifyAll();
            }
        }

        synchronized void finish(Throwable outcome) {
            failure = outcome;
            state = DONE;
            notifyAll();
        }

        /** Returns when the commit was written; throws what refused it or made it fail. */
        synchronized void outcome() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        }
    }
}
