package dev.troubleticket.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.store.Commit;
import dev.troubleticket.core.subscription.store.Lease;
import dev.troubleticket.core.subscription.store.StoreTransaction;
import dev.troubleticket.core.subscription.store.SubscriptionStoreException;
import dev.troubleticket.store.jdbc.testing.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A handler's own writes, on the store's connection, commit with the event's record or not at all. */
class TransactionalCommitTest {
    private static final String SUB = "back-office";
    private static final Duration TTL = Duration.ofSeconds(30);

    private final DataSource dataSource = EmbeddedDatabase.shared().dataSource();
    private String prefix;
    private JdbcSubscriptionStore store;
    private UserTable log;
    private Lease lease;

    @BeforeEach
    void open() throws SQLException {
        prefix = EmbeddedDatabase.uniquePrefix();
        store = JdbcSubscriptionStore.builder(dataSource).tablePrefix(prefix).build();
        store.migrate();
        log = new UserTable(dataSource, prefix);
        lease = store.acquireLease(SUB, "instance-a", TTL).orElseThrow();
    }

    @Test
    void handlersWritesCommitWithTheEventsRecord() throws Exception {
        assertThat(store.transactional()).isTrue();

        store.commit(lease, Commit.handled(SUB, "e1").withPosition("tickets", "p1"), tx -> log.insert(tx.unwrap(Connection.class), "e1"));

        assertThat(log.contains("e1")).isTrue();
        assertThat(store.seen(SUB, "e1")).isTrue();
        assertThat(store.positions(SUB)).containsExactlyEntriesOf(Map.of("tickets", "p1"));
    }

    @Test
    void jdbcHandlerIsGivenTheStoresConnection() throws Exception {
        JdbcTicketEventHandler handler = (event, connection) -> log.insert(connection, event.id());
        TicketEvent event = new TicketEvent("kosc", "e7", "TT-1", TicketEvent.Kind.COMMENT, null, null, "hello", null, null, null, null);

        store.commit(lease, Commit.handled(SUB, "e7"), tx -> handler.handle(event, tx));

        assertThat(log.contains("e7")).isTrue();
    }

    @Test
    void exceptionInTheWorkRollsBackTheWorkAndTheCommit() throws Exception {
        IllegalStateException failure = new IllegalStateException("back office refused it");

        assertThatThrownBy(() -> store.commit(lease, Commit.handled(SUB, "e1").withPosition("tickets", "p1"), tx -> {
            log.insert(tx.unwrap(Connection.class), "e1");
            throw failure;
        })).isSameAs(failure);

        assertThat(log.contains("e1")).isFalse();
        assertThat(store.seen(SUB, "e1")).isFalse();
        assertThat(store.positions(SUB)).isEmpty();
        store.commit(lease, Commit.handled(SUB, "e1"), tx -> log.insert(tx.unwrap(Connection.class), "e1"));
        assertThat(log.contains("e1")).as("tried again").isTrue();
    }

    @Test
    void failedStatementOfTheHandlerRollsEverythingBackEvenWhenTheHandlerSwallowsIt() throws Exception {
        store.commit(lease, Commit.handled(SUB, "e0"), tx -> log.insert(tx.unwrap(Connection.class), "dup"));

        assertThatThrownBy(() -> store.commit(lease, Commit.handled(SUB, "e1").withPosition("tickets", "p1"), tx -> {
            Connection c = tx.unwrap(Connection.class);
            log.insert(c, "e1");
            try {
                log.insert(c, "dup");
            } catch (SQLException swallowed) {
                // a careless handler: the transaction is aborted all the same
            }
        })).isInstanceOf(SubscriptionStoreException.class).hasMessageContaining("SQLState 25P02");

        assertThat(log.contains("e1")).isFalse();
        assertThat(store.seen(SUB, "e1")).isFalse();
    }

    @Test
    void unwrapToAnotherTypeIsRefusedNamingConnection() {
        assertThatThrownBy(() -> store.commit(lease, Commit.handled(SUB, "e1"), tx -> tx.unwrap(String.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.sql.Connection")
                .hasMessageContaining("java.lang.String");
        assertThat(store.seen(SUB, "e1")).isFalse();
    }

    @Test
    void handlerCannotCommitRollBackOrCloseTheStoresConnection() throws Exception {
        for (String call : new String[] {"commit", "rollback", "close", "autoCommit"}) {
            assertThatThrownBy(() -> store.commit(lease, Commit.handled(SUB, call), tx -> {
                Connection c = tx.unwrap(Connection.class);
                log.insert(c, call);
                switch (call) {
                    case "commit" -> c.commit();
                    case "rollback" -> c.rollback();
                    case "close" -> c.close();
                    default -> c.setAutoCommit(true);
                }
            })).as(call).isInstanceOf(SQLException.class).hasMessageContaining("subscription store");
            assertThat(log.contains(call)).as(call).isFalse();
        }
    }

    @Test
    void connectionIsUnusableAfterTheHandlerReturned() throws Exception {
        AtomicReference<StoreTransaction> kept = new AtomicReference<>();
        store.commit(lease, Commit.handled(SUB, "e1"), kept::set);

        assertThatThrownBy(() -> log.insert(kept.get().unwrap(Connection.class), "late")).isInstanceOf(SQLException.class)
                .hasMessageContaining("over");
        assertThat(log.contains("late")).isFalse();
    }

    @Test
    void transactionLeftIdlePastTheTimeoutIsEndedByTheServerAndNothingIsApplied() throws Exception {
        JdbcSubscriptionStore impatient = JdbcSubscriptionStore.builder(dataSource).tablePrefix(prefix)
                .idleInTransactionTimeout(Duration.ofMillis(200)).build();

        assertThatThrownBy(() -> impatient.commit(lease, Commit.handled(SUB, "e1").withPosition("tickets", "p1"), tx -> {
            log.insert(tx.unwrap(Connection.class), "e1");
            Thread.sleep(1_500); // a handler stuck outside SQL (or an instance paused) holding the transaction
        })).isInstanceOf(SubscriptionStoreException.class).hasMessageContaining("SQLState");

        assertThat(log.contains("e1")).isFalse();
        assertThat(store.seen(SUB, "e1")).isFalse();
        assertThat(store.positions(SUB)).isEmpty();
    }
}
