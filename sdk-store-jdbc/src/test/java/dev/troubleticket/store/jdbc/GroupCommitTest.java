package dev.troubleticket.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.contract.MutableClock;
import dev.troubleticket.core.subscription.store.Commit;
import dev.troubleticket.core.subscription.store.Lease;
import dev.troubleticket.core.subscription.store.LeaseLostException;
import dev.troubleticket.core.subscription.store.SubscriptionStoreException;
import dev.troubleticket.store.jdbc.testing.EmbeddedDatabase;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commits made at once by several threads are written in one transaction: all of them applied, a stale lease's commit
 * refused alone, a failing one failing alone. The first commit's connection is held back until the others are queued
 * behind it, so that they make one batch whatever the threads' timing.
 */
class GroupCommitTest {
    private static final String SUB = "back-office";
    private static final String OTHER = "field-ops";
    private static final Duration TTL = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final GatedDataSource dataSource = new GatedDataSource(EmbeddedDatabase.shared().dataSource());
    private final List<Thread> committers = new ArrayList<>();
    private String prefix;
    private JdbcSubscriptionStore store;

    @BeforeEach
    void freshTables() {
        prefix = EmbeddedDatabase.uniquePrefix();
        store = JdbcSubscriptionStore.builder(dataSource).tablePrefix(prefix).clock(clock).build();
        store.migrate();
    }

    @AfterEach
    void openGate() {
        dataSource.open();
    }

    @Test
    void commitsMadeAtOnceAreWrittenInOneTransactionAndAllApplied() throws Exception {
        Lease lease = store.acquireLease(SUB, "instance-a", TTL).orElseThrow();
        Lease other = store.acquireLease(OTHER, "instance-a", TTL).orElseThrow();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        calls.add(commitHeldAtTheGate(lease, Commit.handled(SUB, "e0").withPosition("tickets", "p0")));
        for (int i = 1; i <= 6; i++) {
            calls.add(commitQueued(lease, Commit.handled(SUB, "e" + i).withPosition("stream-" + i, "p" + i)));
        }
        calls.add(commitQueued(other, Commit.handled(OTHER, "o1").withPosition("feed", "f1")));
        int connectionsBefore = dataSource.opened();

        dataSource.open();
        for (CompletableFuture<Void> call : calls) {
            call.get(10, TimeUnit.SECONDS);
        }

        // The first commit alone, then the seven queued behind it in one transaction.
        assertThat(dataSource.opened() - connectionsBefore).isEqualTo(2);
        for (int i = 0; i <= 6; i++) {
            assertThat(store.seen(SUB, "e" + i)).as("e" + i).isTrue();
        }
        assertThat(store.positions(SUB)).containsEntry("tickets", "p0").containsEntry("stream-1", "p1")
                .containsEntry("stream-6", "p6").hasSize(7);
        assertThat(store.seen(OTHER, "o1")).isTrue();
        assertThat(store.positions(OTHER)).containsExactlyEntriesOf(Map.of("feed", "f1"));
    }

    @Test
    void aStaleLeasesCommitInABatchIsRefusedAloneAndTheOthersAreApplied() throws Exception {
        Lease old = store.acquireLease(SUB, "instance-a", TTL).orElseThrow();
        clock.advance(TTL.plusSeconds(1)); // instance A was paused past its lease
        JdbcSubscriptionStore instanceB = JdbcSubscriptionStore.builder(dataSource).tablePrefix(prefix).clock(clock).build();
        Lease taken = instanceB.acquireLease(SUB, "instance-b", TTL).orElseThrow();
        Lease other = store.acquireLease(OTHER, "instance-a", TTL).orElseThrow();

        CompletableFuture<Void> first = commitHeldAtTheGate(other, Commit.handled(OTHER, "o1"));
        CompletableFuture<Void> stale = commitQueued(old, Commit.handled(SUB, "stale").withPosition("tickets", "from-a"));
        CompletableFuture<Void> fresh = commitQueued(taken, Commit.handled(SUB, "fresh").withPosition("feed", "from-b"));
        // After the new holder's commit passed the fence in this transaction, the old holder is still refused.
        CompletableFuture<Void> staleAgain = commitQueued(old, Commit.handled(SUB, "stale-again").withPosition("feed", "from-a"));
        CompletableFuture<Void> unleased = commitQueued(null, Commit.handled(SUB, "notification").withInboxDone("notification"));
        CompletableFuture<Void> otherSubscription = commitQueued(other, Commit.handled(OTHER, "o2").withPosition("feed", "f2"));
        int connectionsBefore = dataSource.opened();

        dataSource.open();
        first.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> stale.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(LeaseLostException.class).hasMessageContaining(String.valueOf(taken.token()));
        fresh.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> staleAgain.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(LeaseLostException.class);
        unleased.get(10, TimeUnit.SECONDS);
        otherSubscription.get(10, TimeUnit.SECONDS);

        // Refused inside the batch's transaction: no commit was written again on its own.
        assertThat(dataSource.opened() - connectionsBefore).isEqualTo(2);
        assertThat(store.seen(SUB, "stale")).isFalse();
        assertThat(store.seen(SUB, "stale-again")).isFalse();
        assertThat(store.seen(SUB, "fresh")).isTrue();
        assertThat(store.seen(SUB, "notification")).isTrue();
        assertThat(store.positions(SUB)).containsExactlyEntriesOf(Map.of("feed", "from-b"));
        assertThat(store.seen(OTHER, "o2")).isTrue();
        assertThat(store.positions(OTHER)).containsExactlyEntriesOf(Map.of("feed", "f2"));
    }

    @Test
    void aCommitWhoseWriteFailsFailsAloneAndTheOthersOfItsBatchAreApplied() throws Exception {
        Lease lease = store.acquireLease(SUB, "instance-a", TTL).orElseThrow();
        CompletableFuture<Void> first = commitHeldAtTheGate(lease, Commit.handled(SUB, "e0"));
        CompletableFuture<Void> before = commitQueued(lease, Commit.handled(SUB, "e1").withPosition("tickets", "p1"));
        // PostgreSQL's text cannot hold a NUL character: this commit's position write fails, and with it the batch's
        // transaction.
        CompletableFuture<Void> bad = commitQueued(lease, Commit.handled(SUB, "bad").withPosition("feed", "broken\u0000"));
        CompletableFuture<Void> after = commitQueued(lease, Commit.handled(SUB, "e2").withPosition("orders", "p2"));
        int connectionsBefore = dataSource.opened();

        dataSource.open();
        first.get(10, TimeUnit.SECONDS);
        before.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SubscriptionStoreException.class).isNotInstanceOf(LeaseLostException.class)
                .hasMessageContaining("commit for 'back-office'");
        after.get(10, TimeUnit.SECONDS);

        // The first alone, the batch of three (rolled back), then each of the three again on its own.
        assertThat(dataSource.opened() - connectionsBefore).isEqualTo(5);
        assertThat(store.seen(SUB, "e0")).isTrue();
        assertThat(store.seen(SUB, "e1")).isTrue();
        assertThat(store.seen(SUB, "e2")).isTrue();
        assertThat(store.seen(SUB, "bad")).isFalse();
        assertThat(store.positions(SUB)).containsExactlyInAnyOrderEntriesOf(Map.of("tickets", "p1", "orders", "p2"));
    }

    @Test
    void aBatchThatFindsNoConnectionFailsAllItsCallersAtOnceWithoutWritingEachAgain() throws Exception {
        Lease lease = store.acquireLease(SUB, "instance-a", TTL).orElseThrow();
        CompletableFuture<Void> first = commitHeldAtTheGate(lease, Commit.handled(SUB, "e0"));
        List<CompletableFuture<Void>> batch = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            batch.add(commitQueued(lease, Commit.handled(SUB, "e" + i)));
        }
        dataSource.refuseAfter(1); // the first commit gets its connection, the batch none
        int asked = dataSource.asked();

        dataSource.open();
        first.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<Void> call : batch) {
            assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(SubscriptionStoreException.class)
                    .hasMessageContaining("no connection to the database");
        }

        assertThat(dataSource.asked() - asked).as("connections asked for: the first commit's and the batch's").isEqualTo(2);
        dataSource.acceptAll();
        assertThat(store.seen(SUB, "e0")).isTrue();
        assertThat(store.seen(SUB, "e1")).isFalse();
    }

    @Test
    void withGroupCommitOffEachCommitIsATransactionOfItsOwn() throws Exception {
        JdbcSubscriptionStore alone = JdbcSubscriptionStore.builder(dataSource).tablePrefix(prefix).clock(clock)
                .groupCommit(false).build();
        Lease lease = alone.acquireLease(SUB, "instance-a", TTL).orElseThrow();
        store = alone;
        CompletableFuture<Void> first = commitHeldAtTheGate(lease, Commit.handled(SUB, "e0"));
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            others.add(commitWaitingForAConnection(lease, Commit.handled(SUB, "e" + i), i + 1));
        }
        int connectionsBefore = dataSource.opened();

        dataSource.open();
        first.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<Void> call : others) {
            call.get(10, TimeUnit.SECONDS);
        }

        assertThat(dataSource.opened() - connectionsBefore).isEqualTo(4);
        for (int i = 0; i <= 3; i++) {
            assertThat(alone.seen(SUB, "e" + i)).isTrue();
        }
    }

    // ------------------------------------------------------------------ set-up

    /** Starts a commit whose connection is held at the closed gate (the batch being written while others queue). */
    private CompletableFuture<Void> commitHeldAtTheGate(Lease lease, Commit commit) throws InterruptedException {
        dataSource.close();
        CompletableFuture<Void> call = start(lease, commit);
        assertThat(dataSource.awaitWaiting(1)).as("the first commit reached the gate").isTrue();
        return call;
    }

    /** Starts a commit and waits until it is queued behind the one at the gate. */
    private CompletableFuture<Void> commitQueued(Lease lease, Commit commit) throws InterruptedException {
        CompletableFuture<Void> call = start(lease, commit);
        Thread thread = committers.get(committers.size() - 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // Queued: it waits for its turn, not at the gate (where only the writing caller waits).
        while (thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(thread.getState()).as("the commit is queued").isEqualTo(Thread.State.WAITING);
        assertThat(dataSource.waiting()).as("only the writing caller is at the gate").isEqualTo(1);
        return call;
    }

    /** Without group commit: starts a commit and waits until it too waits at the gate for its own connection. */
    private CompletableFuture<Void> commitWaitingForAConnection(Lease lease, Commit commit, int atGate) throws InterruptedException {
        CompletableFuture<Void> call = start(lease, commit);
        assertThat(dataSource.awaitWaiting(atGate)).isTrue();
        return call;
    }

    private CompletableFuture<Void> start(Lease lease, Commit commit) {
        CompletableFuture<Void> call = new CompletableFuture<>();
        JdbcSubscriptionStore target = store;
        Thread thread = new Thread(() -> {
            try {
                target.commit(lease, commit);
                call.complete(null);
            } catch (Throwable e) {
                call.completeExceptionally(e);
            }
        }, "committer-" + committers.size());
        thread.setDaemon(true);
        committers.add(thread);
        thread.start();
        return call;
    }

    /** A data source that counts the connections it hands out and, while closed, holds each caller back. */
    private static final class GatedDataSource implements DataSource {
        private final DataSource delegate;
        private final AtomicInteger opened = new AtomicInteger();
        private final AtomicInteger waiting = new AtomicInteger();
        private final AtomicInteger asked = new AtomicInteger();
        private volatile int refuseAfter = Integer.MAX_VALUE;
        private volatile CountDownLatch gate = new CountDownLatch(0);

        GatedDataSource(DataSource delegate) {
            this.delegate = delegate;
        }

        void close() {
            gate = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        int opened() {
            return opened.get();
        }

        /** From the {@code connections}-th next connection asked for on, refuses as an unreachable server does. */
        void refuseAfter(int connections) {
            refuseAfter = asked.get() + connections;
        }

        void acceptAll() {
            refuseAfter = Integer.MAX_VALUE;
        }

        int asked() {
            return asked.get();
        }

        int waiting() {
            return waiting.get();
        }

        boolean awaitWaiting(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (waiting.get() < count && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            return waiting.get() >= count;
        }

        @Override
        public Connection getConnection() throws SQLException {
            CountDownLatch current = gate;
            if (current.getCount() > 0) {
                waiting.incrementAndGet();
                try {
                    if (!current.await(10, TimeUnit.SECONDS)) {
                        throw new SQLException("the test's gate stayed closed");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted at the test's gate");
                } finally {
                    waiting.decrementAndGet();
                }
            }
            if (asked.incrementAndGet() > refuseAfter) {
                throw new SQLException("Connection to localhost refused", "08001");
            }
            opened.incrementAndGet();
            return delegate.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return delegate.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return delegate.isWrapperFor(iface);
        }
    }
}
