package dev.troubleticket.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.contract.MutableClock;
import dev.troubleticket.core.subscription.store.Commit;
import dev.troubleticket.core.subscription.store.Lease;
import dev.troubleticket.core.subscription.store.LeaseLostException;
import dev.troubleticket.store.jdbc.testing.EmbeddedDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two store objects on one database are two instances of a fleet: a holder paused past its lease's time to live
 * loses it to the other, and nothing it writes afterwards (its handler's writes included) is kept.
 */
class FencingTest {
    private static final String SUB = "back-office";
    private static final Duration TTL = Duration.ofSeconds(30);

    private final DataSource dataSource = EmbeddedDatabase.shared().dataSource();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private JdbcSubscriptionStore instanceA;
    private JdbcSubscriptionStore instanceB;
    private UserTable log;
    private String prefix;

    @BeforeEach
    void twoInstances() throws Exception {
        prefix = EmbeddedDatabase.uniquePrefix();
        instanceA = JdbcSubscriptionStore.builder(dataSource).tablePrefix(prefix).clock(clock).build();
        instanceB = JdbcSubscriptionStore.builder(dataSource).tablePrefix(prefix).clock(clock).build();
        instanceA.migrate();
        log = new UserTable(dataSource, prefix);
    }

    @Test
    void holderPausedPastItsLeaseIsRefusedAndItsHandlersWritesRollBack() throws Exception {
        Lease old = instanceA.acquireLease(SUB, "instance-a", TTL).orElseThrow();
        instanceA.commit(old, Commit.handled(SUB, "e1").withPosition("tickets", "p1"));

        clock.advance(TTL.plusSeconds(1)); // instance A was paused for longer than its lease
        Lease taken = instanceB.acquireLease(SUB, "instance-b", TTL).orElseThrow();
        assertThat(taken.token()).isGreaterThan(old.token());
        instanceB.commit(taken, Commit.handled(SUB, "e2").withPosition("tickets", "p2"));

        assertThatThrownBy(() -> instanceA.commit(old, Commit.handled(SUB, "e3").withPosition("tickets", "p3")))
                .isInstanceOf(LeaseLostException.class).hasMessageContaining(String.valueOf(taken.token()));
        assertThatThrownBy(() -> instanceA.commit(old, Commit.handled(SUB, "e4").withPosition("tickets", "p4"),
                tx -> log.insert(tx.unwrap(Connection.class), "e4"))).isInstanceOf(LeaseLostException.class);

        assertThat(log.contains("e4")).as("the old holder's handler's write").isFalse();
        assertThat(instanceB.seen(SUB, "e3")).isFalse();
        assertThat(instanceB.seen(SUB, "e4")).isFalse();
        assertThat(instanceB.positions(SUB)).containsExactlyEntriesOf(Map.of("tickets", "p2"));
        assertThat(instanceA.renewLease(old)).isEmpty();
    }

    @Test
    void leaseTakenWhileATransactionalCommitIsInFlightLetsOnlyTheNewHolderCommit() throws Exception {
        Lease old = instanceA.acquireLease(SUB, "instance-a", TTL).orElseThrow();
        CountDownLatch workDone = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        CompletableFuture<Void> inFlight = CompletableFuture.runAsync(() -> {
            try {
                instanceA.commit(old, Commit.handled(SUB, "e1").withPosition("tickets", "from-a"), tx -> {
                    log.insert(tx.unwrap(Connection.class), "e1-by-a");
                    workDone.countDown();
                    assertThat(goOn.await(10, TimeUnit.SECONDS)).isTrue();
                });
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        assertThat(workDone.await(10, TimeUnit.SECONDS)).isTrue();

        clock.advance(TTL.plusSeconds(1));
        Lease taken = instanceB.acquireLease(SUB, "instance-b", TTL).orElseThrow();
        instanceB.commit(taken, Commit.handled(SUB, "e1").withPosition("tickets", "from-b"),
                tx -> log.insert(tx.unwrap(Connection.class), "e1-by-b"));
        goOn.countDown();

        assertThatThrownBy(inFlight::get).isInstanceOf(ExecutionException.class).hasRootCauseInstanceOf(LeaseLostException.class);
        assertThat(log.contains("e1-by-a")).isFalse();
        assertThat(log.contains("e1-by-b")).isTrue();
        assertThat(instanceA.positions(SUB)).containsExactlyEntriesOf(Map.of("tickets", "from-b"));
    }

    @Test
    void grantWaitsForACommitHoldingTheLeaseRowSoThatTheCommitBeforeItIsKept() throws Exception {
        Lease old = instanceA.acquireLease(SUB, "instance-a", TTL).orElseThrow();
        clock.advance(TTL.plusSeconds(1));
        CountDownLatch fenced = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        // The commit's own writes run after its fence: a handler cannot pause there, so the fence is taken by hand on
        // the work's connection, as the commit would, and held while instance B asks for the lease.
        CompletableFuture<Void> inFlight = CompletableFuture.runAsync(() -> {
            try {
                instanceA.commit(old, Commit.handled(SUB, "e1").withPosition("tickets", "from-a"), tx -> {
                    Connection c = tx.unwrap(Connection.class);
                    try (var s = c.prepareStatement("SELECT token FROM " + prefix + "lease WHERE subscription = ? FOR SHARE")) {
                        s.setString(1, SUB);
                        s.executeQuery().close();
                    }
                    fenced.countDown();
                    assertThat(goOn.await(10, TimeUnit.SECONDS)).isTrue();
                });
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        assertThat(fenced.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Lease> grant = CompletableFuture.supplyAsync(() -> instanceB.acquireLease(SUB, "instance-b", TTL).orElseThrow());
        awaitALockWaitOn(prefix + "lease");
        assertThat(grant).as("the grant waits for the commit holding the lease row").isNotDone();
        goOn.countDown();

        inFlight.get(10, TimeUnit.SECONDS);
        Lease taken = grant.get(10, TimeUnit.SECONDS);
        assertThat(taken.token()).isGreaterThan(old.token());
        assertThat(instanceB.positions(SUB)).containsExactlyEntriesOf(Map.of("tickets", "from-a"));
        assertThatThrownBy(() -> instanceA.commit(old, Commit.position(SUB, "tickets", "late"))).isInstanceOf(LeaseLostException.class);
    }

    /** Waits until a session waits for a row lock in a statement on {@code table} (the server says so). */
    private void awaitALockWaitOn(String table) throws Exception {
        for (int i = 0; i < 500; i++) {
            try (Connection c = dataSource.getConnection();
                    var s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ?")) {
                s.setString(1, "%" + table + "%");
                try (var rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no session waited for a lock on " + table);
    }
}
