package dev.troubleticket.store.jdbc;

import dev.troubleticket.core.subscription.store.Commit;
import dev.troubleticket.core.subscription.store.DeadLetter;
import dev.troubleticket.core.subscription.store.FollowedTicket;
import dev.troubleticket.core.subscription.store.HubRegistration;
import dev.troubleticket.core.subscription.store.Lease;
import dev.troubleticket.core.subscription.store.StoreTransaction;
import dev.troubleticket.core.subscription.store.StoredEvent;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import dev.troubleticket.core.subscription.store.SubscriptionStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A {@link SubscriptionStore} on PostgreSQL (13 or later), over the application's {@link DataSource}: several
 * instances of a back office (a fleet) share one subscription through it. The lease row of a subscription decides
 * which instance reads a polled provider, and its fencing token is checked, under a row lock, in the transaction of
 * every commit that moves a stream; notifications received by any instance go to one inbox, unique by the
 * provider's event id; dead letters are shared.
 *
 * <p>It is {@link #transactional()}: {@link #commit(Lease, Commit, StoreTransaction.Work)} runs a handler's own
 * writes on the store's connection ({@code transaction.unwrap(Connection.class)}), in the transaction that records
 * the event.
 *
 * <p>The tables are created by {@link #migrate()}, or by Flyway or Liquibase from the SQL files in the jar; the first
 * use of a store checks that they are there, at the version this SDK knows. Leases are timed by the builder's clock:
 * the instances' clocks must agree (NTP), as one instance's fast clock would take another's live lease.
 *
 * <pre>{@code
 * SubscriptionStore store = JdbcSubscriptionStore.builder(dataSource).build();
 * store.migrate();
 * }</pre>
 */
public final class JdbcSubscriptionStore implements SubscriptionStore {
    /** The schema version this SDK version reads and writes. */
    public static final int SCHEMA_VERSION = Migrations.LATEST;
    /** The table prefix used when none is given. */
    public static final String DEFAULT_TABLE_PREFIX = TablePrefix.DEFAULT;
    /** The default number of handled event identities remembered per subscription. */
    public static final int DEFAULT_SEEN_WINDOW = 100_000;

    private final DataSource dataSource;
    private final TablePrefix prefix;
    private final Clock clock;
    private final Duration inboxPollInterval;
    private final long idleTimeoutMillis;
    private final Duration exclusiveWait;
    private final String name;
    private final Failures failures;
    private final Migrations migrations;
    private final LeaseTable leases;
    private final SeenWindow seen;
    private final ProgressTables progress;
    private final InboxTable inbox;
    private final DeadLetterTable deadLetters;
    private final CommitWriter writer;
    private final GroupCommit group;
    private volatile boolean schemaChecked;
    private volatile boolean closed;

    private JdbcSubscriptionStore(Builder b) {
        this.dataSource = b.dataSource;
        this.prefix = b.prefix;
        this.clock = b.clock;
        this.inboxPollInterval = b.inboxPollInterval;
        this.idleTimeoutMillis = b.idleInTransactionTimeout.toMillis();
        this.exclusiveWait = b.exclusiveWait;
        this.name = "JDBC subscription store (table prefix '" + prefix + "')";
        this.failures = new Failures(name, b.secret);
        this.migrations = new Migrations(prefix);
        this.leases = new LeaseTable(prefix);
        this.seen = new SeenWindow(prefix, b.seenWindow);
        this.progress = new ProgressTables(prefix);
        this.inbox = new InboxTable(prefix);
        this.deadLetters = new DeadLetterTable(prefix);
        this.writer = new CommitWriter(seen, progress, inbox, deadLetters);
        this.group = b.groupCommit ? new GroupCommit(work -> inTransaction("commit a batch", true, c -> {
            work.run(c);
            return null;
        }), leases, writer, idleTimeoutMillis, this::commitAlone, GroupCommit.MAX_BATCH) : null;
    }

    /** A builder for a store over {@code dataSource} (a pool in production: the store takes a connection per call). */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"), null);
    }

    /**
     * A builder for a store that opens its own connections to {@code jdbcUrl} (one per call, no pool: for tools and
     * small deployments; give {@link #builder(DataSource)} a pool otherwise).
     */
    public static Builder builder(String jdbcUrl, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        try {
            ds.setUrl(Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): "
                    + e.getMessage(), null);
        }
        ds.setUser(user);
        ds.setPassword(password);
        return new Builder(ds, password);
    }

    /** A store with the default settings that opens its own connections to {@code jdbcUrl}. */
    public static JdbcSubscriptionStore connect(String jdbcUrl, String user, String password) {
        return builder(jdbcUrl, user, password).build();
    }

    // ------------------------------------------------------------------ schema

    /**
     * Creates the store's tables, or brings them to {@link #SCHEMA_VERSION}, applying the jar's SQL files not yet
     * applied in one transaction; safe when several instances migrate at once (an advisory lock orders them).
     *
     * @return the schema versions applied, empty when the tables were current
     */
    public List<Integer> migrate() {
        List<Integer> applied = inTransaction("migrate the schema", false, migrations::migrate);
        schemaChecked = false;
        return applied;
    }

    /** The schema version of this store's tables in the database, 0 when they do not exist. */
    public int schemaVersion() {
        return withConnection("read the schema version", false, migrations::version);
    }

    // ------------------------------------------------------------------ lease

    @Override
    public Optional<Lease> acquireLease(String subscription, String owner, Duration ttl) {
        return withConnection("acquire the lease of '" + subscription + "'", true,
                c -> leases.acquire(c, subscription, owner, ttl, clock.instant()));
    }

    @Override
    public Optional<Lease> renewLease(Lease lease) {
        return withConnection("renew the lease of '" + lease.subscription() + "'", true, c -> leases.renew(c, lease, clock.instant()));
    }

    @Override
    public void releaseLease(Lease lease) {
        withConnection("release the lease of '" + lease.subscription() + "'", true, c -> {
            leases.release(c, lease);
            return null;
        });
    }

    // ------------------------------------------------------------------ progress

    @Override
    public Map<String, String> positions(String subscription) {
        return withConnection("read the positions of '" + subscription + "'", true, c -> progress.positions(c, subscription));
    }

    @Override
    public void commit(Lease lease, Commit commit) {
        if (group != null) {
            group.commit(lease, commit);
        } else {
            commitAlone(lease, commit);
        }
    }

    private void commitAlone(Lease lease, Commit commit) {
        inTransaction("commit for '" + commit.subscription() + "'", true, c -> {
            leases.fence(c, lease, commit, idleTimeoutMillis);
            writer.apply(c, commit);
            return null;
        });
    }

    @Override
    public boolean transactional() {
        return true;
    }

    /**
     * Runs {@code work} and records {@code commit} in one transaction on one connection: the work first (its
     * {@code transaction.unwrap(Connection.class)} is that connection), then the lease check under the lease row's
     * lock, then the commit's writes, then COMMIT. The transaction may stay idle for at most the builder's
     * {@linkplain Builder#idleInTransactionTimeout idle-in-transaction timeout}, so that a paused instance cannot hold
     * its locks for ever.
     */
    @Override
    public void commit(Lease lease, Commit commit, StoreTransaction.Work work) throws Exception {
        Objects.requireNonNull(work, "work");
        String operation = "commit for '" + commit.subscription() + "' with the handler's work";
        Connection c = open(operation, true);
        try {
            try {
                c.setAutoCommit(false);
                limitIdleTime(c);
            } catch (SQLException e) {
                throw failures.of(operation, e);
            }
            ConnectionTransaction transaction = new ConnectionTransaction(c);
            try {
                work.run(transaction);
            } finally {
                transaction.end();
            }
            try {
                leases.fence(c, lease, commit, idleTimeoutMillis);
                writer.apply(c, commit);
                c.commit();
            } catch (SQLException e) {
                throw failures.of(operation, e);
            }
        } catch (Exception | Error e) {
            rollback(c);
            throw e;
        } finally {
            release(c);
        }
    }

    /**
     * Runs {@code work} under a PostgreSQL session advisory lock of the subscription (per table prefix): no other
     * instance on this database runs exclusive work for it meanwhile. The lock is held by a connection outside any
     * transaction, so that work slower than the idle-in-transaction timeout (a hub registration that the provider
     * answers slowly) keeps it; the server frees it when the holder's connection ends (a killed instance). An instance
     * waits at most {@link Builder#exclusiveWait(Duration) exclusiveWait} for it (a holder paused in the middle).
     */
    @Override
    public <T> T exclusively(String subscription, Supplier<T> work) {
        String operation = "run exclusive work for '" + subscription + "'";
        long key = AdvisoryLocks.key("exclusive", prefix.value() + subscription);
        Connection c = open(operation, true);
        try {
            try {
                c.setAutoCommit(true);
                takeSessionLock(c, key, subscription);
            } catch (SQLException e) {
                throw failures.of(operation, e);
            }
            T result = work.get();
            try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                s.setLong(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        throw new SubscriptionStoreException(this + ": the exclusive lock for '" + subscription
                                + "' was lost while the work ran (its session ended); it may have run beside another instance's");
                    }
                }
            } catch (SQLException e) {
                throw failures.of(operation + " (the lock was lost while the work ran; it may have run beside another instance's)", e);
            }
            return result;
        } finally {
            release(c);
        }
    }

    private void takeSessionLock(Connection c, long key, String subscription) throws SQLException {
        long deadline = System.nanoTime() + exclusiveWait.toNanos();
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, key);
            while (true) {
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new SubscriptionStoreException(this + ": another instance held the exclusive lock for '" + subscription
                            + "' for more than " + exclusiveWait + " (a start registering the provider's hub, paused or stuck); "
                            + "start again, or find the session holding it in pg_locks");
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SubscriptionStoreException(this + ": interrupted while waiting for the exclusive lock for '"
                            + subscription + "'");
                }
            }
        }
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public Duration inboxPollInterval() {
        return inboxPollInterval;
    }

    @Override
    public boolean seen(String subscription, String eventKey) {
        return withConnection("read the seen window of '" + subscription + "'", true, c -> seen.contains(c, subscription, eventKey));
    }

    // ------------------------------------------------------------------ followed tickets

    @Override
    public void follow(String subscription, FollowedTicket ticket) {
        withConnection("follow a ticket for '" + subscription + "'", true, c -> {
            progress.follow(c, subscription, ticket);
            return null;
        });
    }

    @Override
    public void unfollow(String subscription, String ticketId) {
        withConnection("unfollow a ticket for '" + subscription + "'", true, c -> {
            progress.unfollow(c, subscription, ticketId);
            return null;
        });
    }

    @Override
    public List<FollowedTicket> followed(String subscription) {
        return withConnection("read the followed tickets of '" + subscription + "'", true, c -> progress.followed(c, subscription));
    }

    // ------------------------------------------------------------------ push

    @Override
    public Optional<HubRegistration> hub(String subscription) {
        return withConnection("read the hub registration of '" + subscription + "'", true, c -> progress.hub(c, subscription));
    }

    @Override
    public void saveHub(String subscription, HubRegistration registration) {
        withConnection("save the hub registration of '" + subscription + "'", true, c -> {
            progress.saveHub(c, subscription, registration);
            return null;
        });
    }

    @Override
    public boolean addToInbox(String subscription, StoredEvent event) {
        return withConnection("add a notification to the inbox of '" + subscription + "'", true, c -> inbox.add(c, subscription, event));
    }

    @Override
    public List<StoredEvent> inbox(String subscription, int limit) {
        return withConnection("read the inbox of '" + subscription + "'", true, c -> inbox.list(c, subscription, limit));
    }

    @Override
    public long inboxDepth(String subscription) {
        return withConnection("count the inbox of '" + subscription + "'", true, c -> inbox.depth(c, subscription));
    }

    // ------------------------------------------------------------------ dead letters

    @Override
    public List<DeadLetter> deadLetters(String subscription) {
        return withConnection("read the dead letters of '" + subscription + "'", true, c -> deadLetters.list(c, subscription));
    }

    @Override
    public void removeDeadLetter(String subscription, String key) {
        withConnection("remove a dead letter of '" + subscription + "'", true, c -> {
            deadLetters.remove(c, subscription, key);
            return null;
        });
    }

    @Override
    public boolean requestReplay(String subscription, String key) {
        return withConnection("ask for the replay of a dead letter of '" + subscription + "'", true,
                c -> deadLetters.requestReplay(c, subscription, key, LeaseTable.at(clock.instant())));
    }

    @Override
    public List<String> replayRequests(String subscription) {
        return withConnection("read the replay requests of '" + subscription + "'", true,
                c -> deadLetters.replayRequests(c, subscription));
    }

    /** Nothing to release: the data source (and its pool) belongs to the application. */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        // The data source's own toString may hold its URL, user or password: only its class is shown.
        return "JdbcSubscriptionStore[tablePrefix=" + prefix + ", dataSource=" + dataSource.getClass().getName() + "]";
    }

    // ------------------------------------------------------------------ connections

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} on a connection in auto-commit mode: each statement is durable when it returns. */
    private <T> T withConnection(String operation, boolean checkSchema, SqlWork<T> work) {
        Connection c = open(operation, checkSchema);
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw failures.of(operation, e);
        } finally {
            release(c);
        }
    }

    private <T> T inTransaction(String operation, boolean checkSchema, SqlWork<T> work) {
        Connection c = open(operation, checkSchema);
        try {
            c.setAutoCommit(false);
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException e) {
            rollback(c);
            throw failures.of(operation, e);
        } catch (RuntimeException | Error e) {
            rollback(c);
            throw e;
        } finally {
            release(c);
        }
    }

    private Connection open(String operation, boolean checkSchema) {
        if (closed) {
            throw new IllegalStateException(name + " is closed");
        }
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw failures.of(operation + ": no connection to the database", e);
        }
        if (checkSchema && !schemaChecked) {
            try {
                migrations.check(migrations.version(c), name);
                schemaChecked = true;
            } catch (SQLException e) {
                release(c);
                throw failures.of("read the schema version", e);
            } catch (RuntimeException e) {
                release(c);
                throw e;
            }
        }
        return c;
    }

    private void limitIdleTime(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT set_config('idle_in_transaction_session_timeout', ?, true)")) {
            s.setString(1, Long.toString(idleTimeoutMillis));
            s.execute();
        }
    }

    private static void rollback(Connection c) {
        try {
            if (!c.isClosed() && !c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // The connection is broken: the server rolls the transaction back when the session ends.
        }
    }

    private static void release(Connection c) {
        try {
            if (!c.isClosed() && !c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // Broken: closing it below is all that is left to do.
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // Nothing more can be done with a connection that cannot even close.
        }
    }

    /**
     * Settings of a {@link JdbcSubscriptionStore}, checked in {@link #build()}. Nothing is read from the database
     * until the store is first used.
     */
    public static final class Builder {
        private final DataSource dataSource;
        private final String secret;
        private TablePrefix prefix = TablePrefix.of(TablePrefix.DEFAULT);
        private int seenWindow = DEFAULT_SEEN_WINDOW;
        private Clock clock = Clock.systemUTC();
        private Duration inboxPollInterval = Duration.ofMillis(200);
        private Duration idleInTransactionTimeout = Duration.ofSeconds(30);
        private Duration exclusiveWait = Duration.ofMinutes(2);
        private boolean groupCommit = true;

        private Builder(DataSource dataSource, String secret) {
            this.dataSource = dataSource;
            this.secret = secret;
        }

        /**
         * The prefix of the table names (default {@value TablePrefix#DEFAULT}): lower-case letters, digits and
         * underscores, at most 40. Stores with different prefixes share a database without meeting.
         *
         * @throws IllegalArgumentException when the prefix holds other characters
         */
        public Builder tablePrefix(String tablePrefix) {
            this.prefix = TablePrefix.of(tablePrefix);
            return this;
        }

        /** How many handled event identities are remembered per subscription (default 100,000). */
        public Builder seenWindow(int seenWindow) {
            if (seenWindow < 1) {
                throw new IllegalArgumentException("seenWindow must be at least 1, not " + seenWindow);
            }
            this.seenWindow = seenWindow;
            return this;
        }

        /** The clock that times leases (default the system's, in UTC). Every instance's clock must agree (NTP). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How often a subscription reads the shared inbox when nothing else wakes it (default 200 ms). */
        public Builder inboxPollInterval(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("inboxPollInterval must be positive, not " + interval);
            }
            this.inboxPollInterval = interval;
            return this;
        }

        /**
         * How long a transaction of the store may stay idle (a handler's work between statements) before the server ends its session and rolls it back (default 30 s, about a lease's time to live): a paused
         * or stuck instance then frees its locks. It bounds the time a transactional handler may spend outside SQL.
         */
        public Builder idleInTransactionTimeout(Duration timeout) {
            if (timeout == null || timeout.toMillis() < 1) {
                throw new IllegalArgumentException("idleInTransactionTimeout must be at least 1 ms, not " + timeout);
            }
            this.idleInTransactionTimeout = timeout;
            return this;
        }

        /**
         * How long {@link JdbcSubscriptionStore#exclusively exclusive work} waits for another instance's (default
         * 2 min): a start waits while another instance registers the provider's hub, and fails saying so when that
         * instance is paused or stuck longer.
         */
        public Builder exclusiveWait(Duration wait) {
            if (wait == null || wait.isNegative()) {
                throw new IllegalArgumentException("exclusiveWait must be zero or more, not " + wait);
            }
            this.exclusiveWait = wait;
            return this;
        }

        /**
         * Whether commits made at the same time by several threads (the subscription's handler threads) are written
         * in one transaction, sharing one flush of the server's log (default on). Each caller still returns only once
         * its commit is durable, a stale lease's commit is refused alone, and when a statement of such a batch fails
         * each of its commits is written again on its own, so that only the bad one fails. Off, each commit is a
         * transaction of its own. Commits with a handler's work are always one transaction each.
         */
        public Builder groupCommit(boolean enabled) {
            this.groupCommit = enabled;
            return this;
        }

        /** Makes the store over the data source with these settings. */
        public JdbcSubscriptionStore build() {
            return new JdbcSubscriptionStore(this);
        }

        @Override
        public String toString() {
            return "JdbcSubscriptionStore.Builder[tablePrefix=" + prefix + ", dataSource=" + dataSource.getClass().getName() + "]";
        }
    }
}
