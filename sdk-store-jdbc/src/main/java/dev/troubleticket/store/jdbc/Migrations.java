package dev.troubleticket.store.jdbc;

import dev.troubleticket.core.subscription.store.SubscriptionStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema's versioned SQL files (Flyway's naming, inside the jar under {@value #LOCATION}), the version a
 * database holds, and applying the files it lacks. Each file inserts its own row into {@code schema_version}, so
 * that a schema built by Flyway or Liquibase from the same files reads the same.
 */
final class Migrations {
    /** Where the SQL files are, in the jar. */
    static final String LOCATION = "dev/troubleticket/store/jdbc/migration/";
    /** The files, oldest first; the last one's version is what this SDK version reads and writes. */
    static final List<String> FILES = List.of("V1__subscription_store.sql", "V2__dead_letter_replay_requests.sql");
    /** The schema version this SDK version works with. */
    static final int LATEST = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private final TablePrefix prefix;

    Migrations(TablePrefix prefix) {
        this.prefix = prefix;
    }

    /** The newest version applied to the tables of this prefix, 0 when there are none. */
    int version(Connection c) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement("SELECT to_regclass(?)")) {
            exists.setString(1, prefix.value() + "schema_version");
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                if (rs.getString(1) == null) {
                    return 0;
                }
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM " + prefix.value() + "schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Refuses tables that this SDK version cannot use, saying what to do. */
    void check(int version, String store) {
        if (version == 0) {
            throw new SubscriptionStoreException(store + ": the store's tables (prefix '" + prefix + "') do not exist in "
                    + "this database and schema: call migrate() once, or run the SQL files of sdk-store-jdbc ("
                    + LOCATION + ") with Flyway or Liquibase, placeholder 'prefix' = '" + prefix + "'");
        }
        if (version > LATEST) {
            throw new SubscriptionStoreException(store + ": the store's tables (prefix '" + prefix + "') are at schema "
                    + "version " + version + ", newer than version " + LATEST + " that this SDK version knows: use the SDK "
                    + "version that created them or a later one");
        }
        if (version < LATEST) {
            throw new SubscriptionStoreException(store + ": the store's tables (prefix '" + prefix + "') are at schema "
                    + "version " + version + ", this SDK version needs version " + LATEST + ": call migrate(), or run the "
                    + "newer SQL files with Flyway or Liquibase");
        }
    }

    /**
     * Applies the files not yet applied, in one transaction under an advisory lock, so that instances migrating at
     * once apply each file once.
     *
     * @return the versions applied (empty when the schema was current)
     */
    List<Integer> migrate(Connection c) throws SQLException {
        List<Integer> applied = new ArrayList<>();
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, AdvisoryLocks.key("migrate", prefix.value()));
            lock.execute();
        }
        int current = version(c);
        if (current > LATEST) {
            check(current, "JDBC subscription store");
        }
        for (String file : FILES) {
            int version = versionOf(file);
            if (version <= current) {
                continue;
            }
            try (Statement s = c.createStatement()) {
                s.execute(prefix.substitute(read(file)));
            }
            applied.add(version);
            LOG.info("subscription store schema: applied {} with table prefix '{}'", file, prefix);
        }
        return applied;
    }

    static int versionOf(String file) {
        return Integer.parseInt(file.substring(1, file.indexOf("__")));
    }

    /** A SQL file's text, placeholders not substituted. */
    static String read(String file) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(LOCATION + file)) {
            if (in == null) {
                throw new IllegalStateException("the SQL file " + LOCATION + file + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOCATION + file, e);
        }
    }
}
