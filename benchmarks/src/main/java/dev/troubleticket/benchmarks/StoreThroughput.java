package dev.troubleticket.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.callback.CallbackHandler;
import dev.troubleticket.core.callback.CallbackResponse;
import dev.troubleticket.core.callback.CallbackServer;
import dev.troubleticket.core.callback.CallbackServers;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.Commit;
import dev.troubleticket.core.subscription.store.FileSubscriptionStore;
import dev.troubleticket.core.subscription.store.Lease;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import dev.troubleticket.store.jdbc.JdbcSubscriptionStore;
import dev.troubleticket.store.jdbc.testing.EmbeddedDatabase;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import dev.troubleticket.testkit.nexera.CallbackDelivery;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Events per second and the time from receipt to commit through {@code subscribe} with a durable store: the file
 * store, and {@link JdbcSubscriptionStore} on an embedded PostgreSQL server in this JVM, written with production
 * durability ({@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on), with one instance and with
 * three (three subscriptions under one name, each with its own store object and connection pool on the same
 * database: one holds the lease). Rows: Kosc (polled, a backlog as in {@link SubscriptionThroughput}) and Nexera
 * (pushed; the simulator's notifications go to one web server that hands them round-robin to the instances' mounted
 * receivers, so that the inbox is written by all of them).
 *
 * <p>Receipt and commit are timed by {@link CommitTiming} around each instance's store. The rate is the events made
 * over the time from the start of the measure (Kosc: {@code start()}; Nexera: the first change) to the last commit
 * that recorded one handled. Each event is also counted by identity as in {@link SubscriptionThroughput} (lost,
 * repeated). Before the rows, each provider runs once unmeasured on PostgreSQL.
 *
 * <p>Arguments: {@code [events] [warmUpEvents] [handlerThreads] [groupCommit]}, by default 5,000, a fifth of the
 * events, the subscription's default (4) and {@code true} (the JDBC store's {@code groupCommit} setting). Prints the server's settings as {@code SHOW} reads them, then one line of
 * {@code key=value} figures per row; exits with 1 when an event was lost.
 */
public final class StoreThroughput {
    private static final Duration STALL = Duration.ofSeconds(SubscriptionThroughput.STALL_SECONDS);
    private static final Duration KOSC_INTERVAL = Duration.ofMillis(100);
    private static final int NEXERA_CHANGES_PER_TICKET = 10;
    private static final int POOL_SIZE = 10;
    /** The committing threads of the second pair of direct rows: what the store does with many commits at once. */
    private static final int DIRECT_MANY = 16;

    /** The stores compared. */
    public enum Backend {
        /** {@link FileSubscriptionStore}, one instance. */
        FILE("file", 1),
        /** {@link JdbcSubscriptionStore}, one instance. */
        POSTGRESQL_1("postgresql", 1),
        /** {@link JdbcSubscriptionStore}, three instances of one subscription. */
        POSTGRESQL_3("postgresql", 3);

        private final String label;
        private final int instances;

        Backend(String label, int instances) {
            this.label = label;
            this.instances = instances;
        }

        /** The store's name in a result line. */
        public String label() {
            return label;
        }

        /** How many instances share the subscription. */
        public int instances() {
            return instances;
        }
    }

    /**
     * What one row measured.
     *
     * @param provider  the provider
     * @param backend   the store and the number of instances
     * @param events    events the provider side made
     * @param handed    hand-overs to the handler, repeats included
     * @param lost      events made that never reached the handler
     * @param repeats   hand-overs of an event that had reached the handler already
     * @param committed commits that recorded a received event handled
     * @param seconds   from the start of the measure to the last of those commits
     * @param p50Millis the median time from receipt to commit
     * @param p99Millis the 99th percentile of that time
     * @param maxMillis the longest
     * @param meanCommitsInFlight the mean number of commit calls in progress when one began, itself included
     * @param maxCommitsInFlight  the most at once
     */
    public record Row(String provider, Backend backend, long events, long handed, long lost, long repeats, long committed,
                      double seconds, double p50Millis, double p99Millis, double maxMillis, double meanCommitsInFlight,
                      int maxCommitsInFlight) {
        /** Events made and handed over, per second of the measure. */
        public double eventsPerSecond() {
            return seconds <= 0 ? 0 : (events - lost) / seconds;
        }

        /** The figures as one {@code key=value} line. */
        public String line() {
            return String.format(Locale.ROOT, "store provider=%s store=%s instances=%d events=%d handed=%d lost=%d repeats=%d "
                            + "committed=%d seconds=%.3f eventsPerSecond=%.0f p50Millis=%.2f p99Millis=%.2f maxMillis=%.2f"
                            + " meanCommitsInFlight=%.2f maxCommitsInFlight=%d",
                    provider, backend.label(), backend.instances(), events, handed, lost, repeats, committed, seconds,
                    eventsPerSecond(), p50Millis, p99Millis, maxMillis, meanCommitsInFlight, maxCommitsInFlight);
        }
    }

    private StoreThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : events / 5;
        int handlerThreads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        boolean groupCommit = args.length <= 3 || Boolean.parseBoolean(args[3]);
        boolean lost = false;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(EmbeddedDatabase.Durability.PRODUCTION)) {
            System.out.println(settings(database.dataSource()) + " handlerThreads=" + handlerThreads + " groupCommit=" + groupCommit);
            for (Row row : run(database, events, warmUp, handlerThreads, groupCommit)) {
                System.out.println(row.line());
                lost |= row.lost() > 0;
            }
        }
        if (lost) {
            System.err.println("events were lost: see the rows with lost > 0");
            System.exit(1);
        }
    }

    /** The server's durability settings as {@code SHOW} reads them, as one {@code key=value} line. */
    static String settings(DataSource dataSource) throws SQLException {
        StringBuilder line = new StringBuilder("store server");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String setting : List.of("server_version", "fsync", "synchronous_commit", "full_page_writes", "commit_delay",
                    "wal_sync_method")) {
                try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
                    rs.next();
                    line.append(' ').append(setting).append('=').append(rs.getString(1).replace(' ', '_'));
                }
            }
        }
        return line.toString();
    }

    /** The warm-up (none when {@code warmUp} is 0), then each provider with each backend. */
    public static List<Row> run(EmbeddedDatabase database, int events, int warmUp, int handlerThreads, boolean groupCommit)
            throws Exception {
        if (events < 4) {
            throw new IllegalArgumentException("a row needs at least 4 events (Kosc's are half ticket events, half feed events)");
        }
        if (warmUp > 0) {
            for (String provider : List.of("kosc", "nexera")) {
                row(database, provider, Backend.POSTGRESQL_1, Math.max(4, warmUp), handlerThreads, groupCommit);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String provider : List.of("kosc", "nexera")) {
            for (Backend backend : Backend.values()) {
                rows.add(row(database, provider, backend, events, handlerThreads, groupCommit));
            }
        }
        for (int committers : List.of(handlerThreads, DIRECT_MANY)) {
            for (Backend backend : List.of(Backend.FILE, Backend.POSTGRESQL_1)) {
                rows.add(row(database, "direct-" + committers, backend, events, committers, groupCommit));
            }
        }
        return rows;
    }

    /** One provider with one backend on {@code events} events, on fresh tables (or a fresh directory). */
    public static Row row(EmbeddedDatabase database, String provider, Backend backend, int events, int handlerThreads,
                          boolean groupCommit) throws Exception {
        List<AutoCloseable> resources = new ArrayList<>();
        Path directory = null;
        try {
            List<SubscriptionStore> stores = new ArrayList<>();
            if (backend == Backend.FILE) {
                directory = Files.createTempDirectory("store-throughput");
                stores.add(FileSubscriptionStore.open(directory.resolve("subscriptions.journal")));
            } else {
                String prefix = EmbeddedDatabase.uniquePrefix();
                for (int i = 0; i < backend.instances(); i++) {
                    HikariConfig config = new HikariConfig();
                    config.setDataSource(database.dataSource());
                    config.setMaximumPoolSize(POOL_SIZE);
                    config.setPoolName("store-throughput-" + i);
                    HikariDataSource pool = new HikariDataSource(config);
                    resources.add(pool);
                    JdbcSubscriptionStore store = JdbcSubscriptionStore.builder(pool).tablePrefix(prefix).groupCommit(groupCommit)
                            .build();
                    if (i == 0) {
                        store.migrate();
                    }
                    stores.add(store);
                }
            }
            stores.forEach(resources::add);
            CommitTiming timing = new CommitTiming();
            List<SubscriptionStore> timed = stores.stream().map(timing::wrap).toList();
            if (provider.startsWith("direct-")) {
                return direct(provider, timed.get(0), timing, backend, events, handlerThreads);
            }
            return switch (provider) {
                case "kosc" -> kosc(timed, timing, backend, events, handlerThreads);
                case "nexera" -> nexera(timed, timing, backend, events, handlerThreads);
                default -> throw new IllegalArgumentException("unknown provider " + provider);
            };
        } finally {
            for (int i = resources.size() - 1; i >= 0; i--) {
                resources.get(i).close();
            }
            if (directory != null) {
                delete(directory);
            }
        }
    }

    private static SubscriptionOptions.Builder options(String name, SubscriptionStore store, int instance, int handlerThreads) {
        return SubscriptionOptions.builder(name).store(store).owner("instance-" + instance).handlerThreads(handlerThreads);
    }

    // ------------------------------------------------------------------ Kosc

    private static Row kosc(List<SubscriptionStore> stores, CommitTiming timing, Backend backend, int events, int handlerThreads)
            throws Exception {
        List<AutoCloseable> open = new ArrayList<>();
        try (KoscSimulator simulator = new KoscSimulator().start(0)) {
            List<String> tickets = simulator.seedTickets(events / 4);
            simulator.addKoscComments(tickets, "Technician booked for tomorrow morning");
            Map<String, Integer> expected = new HashMap<>();
            int ticketEvents = 0;
            for (String ticket : tickets) {
                int count = simulator.ticketEventCount(ticket);
                expected.put(ticket, count);
                ticketEvents += count;
            }
            for (int n = 0; n < events - ticketEvents; n++) {
                simulator.emitOrderEvent(String.format(Locale.ROOT, "5a0f7a1e-0c3b-4d6e-9f10-%012d", n / 4), "order-info",
                        Map.of("message", "Appointment confirmed with the end customer", "stop_deferred", false));
            }
            expected.put(SubscriptionThroughput.Tally.FEED, simulator.feedSize());
            int made = ticketEvents + simulator.feedSize();
            SubscriptionThroughput.Tally tally = new SubscriptionThroughput.Tally(expected, made, STALL);
            List<TicketSubscription> subscriptions = new ArrayList<>();
            for (int i = 0; i < stores.size(); i++) {
                TicketingClient client = TicketingClients.create("kosc", simulator.clientSettings());
                open.add(client);
                TicketSubscription subscription = client.subscribe(tally,
                        options("bench-kosc", stores.get(i), i, handlerThreads).pollInterval(KOSC_INTERVAL).build());
                open.add(subscription);
                subscriptions.add(subscription);
            }
            long started = System.nanoTime();
            // The first started takes the lease; the others wait for it, as a fleet's other instances do.
            subscriptions.forEach(TicketSubscription::start);
            return measure("kosc", backend, made, started, tally, timing);
        } finally {
            closeAll(open);
        }
    }

    // ------------------------------------------------------------------ Nexera

    private static Row nexera(List<SubscriptionStore> stores, CommitTiming timing, Backend backend, int events, int handlerThreads)
            throws Exception {
        List<AutoCloseable> open = new ArrayList<>();
        try (NexeraSimulator simulator = new NexeraSimulator().start(0)) {
            int ticketCount = Math.max(1, events / NEXERA_CHANGES_PER_TICKET);
            List<String> tickets = new ArrayList<>(ticketCount);
            try (TicketingClient opener = TicketingClients.create("nexera", simulator.clientSettings())) {
                for (int i = 0; i < ticketCount; i++) {
                    // Before the subscriptions start: no hub yet, so their creation is not pushed.
                    tickets.add(opener.create(CreateTicketRequest.builder()
                            .externalReference(String.format(Locale.ROOT, "BENCH-%06d", i))
                            .serviceId(String.format(Locale.ROOT, "FTTH-%06d", i))
                            .title("No sync on the ONT")
                            .description("The customer's ONT has shown LOS since 08:00")
                            .priority(Priority.of(Priority.Level.HIGH))
                            .build()).id());
                }
            }
            Map<String, Integer> expected = new HashMap<>();
            for (int n = 0; n < events; n++) {
                expected.merge(tickets.get(n % ticketCount), 1, Integer::sum);
            }
            SubscriptionThroughput.Tally tally = new SubscriptionThroughput.Tally(expected, events, STALL);
            RoundRobin balancer = new RoundRobin(stores.size());
            CallbackServer server = CallbackServers.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/listener",
                    balancer);
            open.add(server);
            String publicUrl = "http://127.0.0.1:" + server.port() + "/listener";
            for (int i = 0; i < stores.size(); i++) {
                TicketingClient client = TicketingClients.create("nexera", simulator.clientSettings());
                open.add(client);
                TicketSubscription subscription = client.subscribe(tally,
                        options("bench-nexera", stores.get(i), i, handlerThreads).mountedCallback(publicUrl).build());
                open.add(subscription);
                subscription.start();
                balancer.set(i, subscription.callbackHandler().orElseThrow());
            }
            long started = System.nanoTime();
            for (int n = 0; n < events; n++) {
                simulator.changeAttribute(tickets.get(n % ticketCount), "severity", "severity-" + n);
            }
            Row row = measure("nexera", backend, events, started, tally, timing);
            long resends = simulator.callbackAttempts().stream().mapToInt(CallbackDelivery::attempts).filter(a -> a > 1).count();
            if (resends > 0) {
                System.err.println("nexera/" + backend + ": " + resends + " notification(s) posted again after a failed attempt");
            }
            return row;
        } finally {
            closeAll(open);
        }
    }

    /** The fleet's web server: hands each callback to the next instance's mounted receiver in turn. */
    private static final class RoundRobin implements CallbackHandler {
        private final CallbackHandler[] instances;
        private final AtomicInteger next = new AtomicInteger();

        RoundRobin(int count) {
            this.instances = new CallbackHandler[count];
        }

        synchronized void set(int index, CallbackHandler handler) {
            instances[index] = handler;
        }

        private synchronized CallbackHandler pick() {
            for (int tries = 0; tries < instances.length; tries++) {
                CallbackHandler handler = instances[Math.floorMod(next.getAndIncrement(), instances.length)];
                if (handler != null) {
                    return handler;
                }
            }
            throw new IllegalStateException("no instance started yet");
        }

        @Override
        public CallbackResponse handle(String method, String path, Map<String, List<String>> headers, byte[] body) {
            return pick().handle(method, path, headers, body);
        }

        @Override
        public int maxBodyBytes() {
            return pick().maxBodyBytes();
        }

        @Override
        public CallbackResponse bodyTooLarge(String method, String path) {
            return pick().bodyTooLarge(method, path);
        }
    }

    // ------------------------------------------------------------------ the store alone

    /**
     * The store's own work per event, without a provider or the subscription's engine: {@code committers} threads
     * each take the next event number, ask the store whether it has seen it and commit it handled with its stream's
     * position (one stream per thread), as the engine does for a polled event when nothing holds its commits back.
     */
    private static Row direct(String label, SubscriptionStore store, CommitTiming timing, Backend backend, int events,
                              int committers) throws Exception {
        String name = "bench-direct";
        Lease lease = store.acquireLease(name, "instance-0", Duration.ofMinutes(5)).orElseThrow();
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < committers; t++) {
            String stream = "stream-" + t;
            Thread thread = new Thread(() -> {
                try {
                    for (int n = next.getAndIncrement(); n < events; n = next.getAndIncrement()) {
                        String key = "event-" + n;
                        if (!store.seen(name, key)) {
                            store.commit(lease, Commit.handled(name, key).withPosition(stream, Integer.toString(n)));
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "committer-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a committer failed", failures.get(0));
        }
        long end = timing.lastCommitNanos();
        long committed = timing.committed();
        return new Row(label, backend, events, committed, events - committed, 0, committed, (end - started) / 1e9,
                timing.quantileMillis(0.50), timing.quantileMillis(0.99), timing.quantileMillis(1.0), timing.meanCommitsInFlight(),
                timing.maxCommitsInFlight());
    }

    // ------------------------------------------------------------------ measuring

    private static Row measure(String provider, Backend backend, int events, long started, SubscriptionThroughput.Tally tally,
                               CommitTiming timing) throws InterruptedException {
        SubscriptionThroughput.Row counted = tally.measure(provider, SubscriptionThroughput.Store.MEMORY, events, started, null);
        long end = timing.lastCommitNanos();
        double seconds = counted.lost() > 0 || end == 0 ? counted.seconds() : (end - started) / 1e9;
        return new Row(provider, backend, events, counted.handed(), counted.lost(), counted.repeats(), timing.committed(), seconds,
                timing.quantileMillis(0.50), timing.quantileMillis(0.99), timing.quantileMillis(1.0), timing.meanCommitsInFlight(),
                timing.maxCommitsInFlight());
    }

    private static void closeAll(List<AutoCloseable> open) throws Exception {
        Exception first = null;
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
