package dev.troubleticket.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.subscription.store.Commit;
import dev.troubleticket.core.subscription.store.Lease;
import dev.troubleticket.core.subscription.store.SubscriptionStoreException;
import dev.troubleticket.store.jdbc.testing.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** A database that cannot be reached, or goes away in the middle of a commit: a clear error, and nothing half applied. */
class FaultTest {
    private static final String SUB = "back-office";
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final String PASSWORD = "s3cr3t-Passw0rd";

    @Test
    void unreachableDatabaseGivesAStoreErrorSayingWhatToCheckWithoutThePassword() {
        JdbcSubscriptionStore store = JdbcSubscriptionStore.connect("jdbc:postgresql://127.0.0.1:1/backoffice", "bo", PASSWORD);

        assertThatThrownBy(() -> store.positions(SUB)).isInstanceOf(SubscriptionStoreException.class)
                .hasMessageContaining("SQLState 08").hasMessageContaining("JDBC URL").hasMessageContaining("server runs")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
    }

    @Test
    void toStringShowsNeitherThePasswordNorTheUrl() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl("jdbc:postgresql://db.example:5432/backoffice?password=" + PASSWORD);
        ds.setPassword(PASSWORD);
        JdbcSubscriptionStore store = JdbcSubscriptionStore.builder(ds).tablePrefix("bo_").build();
        JdbcSubscriptionStore connected = JdbcSubscriptionStore.connect("jdbc:postgresql://db.example/backoffice", "bo", PASSWORD);

        assertThat(store.toString()).contains("bo_").contains(PGSimpleDataSource.class.getName()).doesNotContain(PASSWORD)
                .doesNotContain("db.example");
        assertThat(connected.toString()).doesNotContain(PASSWORD).doesNotContain("db.example");
        assertThat(JdbcSubscriptionStore.builder(ds).toString()).doesNotContain(PASSWORD);
    }

    @Test
    void connectionEndedInTheMiddleOfACommitAppliesNothingAndTheStoreWorksAfterwards() throws Exception {
        DataSource dataSource = EmbeddedDatabase.shared().dataSource();
        String prefix = EmbeddedDatabase.uniquePrefix();
        JdbcSubscriptionStore store = JdbcSubscriptionStore.builder(dataSource).tablePrefix(prefix).build();
        store.migrate();
        UserTable log = new UserTable(dataSource, prefix);
        Lease lease = store.acquireLease(SUB, "instance-a", TTL).orElseThrow();

        assertThatThrownBy(() -> store.commit(lease, Commit.handled(SUB, "e1").withPosition("tickets", "p1"), tx -> {
            Connection c = tx.unwrap(Connection.class);
            log.insert(c, "e1");
            terminate(dataSource, backendPid(c)); // the server ends the store's session, as a restart or a DBA would
        })).isInstanceOf(SubscriptionStoreException.class).hasMessageContaining("SQLState");

        assertThat(log.contains("e1")).isFalse();
        assertThat(store.seen(SUB, "e1")).isFalse();
        assertThat(store.positions(SUB)).isEmpty();
        store.commit(lease, Commit.handled(SUB, "e1").withPosition("tickets", "p1"), tx -> log.insert(tx.unwrap(Connection.class), "e1"));
        assertThat(log.contains("e1")).isTrue();
        assertThat(store.positions(SUB)).containsExactlyEntriesOf(Map.of("tickets", "p1"));
    }

    @Test
    void serverStoppedGivesAStoreErrorAndProductionDurabilityIsOn() throws Exception {
        EmbeddedDatabase own = EmbeddedDatabase.start(EmbeddedDatabase.Durability.PRODUCTION);
        JdbcSubscriptionStore store;
        try {
            try (Connection c = own.dataSource().getConnection(); Statement s = c.createStatement()) {
                for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                    try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
                        rs.next();
                        assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                    }
                }
            }
            store = JdbcSubscriptionStore.connect(own.jdbcUrl(), own.user(), own.password());
            store.migrate();
            store.commit(store.acquireLease(SUB, "instance-a", TTL).orElseThrow(), Commit.position(SUB, "tickets", "p1"));
        } finally {
            own.close();
        }

        assertThatThrownBy(() -> store.positions(SUB)).isInstanceOf(SubscriptionStoreException.class)
                .hasMessageContaining("SQLState 08").hasMessageContaining("read the positions");
    }

    private static int backendPid(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void terminate(DataSource dataSource, int pid) throws Exception {
        try (Connection admin = dataSource.getConnection();
                PreparedStatement s = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
            s.setInt(1, pid);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("terminated").isTrue();
            }
        }
    }
}
