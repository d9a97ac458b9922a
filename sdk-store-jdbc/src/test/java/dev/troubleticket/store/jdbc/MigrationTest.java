package dev.troubleticket.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.subscription.store.Commit;
import dev.troubleticket.core.subscription.store.Lease;
import dev.troubleticket.core.subscription.store.SubscriptionStoreException;
import dev.troubleticket.store.jdbc.testing.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The schema: created by migrate() once whatever the number of instances, kept apart by prefix, and checked at first use. */
class MigrationTest {
    private final DataSource dataSource = EmbeddedDatabase.shared().dataSource();

    private JdbcSubscriptionStore store(String prefix) {
        return JdbcSubscriptionStore.builder(dataSource).tablePrefix(prefix).build();
    }

    @Test
    void migratingTwiceAppliesTheSchemaOnce() {
        JdbcSubscriptionStore store = store(EmbeddedDatabase.uniquePrefix());
        assertThat(store.schemaVersion()).isZero();

        assertThat(store.migrate()).containsExactly(1, 2);
        assertThat(store.migrate()).isEmpty();

        assertThat(store.schemaVersion()).isEqualTo(JdbcSubscriptionStore.SCHEMA_VERSION);
        assertThat(store.positions("s")).isEmpty();
    }

    @Test
    void twoInstancesMigratingAtOnceApplyTheSchemaOnce() throws Exception {
        String prefix = EmbeddedDatabase.uniquePrefix();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Integer>>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    JdbcSubscriptionStore instance = store(prefix);
                    start.await();
                    return instance.migrate();
                }));
            }
            List<Integer> applied = new ArrayList<>();
            for (Future<List<Integer>> run : runs) {
                applied.addAll(run.get());
            }
            assertThat(applied).as("versions applied by both instances together").containsExactlyInAnyOrder(1, 2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store(prefix).schemaVersion()).isEqualTo(JdbcSubscriptionStore.SCHEMA_VERSION);
    }

    @Test
    void tablesOfAnOlderVersionAreRefusedUntilMigratedAndKeepTheirRowsThrough() throws SQLException {
        String prefix = EmbeddedDatabase.uniquePrefix();
        // What an SDK of schema version 1 made (and used).
        execute(Migrations.read(Migrations.FILES.get(0)).replace("${prefix}", prefix));
        execute("INSERT INTO " + prefix + "position (subscription, stream, stream_position) VALUES ('s', 'feed', 'c-41')");
        JdbcSubscriptionStore store = store(prefix);

        assertThatThrownBy(() -> store.positions("s")).isInstanceOf(SubscriptionStoreException.class)
                .hasMessageContaining("version 1").hasMessageContaining("needs version 2").hasMessageContaining("migrate()");
        assertThat(store.migrate()).containsExactly(2);
        assertThat(store.positions("s")).containsEntry("feed", "c-41");
    }

    @Test
    void storesWithDifferentPrefixesKeepToTheirOwnTables() throws SQLException {
        String a = EmbeddedDatabase.uniquePrefix();
        String b = EmbeddedDatabase.uniquePrefix();
        JdbcSubscriptionStore first = store(a);
        JdbcSubscriptionStore second = store(b);
        first.migrate();
        second.migrate();

        Lease lease = first.acquireLease("s", "i1", Duration.ofSeconds(30)).orElseThrow();
        first.commit(lease, Commit.handled("s", "k1").withPosition("tickets", "t1"));

        assertThat(second.positions("s")).isEmpty();
        assertThat(second.seen("s", "k1")).isFalse();
        assertThat(second.acquireLease("s", "i2", Duration.ofSeconds(30))).as("the other prefix's lease").isPresent();
        assertThat(tablesStartingWith(a)).contains(a + "lease", a + "position", a + "seen", a + "followed", a + "hub",
                a + "inbox", a + "dead_letter", a + "schema_version");
    }

    @Test
    void sqlFilesHoldOnlyThePrefixPlaceholderAndNothingNewerThanPostgres13() {
        Pattern placeholder = Pattern.compile("\\$\\{([^}]*)}");
        for (String file : Migrations.FILES) {
            String sql = Migrations.read(file);
            Matcher m = placeholder.matcher(sql);
            int placeholders = 0;
            while (m.find()) {
                assertThat(m.group(1)).as("placeholder in %s", file).isEqualTo("prefix");
                placeholders++;
            }
            assertThat(placeholders).as("placeholders in %s", file).isPositive();
            String code = sql.replaceAll("--[^\n]*", "").toUpperCase(Locale.ROOT);
            assertThat(code).as(file).doesNotContain("MERGE").doesNotContain("NULLS NOT DISTINCT").doesNotContain("JSON_TABLE")
                    .doesNotContain("JSON_OBJECT").doesNotContain("MULTIRANGE");
            assertThat(file).matches("V[0-9]+__[a-z_]+\\.sql");
        }
    }

    @Test
    void tablesOfANewerSchemaVersionAreRefusedNamingBothVersions() throws SQLException {
        String prefix = EmbeddedDatabase.uniquePrefix();
        store(prefix).migrate();
        execute("INSERT INTO " + prefix + "schema_version (version, description) VALUES (3, 'from a later SDK')");

        JdbcSubscriptionStore store = store(prefix);

        assertThatThrownBy(() -> store.positions("s")).isInstanceOf(SubscriptionStoreException.class)
                .hasMessageContaining("version 3").hasMessageContaining("version 2").hasMessageContaining(prefix);
        assertThatThrownBy(store::migrate).as("migrate does not touch a newer schema")
                .isInstanceOf(SubscriptionStoreException.class).hasMessageContaining("version 3");
    }

    @Test
    void missingTablesAreReportedWithTheWayToCreateThem() {
        JdbcSubscriptionStore store = store(EmbeddedDatabase.uniquePrefix());

        assertThatThrownBy(() -> store.acquireLease("s", "i1", Duration.ofSeconds(30)))
                .isInstanceOf(SubscriptionStoreException.class)
                .hasMessageContaining("migrate()").hasMessageContaining("Flyway").hasMessageContaining("prefix");
    }

    @Test
    void prefixThatIsNotAnIdentifierIsRefused() {
        for (String bad : List.of("", "tt;drop table x;", "Upper_", "1tt_", "tt-", "a".repeat(41))) {
            assertThatThrownBy(() -> JdbcSubscriptionStore.builder(dataSource).tablePrefix(bad))
                    .as("'%s'", bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table prefix");
        }
    }

    private List<String> tablesStartingWith(String prefix) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_name LIKE '"
                        + prefix + "%'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
