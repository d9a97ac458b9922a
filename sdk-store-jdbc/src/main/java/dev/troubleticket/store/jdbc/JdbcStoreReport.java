package dev.troubleticket.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What a {@link JdbcSubscriptionStore}'s tables hold, read for an operator (a status page, {@code ticketctl store
 * status}): the schema version and, per subscription found, the lease, positions, followed tickets, inbox depth and
 * dead letters. Read-only: it takes no lease and writes nothing, so it can look at a fleet's store while it runs.
 */
public final class JdbcStoreReport {
    private final DataSource dataSource;
    private final TablePrefix prefix;
    private final Failures failures;
    private final Migrations migrations;

    private JdbcStoreReport(DataSource dataSource, TablePrefix prefix, String secret) {
        this.dataSource = dataSource;
        this.prefix = prefix;
        this.failures = new Failures("JDBC subscription store (table prefix '" + prefix + "')", secret);
        this.migrations = new Migrations(prefix);
    }

    /**
     * A report over {@code dataSource}'s tables of {@code tablePrefix} ({@code null} for
     * {@link JdbcSubscriptionStore#DEFAULT_TABLE_PREFIX}).
     *
     * @throws IllegalArgumentException when the prefix is not usable
     */
    public static JdbcStoreReport over(DataSource dataSource, String tablePrefix) {
        return new JdbcStoreReport(Objects.requireNonNull(dataSource, "dataSource"),
                TablePrefix.of(tablePrefix == null ? TablePrefix.DEFAULT : tablePrefix), null);
    }

    /**
     * A report that opens its own connections to {@code jdbcUrl}, as {@link JdbcSubscriptionStore#builder(String,
     * String, String)} does; the password is masked in its errors.
     */
    public static JdbcStoreReport connect(String jdbcUrl, String user, String password, String tablePrefix) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        try {
            ds.setUrl(Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): "
                    + e.getMessage(), null);
        }
        ds.setUser(user);
        ds.setPassword(password);
        return new JdbcStoreReport(ds, TablePrefix.of(tablePrefix == null ? TablePrefix.DEFAULT : tablePrefix), password);
    }

    /** The schema version of the tables, 0 when they do not exist. */
    public int schemaVersion() {
        return read("read the schema version", migrations::version);
    }

    /**
     * Every subscription the tables know (one with a lease, a position, a followed ticket, a hub, an inbox entry or
     * a dead letter), by name.
     *
     * @throws dev.troubleticket.core.subscription.store.SubscriptionStoreException when the tables are missing or at
     *         another version than this SDK's, or the database cannot be read
     */
    public List<SubscriptionReport> subscriptions() {
        return read("read the subscriptions", c -> {
            migrations.check(migrations.version(c), "JDBC subscription store");
            String p = prefix.value();
            TreeSet<String> names = new TreeSet<>();
            for (String table : List.of("lease", "position", "followed", "hub", "inbox", "dead_letter")) {
                names.addAll(column(c, "SELECT DISTINCT subscription FROM " + p + table));
            }
            Map<String, LeaseReport> leases = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT subscription, owner, token, expires_at, released FROM " + p + "lease");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    leases.put(rs.getString(1), new LeaseReport(rs.getString(2), rs.getLong(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getBoolean(5)));
                }
            }
            Map<String, Map<String, String>> positions = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT subscription, stream, stream_position FROM " + p + "position");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    positions.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
            Map<String, Long> followed = counts(c, p + "followed");
            Map<String, Long> inbox = counts(c, p + "inbox");
            Map<String, Long> deadLetters = counts(c, p + "dead_letter");
            List<SubscriptionReport> reports = new ArrayList<>();
            for (String name : names) {
                reports.add(new SubscriptionReport(name, Optional.ofNullable(leases.get(name)),
                        positions.getOrDefault(name, Map.of()), followed.getOrDefault(name, 0L), inbox.getOrDefault(name, 0L),
                        deadLetters.getOrDefault(name, 0L)));
            }
            return reports;
        });
    }

    @Override
    public String toString() {
        return "JdbcStoreReport[tablePrefix=" + prefix + ", dataSource=" + dataSource.getClass().getName() + "]";
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static Map<String, Long> counts(Connection c, String table) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT subscription, count(*) FROM " + table + " GROUP BY subscription");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(String operation, Query<T> query) {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw failures.of(operation + ": no connection to the database", e);
        }
        try (Connection open = c) {
            open.setReadOnly(true);
            return query.run(open);
        } catch (SQLException e) {
            throw failures.of(operation, e);
        }
    }

    /**
     * One subscription as the tables hold it.
     *
     * @param name        the subscription's name
     * @param lease       its lease row, empty when no instance ever took it
     * @param positions   each polled stream's recorded position, by stream
     * @param followed    how many tickets it follows (re-read tickets, MasStack)
     * @param inboxDepth  notifications received and not yet handled
     * @param deadLetters events parked after the handler failed at every attempt
     */
    public record SubscriptionReport(String name, Optional<LeaseReport> lease, Map<String, String> positions, long followed,
            long inboxDepth, long deadLetters) {
        /** Copies the positions, so that the report cannot change after it is made. */
        public SubscriptionReport {
            positions = Map.copyOf(positions);
        }
    }

    /**
     * A subscription's lease row.
     *
     * @param owner     the instance that took it last
     * @param token     its fencing token (grows with each new holder)
     * @param expiresAt when it lapses unless renewed
     * @param released  whether its holder gave it up (stopped)
     */
    public record LeaseReport(String owner, long token, Instant expiresAt, boolean released) {
        /** Whether an instance holds it at {@code now}. */
        public boolean heldAt(Instant now) {
            return !released && expiresAt.isAfter(now);
        }
    }
}
