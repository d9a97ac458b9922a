package dev.troubleticket.benchmarks;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketEventHandler;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.FileSubscriptionStore;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import dev.troubleticket.masstack.MasStackApi;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import dev.troubleticket.testkit.nexera.CallbackDelivery;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Events per second through the neutral subscription ({@code TicketingClient.subscribe}), from each provider's
 * stateful simulator on a real loopback port, with the in-memory store and with the file store (a journal in a
 * temporary directory, each write forced to disk): six rows in one run. The handler only counts, so each row is the
 * rate of the subscription itself: reading the provider, the store's writes, the hand-over on the ticket's lane.
 *
 * <ul>
 *   <li><b>Kosc</b>: a backlog made before the subscription starts, half ticket events (tickets opened at once by
 *       the simulator, each with its {@code open} event and one comment by Kosc: the {@code tickets} stream reads
 *       the ticket list and each ticket's events) and half order events in the feed (the {@code feed} stream). The
 *       time runs from {@code start()} to the last event handled.</li>
 *   <li><b>MasStack</b>: one ticket per event, opened through the client while the subscription runs (so followed
 *       from its opening state), then all asked a question by the territory owner at once; each change is found by
 *       the ticket's next re-read. The poll interval is short enough ({@value #MASSTACK_INTERVAL_MILLIS} ms by
 *       default) that the pacing's spacing (interval / tickets) is far below one read: the reads go back to back,
 *       and the row is the rate of re-reads that each find a change, one GET per event. The time runs from the
 *       first change to the last event handled.</li>
 *   <li><b>Nexera</b>: ten attribute changes per ticket (the tickets opened before the subscription starts, so that
 *       their creation is not pushed), each pushed by the simulator to the embedded receiver over HTTP; the
 *       simulator posts one notification at a time and waits for the answer, which the receiver gives once the
 *       notification is in the store's inbox, so the row is bounded by that round trip. The time runs from the
 *       first change to the last event handled.</li>
 * </ul>
 *
 * <p>Each row counts every event by its identity: events that never came (lost), came more than once (repeats)
 * or were not among those made (unexpected). A row gives up when no new event came for
 * {@value #STALL_SECONDS} s. Before the rows, each provider runs once unmeasured with the in-memory store, so that
 * the first row does not carry the JIT's warm-up for the rest.
 *
 * <p>Arguments: {@code [events] [warmUpEvents] [masstackIntervalMillis]}, by default 5,000, a fifth of the events
 * and {@value #MASSTACK_INTERVAL_MILLIS}. Prints one line of {@code key=value} figures per row; exits with 1 when
 * an event was lost.
 */
public final class SubscriptionThroughput {
    /** The MasStack poll interval by default: see the class comment. */
    public static final long MASSTACK_INTERVAL_MILLIS = 100;
    /** How long a row waits for a new event before it gives up on the rest, in seconds. */
    public static final long STALL_SECONDS = 10;
    private static final Duration STALL = Duration.ofSeconds(STALL_SECONDS);
    /** How long a row goes on listening after its last event, so that repeats are counted. */
    private static final Duration SETTLE = Duration.ofMillis(500);
    private static final Duration KOSC_INTERVAL = Duration.ofMillis(100);
    private static final int NEXERA_CHANGES_PER_TICKET = 10;

    /** The two embedded stores. */
    public enum Store {
        /** {@link InMemorySubscriptionStore}. */
        MEMORY("memory"),
        /** {@link FileSubscriptionStore}, in a temporary directory. */
        FILE("file");

        private final String label;

        Store(String label) {
            this.label = label;
        }

        /** The store's name in a result line. */
        public String label() {
            return label;
        }
    }

    /**
     * What one row measured.
     *
     * @param provider        the provider
     * @param store           the store
     * @param events          events the provider side made
     * @param handed          events handed to the handler, repeats included
     * @param lost            events made that never reached the handler
     * @param repeats         hand-overs of an event that had reached the handler already
     * @param unexpected      events handed over that were not among those made
     * @param providerResends notifications the provider sent again after a failed attempt (push only; else 0)
     * @param seconds         from the start of the measure (see the class comment) to the last event made reaching
     *                        the handler (to when the row gave up, when some never came)
     * @param firstSeconds    from the start of the measure to the first event reaching the handler
     */
    public record Row(String provider, Store store, long events, long handed, long lost, long repeats, long unexpected,
                      long providerResends, double seconds, double firstSeconds) {
        /** Events made and handed over, per second of the measure. */
        public double eventsPerSecond() {
            return seconds <= 0 ? 0 : (events - lost) / seconds;
        }

        /** The figures as one {@code key=value} line. */
        public String line() {
            return String.format(Locale.ROOT, "subscription provider=%s store=%s events=%d handed=%d lost=%d repeats=%d"
                            + " unexpected=%d providerResends=%d seconds=%.3f firstSeconds=%.3f eventsPerSecond=%.0f",
                    provider, store.label(), events, handed, lost, repeats, unexpected, providerResends, seconds, firstSeconds,
                    eventsPerSecond());
        }
    }

    private SubscriptionThroughput() {
    }

    public static void main(String[] args) throws InterruptedException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : events / 5;
        Duration masstackInterval = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : MASSTACK_INTERVAL_MILLIS);
        boolean lost = false;
        for (Row row : run(events, warmUp, masstackInterval)) {
            System.out.println(row.line());
            lost |= row.lost() > 0;
        }
        if (lost) {
            System.err.println("events were lost: see the rows with lost > 0");
            System.exit(1);
        }
    }

    /**
     * Runs every provider once unmeasured with {@code warmUp} events (none when 0), then each provider with each
     * store on {@code events} events, and answers the six rows.
     */
    public static List<Row> run(int events, int warmUp, Duration masstackInterval) throws InterruptedException {
        if (events < 4) {
            throw new IllegalArgumentException("a row needs at least 4 events (Kosc's are half ticket events, half feed events)");
        }
        if (warmUp > 0) {
            for (String provider : List.of("kosc", "masstack", "nexera")) {
                row(provider, Store.MEMORY, Math.max(4, warmUp), masstackInterval);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String provider : List.of("kosc", "masstack", "nexera")) {
            for (Store store : Store.values()) {
                rows.add(row(provider, store, events, masstackInterval));
            }
        }
        return rows;
    }

    /** One provider with one store on {@code events} events. */
    public static Row row(String provider, Store store, int events, Duration masstackInterval) throws InterruptedException {
        Path directory = null;
        try {
            SubscriptionStore subscriptionStore;
            if (store == Store.FILE) {
                directory = Files.createTempDirectory("subscription-throughput");
                subscriptionStore = FileSubscriptionStore.open(directory.resolve("subscriptions.journal"));
            } else {
                subscriptionStore = new InMemorySubscriptionStore();
            }
            try (subscriptionStore) {
                return switch (provider) {
                    case "kosc" -> kosc(subscriptionStore, store, events);
                    case "masstack" -> masstack(subscriptionStore, store, events, masstackInterval);
                    case "nexera" -> nexera(subscriptionStore, store, events);
                    default -> throw new IllegalArgumentException("unknown provider " + provider);
                };
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (directory != null) {
                delete(directory);
            }
        }
    }

    // ------------------------------------------------------------------ Kosc

    private static Row kosc(SubscriptionStore store, Store kind, int events) throws InterruptedException {
        try (KoscSimulator simulator = new KoscSimulator().start(0);
             TicketingClient client = TicketingClients.create("kosc", simulator.clientSettings())) {
            // Each ticket brings two events (its opening and a comment): half the events are tickets' events.
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
            // The feed stream hands over whatever the feed holds.
            expected.put(Tally.FEED, simulator.feedSize());
            int made = ticketEvents + simulator.feedSize();
            Tally tally = new Tally(expected, made, STALL);
            SubscriptionOptions options = SubscriptionOptions.builder("bench-kosc").store(store).pollInterval(KOSC_INTERVAL).build();
            try (TicketSubscription subscription = client.subscribe(tally, options)) {
                long started = System.nanoTime();
                subscription.start();
                return tally.measure("kosc", kind, made, started, null);
            }
        }
    }

    // ------------------------------------------------------------------ MasStack

    private static Row masstack(SubscriptionStore store, Store kind, int events, Duration interval) throws InterruptedException {
        try (MasStackSimulator simulator = new MasStackSimulator().start(0);
             TicketingClient client = TicketingClients.create("masstack", simulator.clientSettings())) {
            AtomicLong reads = new AtomicLong();
            simulator.server().interpose(real -> new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    if ("GET".equals(request.getMethod()) && request.getUrl().encodedPath().startsWith("/troubleTicket/")) {
                        reads.incrementAndGet();
                    }
                    return real.dispatch(request);
                }
            });
            Map<String, Integer> expected = new ConcurrentHashMap<>();
            Tally tally = new Tally(expected, events, STALL);
            SubscriptionOptions options = SubscriptionOptions.builder("bench-masstack").store(store).pollInterval(interval).build();
            try (TicketSubscription subscription = client.subscribe(tally, options)) {
                subscription.start();
                // Opened through the client while the subscription runs: each is followed at once, from this state.
                MasStackApi api = client.unwrap(MasStackApi.class);
                List<String> tickets = new ArrayList<>(events);
                for (int i = 0; i < events; i++) {
                    String ticket = api.create(MasStackFollowing.request(i)).ticketId();
                    tickets.add(ticket);
                    expected.put(ticket, 1);
                }
                // With nothing followed, the subscription looked again only each second: make the changes once it
                // reads, so that the row does not measure that wait.
                long opened = reads.get();
                long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(STALL_SECONDS);
                while (reads.get() == opened && System.nanoTime() < waitUntil) {
                    Thread.sleep(5);
                }
                long started = System.nanoTime();
                for (String ticket : tickets) {
                    simulator.askForInformation(ticket, "¿A qué hora está el cliente en casa?");
                }
                return tally.measure("masstack", kind, events, started, null);
            }
        }
    }

    // ------------------------------------------------------------------ Nexera

    private static Row nexera(SubscriptionStore store, Store kind, int events) throws InterruptedException {
        try (NexeraSimulator simulator = new NexeraSimulator().start(0);
             TicketingClient client = TicketingClients.create("nexera", simulator.clientSettings())) {
            int ticketCount = Math.max(1, events / NEXERA_CHANGES_PER_TICKET);
            List<String> tickets = new ArrayList<>(ticketCount);
            for (int i = 0; i < ticketCount; i++) {
                // Before the subscription starts: no hub yet, so their creation is not pushed.
                tickets.add(client.create(CreateTicketRequest.builder()
                        .externalReference(String.format(Locale.ROOT, "BENCH-%06d", i))
                        .serviceId(String.format(Locale.ROOT, "FTTH-%06d", i))
                        .title("No sync on the ONT")
                        .description("The customer's ONT has shown LOS since 08:00")
                        .priority(Priority.of(Priority.Level.HIGH))
                        .build()).id());
            }
            Map<String, Integer> expected = new HashMap<>();
            for (int n = 0; n < events; n++) {
                expected.merge(tickets.get(n % ticketCount), 1, Integer::sum);
            }
            Tally tally = new Tally(expected, events, STALL);
            SubscriptionOptions options = SubscriptionOptions.builder("bench-nexera").store(store)
                    .callback(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null).build();
            try (TicketSubscription subscription = client.subscribe(tally, options)) {
                subscription.start();
                long started = System.nanoTime();
                for (int n = 0; n < events; n++) {
                    simulator.changeAttribute(tickets.get(n % ticketCount), "severity", "severity-" + n);
                }
                return tally.measure("nexera", kind, events, started, () -> resends(simulator));
            }
        }
    }

    /** Posts of a notification after its first attempt failed (no answer in time, or not 2xx). */
    private static long resends(NexeraSimulator simulator) {
        return simulator.callbackAttempts().stream().mapToInt(CallbackDelivery::attempts).filter(attempt -> attempt > 1).count();
    }

    // ------------------------------------------------------------------ counting

    /**
     * The trivial handler: counts each event by its identity, against the events expected of each ticket (and of
     * Kosc's feed), and notes when the first and the last expected one came.
     */
    static final class Tally implements TicketEventHandler {
        /** The group of the events that belong to no ticket (Kosc's order and service feed). */
        static final String FEED = "(feed)";

        private final Map<String, Integer> expected;
        private final Map<String, Integer> received = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> distinct = new ConcurrentHashMap<>();
        private final AtomicLong handed = new AtomicLong();
        private final AtomicLong first = new AtomicLong();
        private final AtomicLong last = new AtomicLong();
        private final AtomicLong found = new AtomicLong();
        private final Duration stall;
        private final CountDownLatch all;

        /**
         * @param expected how many events each group (ticket, or {@link #FEED}) should bring; it may be filled in
         *                 until the first of them is made
         * @param events   how many that makes in all
         * @param stall    how long {@link #measure} waits for a new event before it gives up on the rest
         */
        Tally(Map<String, Integer> expected, int events, Duration stall) {
            this.expected = expected;
            this.stall = stall;
            this.all = new CountDownLatch(events);
        }

        @Override
        public void handle(TicketEvent event) {
            long now = System.nanoTime();
            handed.incrementAndGet();
            String group = event.ticketId() != null ? event.ticketId() : FEED;
            if (received.merge(group + " " + event.id(), 1, Integer::sum) != 1) {
                return;
            }
            int count = distinct.computeIfAbsent(group, g -> new AtomicInteger()).incrementAndGet();
            Integer wanted = expected.get(group);
            if (wanted != null && count <= wanted) {
                first.compareAndSet(0, now);
                last.accumulateAndGet(now, Math::max);
                found.incrementAndGet();
                all.countDown();
            }
        }

        /**
         * Waits until the events expected have come (or no new one came for the stall time), listens a little
         * longer for repeats, and answers the row measured from {@code started} ({@link System#nanoTime()}), of
         * {@code events} events.
         */
        Row measure(String provider, Store store, int events, long started, ResendCount resends) throws InterruptedException {
            long before = -1;
            while (!all.await(stall.toMillis(), TimeUnit.MILLISECONDS)) {
                if (found.get() == before) {
                    break;
                }
                before = found.get();
            }
            long end = all.getCount() == 0 ? last.get() : System.nanoTime();
            Thread.sleep(SETTLE.toMillis());
            long lost = 0;
            long met = 0;
            for (Map.Entry<String, Integer> wanted : expected.entrySet()) {
                AtomicInteger got = distinct.get(wanted.getKey());
                int count = got == null ? 0 : got.get();
                lost += Math.max(0, wanted.getValue() - count);
                met += Math.min(count, wanted.getValue());
            }
            long distinctTotal = received.size();
            long firstAt = first.get();
            return new Row(provider, store, events, handed.get(), lost, handed.get() - distinctTotal, distinctTotal - met,
                    resends == null ? 0 : resends.count(), (end - started) / 1e9,
                    firstAt == 0 ? Double.NaN : (firstAt - started) / 1e9);
        }
    }

    /** How many notifications the provider sent again, read once the row is over. */
    @FunctionalInterface
    interface ResendCount {
        long count();
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
