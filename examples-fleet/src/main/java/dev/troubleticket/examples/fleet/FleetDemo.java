package dev.troubleticket.examples.fleet;

import dev.troubleticket.store.jdbc.JdbcStoreReport;
import dev.troubleticket.store.jdbc.JdbcStoreReport.LeaseReport;
import dev.troubleticket.store.jdbc.JdbcSubscriptionStore;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A fleet of three instances sharing one subscription through the JDBC store: starts an embedded PostgreSQL and
 * migrates the store, starts the Kosc simulator and has it produce an order event every 100 ms, starts three
 * {@link FleetInstance} JVMs under one subscription name (lease time to live 2 s), kills the lease holder with
 * SIGKILL, shows how long until another instance holds the lease and handles the next event, and at the end counts
 * the events produced, handled, lost and handled twice from the table the instances' handlers write.
 *
 * <p>Run it with {@code ./example FleetDemo}. It ends with exit code 0 when nothing was lost and the lease moved.
 */
public final class FleetDemo {
    static final String SUBSCRIPTION = "fleet-demo";
    static final Duration LEASE_TTL = Duration.ofSeconds(2);
    private static final int INSTANCES = 3;
    private static final Duration PRODUCE_EVERY = Duration.ofMillis(100);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final PrintStream out;

    public FleetDemo(PrintStream out) {
        this.out = out;
    }

    /**
     * What the run showed.
     *
     * @param produced      order events the simulator's feed received
     * @param handled       distinct events the handlers recorded
     * @param lost          events produced and never handled
     * @param handledTwice  events recorded more than once
     * @param firstLeader   the instance killed
     * @param nextLeader    the instance that took the lease over, or {@code null} when none did
     * @param leaseMovedAfter     from the kill until another instance held the lease
     * @param nextHandledAfter    from the kill until that instance had handled an event
     */
    public record Result(int produced, int handled, int lost, int handledTwice, String firstLeader, String nextLeader,
            Duration leaseMovedAfter, Duration nextHandledAfter) {
        public boolean failedOver() {
            return nextLeader != null && !nextLeader.equals(firstLeader) && nextHandledAfter != null;
        }
    }

    public static void main(String[] args) throws Exception {
        Result result = new FleetDemo(System.out).run();
        System.exit(result.lost() == 0 && result.failedOver() ? 0 : 1);
    }

    public Result run() throws Exception {
        out.println("Fleet demo: three instances share the subscription '" + SUBSCRIPTION + "' through PostgreSQL;");
        out.println("the lease holder reads Kosc's feed, the others wait. The holder is killed (SIGKILL) halfway.");
        out.println();
        Path logs = Files.createTempDirectory("fleet-demo-");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                KoscSimulator kosc = new KoscSimulator().start(0)) {
            DataSource db = postgres.getPostgresDatabase();
            String jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            List<Integer> applied = JdbcSubscriptionStore.builder(db).build().migrate();
            execute(db, "CREATE TABLE " + FleetInstance.HANDLED_TABLE + " (seq bigserial PRIMARY KEY, event_id text NOT NULL, "
                    + "instance text NOT NULL, handled_at timestamptz NOT NULL)");
            out.println("PostgreSQL " + jdbcUrl + ": store schema " + (applied.isEmpty() ? "already current"
                    : "version " + applied.get(applied.size() - 1) + " applied"));
            out.println("Kosc simulator " + kosc.baseUrl() + ": an order event every " + PRODUCE_EVERY.toMillis() + " ms");

            Producer producer = new Producer(kosc);
            producer.start();
            Map<String, Process> instances = new LinkedHashMap<>();
            for (int i = 1; i <= INSTANCES; i++) {
                String name = "instance-" + i;
                instances.put(name, startInstance(name, jdbcUrl, kosc, logs));
            }
            JdbcStoreReport report = JdbcStoreReport.over(db, null);
            String leader = await("an instance to take the lease", () -> holder(report));
            out.println("lease holder: " + leader + " (the others wait)");
            await("the leader to handle events", () -> count(db, "SELECT count(*) FROM " + FleetInstance.HANDLED_TABLE) >= 10
                    ? Optional.of(true) : Optional.empty());
            Thread.sleep(1000);

            out.println("handled so far: " + perInstance(db));
            long lastSeq = count(db, "SELECT coalesce(max(seq), 0) FROM " + FleetInstance.HANDLED_TABLE);
            Instant killedAt = Instant.now();
            instances.get(leader).destroyForcibly();
            instances.get(leader).waitFor(10, TimeUnit.SECONDS);
            out.println("killed " + leader + " (SIGKILL): its lease lapses within " + LEASE_TTL.toSeconds() + " s");

            String next = await("another instance to take the lease", () -> holder(report).filter(h -> !h.equals(leader)));
            Duration leaseMoved = Duration.between(killedAt, Instant.now());
            await("the new holder to handle an event", () -> count(db, "SELECT count(*) FROM " + FleetInstance.HANDLED_TABLE
                    + " WHERE seq > " + lastSeq + " AND instance = '" + next + "'") > 0 ? Optional.of(true) : Optional.empty());
            Duration nextHandled = Duration.between(killedAt, Instant.now());
            out.println("lease holder: " + next + " after " + millis(leaseMoved) + ", handling events after " + millis(nextHandled));

            Thread.sleep(1500);
            producer.stop();
            Set<String> produced = producer.produced();
            out.println("produced " + produced.size() + " events; waiting for the fleet to handle them all");
            try {
                await("every event produced to be handled", () -> handled(db).containsAll(produced) ? Optional.of(true) : Optional.empty());
            } catch (IllegalStateException notAll) {
                out.println(notAll.getMessage());
            }
            for (Process p : instances.values()) {
                p.destroy(); // SIGTERM: each closes its subscription and releases the lease
            }
            for (Process p : instances.values()) {
                p.waitFor(15, TimeUnit.SECONDS);
            }

            Set<String> handled = handled(db);
            int lost = 0;
            for (String id : produced) {
                if (!handled.contains(id)) {
                    lost++;
                }
            }
            int twice = (int) count(db, "SELECT count(*) FROM (SELECT event_id FROM " + FleetInstance.HANDLED_TABLE
                    + " GROUP BY event_id HAVING count(*) > 1) d");
            out.println();
            out.println("handled per instance: " + perInstance(db));
            out.println("events produced " + produced.size() + ", handled " + handled.size() + ", lost " + lost
                    + ", handled twice " + twice);
            out.println("instance logs: " + logs);
            return new Result(produced.size(), handled.size(), lost, twice, leader, next, leaseMoved, nextHandled);
        }
    }

    private Process startInstance(String name, String jdbcUrl, KoscSimulator kosc, Path logs) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FleetInstance.class.getName(), name, jdbcUrl, SUBSCRIPTION,
                String.valueOf(LEASE_TTL.toMillis())));
        kosc.clientSettings().asMap().forEach((key, value) -> command.add(key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().put(FleetInstance.USER_ENV, "postgres");
        builder.environment().put(FleetInstance.PASSWORD_ENV, "");
        return builder.start();
    }

    private static Optional<String> holder(JdbcStoreReport report) {
        Instant now = Instant.now();
        return report.subscriptions().stream().filter(s -> s.name().equals(SUBSCRIPTION)).findFirst()
                .flatMap(s -> s.lease()).filter(l -> l.heldAt(now)).map(LeaseReport::owner);
    }

    private static String millis(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    @FunctionalInterface
    private interface Probe<T> {
        Optional<T> look() throws Exception;
    }

    private static <T> T await(String what, Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Optional<T> found = probe.look();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within " + WAIT.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static void execute(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<String> handled(DataSource db) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT event_id FROM " + FleetInstance.HANDLED_TABLE)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static Map<String, Long> perInstance(DataSource db) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT instance, count(*) FROM " + FleetInstance.HANDLED_TABLE
                        + " GROUP BY instance ORDER BY instance")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    /** Has the simulator add an order event to its feed at a steady pace, remembering each event's id. */
    private static final class Producer {
        private final KoscSimulator kosc;
        private final Set<String> produced = new HashSet<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Producer(KoscSimulator kosc) {
            this.kosc = kosc;
            this.thread = new Thread(this::produce, "fleet-demo-producer");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void produce() {
            int n = 0;
            while (running.get()) {
                String id = kosc.emitOrderEvent("order-" + (n % 7), "order-running", Map.of("message", "step " + n));
                synchronized (produced) {
                    produced.add(id);
                }
                n++;
                try {
                    Thread.sleep(PRODUCE_EVERY.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(5000);
        }

        Set<String> produced() {
            synchronized (produced) {
                return Set.copyOf(produced);
            }
        }
    }

}
