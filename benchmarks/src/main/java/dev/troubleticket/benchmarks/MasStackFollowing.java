package dev.troubleticket.benchmarks;

import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.masstack.MasStackApi;
import dev.troubleticket.masstack.MasStackClient;
import dev.troubleticket.masstack.model.CreateTroubleTicketRequest;
import dev.troubleticket.masstack.model.IssueType;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Many MasStack tickets followed by one subscription, against the stateful simulator in this JVM: the ticket reads
 * the simulator answered per interval and per second (spread over the interval, not a burst), the events delivered
 * for the changes the territory owner made meanwhile, and the heap the subscription holds (its followed set and the
 * in-memory store's records: the live heap with it, less the live heap once it is closed; the simulator's tickets
 * are in both).
 *
 * <p>Arguments: {@code [tickets] [intervalSeconds] [intervals] [changes]}, by default 10,000, 60, 2 and 100. The
 * tickets are opened through the typed API while the subscription is open, so it follows them from the state they
 * were opened in. Prints one line of {@code key=value} figures; exits with 1 when an event is missing.
 */
public final class MasStackFollowing {
    /**
     * What a run measured.
     *
     * @param tickets               tickets followed
     * @param interval              the subscription's interval
     * @param readsPerInterval      ticket reads the simulator answered in each interval measured
     * @param readsPerSecondMin     the fewest reads in one second of the measured intervals
     * @param readsPerSecondMax     the most reads in one second of the measured intervals
     * @param changes               tickets the territory owner changed at the start of the measure
     * @param delivered             events the handler received
     * @param secondsToOpen         time taken to open the tickets (POSTs, each followed at once)
     * @param subscriptionHeapBytes live heap with the subscription running, less the live heap once it is closed
     * @param liveHeapBytes         live heap with the subscription running (simulator included)
     * @param peakHeapBytes         sum of the heap pools' peaks during the measure
     */
    public record Result(int tickets, Duration interval, long[] readsPerInterval, long readsPerSecondMin,
                         long readsPerSecondMax, int changes, long delivered, double secondsToOpen,
                         long subscriptionHeapBytes, long liveHeapBytes, long peakHeapBytes) {
        /** The figures as one {@code key=value} line. */
        public String line() {
            return String.format(Locale.ROOT, "masstack-following tickets=%d intervalSeconds=%d readsPerInterval=%s"
                            + " readsPerSecondMin=%d readsPerSecondMax=%d changes=%d delivered=%d secondsToOpen=%.1f"
                            + " subscriptionHeapMiB=%.1f bytesPerTicket=%d liveHeapMiB=%.1f peakHeapMiB=%.1f",
                    tickets, interval.toSeconds(), Arrays.stream(readsPerInterval).mapToObj(Long::toString)
                            .collect(Collectors.joining(",")), readsPerSecondMin, readsPerSecondMax, changes, delivered,
                    secondsToOpen, subscriptionHeapBytes / 1048576.0, tickets == 0 ? 0 : subscriptionHeapBytes / tickets,
                    liveHeapBytes / 1048576.0, peakHeapBytes / 1048576.0);
        }
    }

    private MasStackFollowing() {
    }

    public static void main(String[] args) throws InterruptedException {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Duration interval = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
        int intervals = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int changes = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        Result result = run(tickets, interval, intervals, changes);
        System.out.println(result.line());
        if (result.delivered() != result.changes()) {
            System.err.println("expected " + result.changes() + " events, delivered " + result.delivered());
            System.exit(1);
        }
    }

    /** Follows {@code tickets} tickets for {@code intervals} intervals, changing {@code changes} of them at the start. */
    public static Result run(int tickets, Duration interval, int intervals, int changes) throws InterruptedException {
        if (changes > tickets) {
            throw new IllegalArgumentException("cannot change more tickets than are followed");
        }
        try (MasStackSimulator simulator = new MasStackSimulator().start(0);
             MasStackClient client = (MasStackClient) TicketingClients.create("masstack", simulator.clientSettings())) {
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
            Measure measure = follow(simulator, client, reads, tickets, interval, intervals, changes);
            long liveWithout = liveHeapAfterGc();
            return new Result(tickets, interval, measure.readsPerInterval, measure.minPerSecond, measure.maxPerSecond,
                    changes, measure.delivered, measure.secondsToOpen, Math.max(0, measure.liveWith - liveWithout),
                    measure.liveWith, measure.peak);
        }
    }

    private record Measure(long[] readsPerInterval, long minPerSecond, long maxPerSecond, long delivered,
                           double secondsToOpen, long liveWith, long peak) {
    }

    /** Everything the subscription holds is reachable only from here: once this returns and it is closed, it is garbage. */
    private static Measure follow(MasStackSimulator simulator, MasStackClient client, AtomicLong reads, int tickets,
                                  Duration interval, int intervals, int changes) throws InterruptedException {
        AtomicLong delivered = new AtomicLong();
        SubscriptionOptions options = SubscriptionOptions.builder("bench").store(new InMemorySubscriptionStore())
                .pollInterval(interval).build();
        try (TicketSubscription subscription = client.subscribe(event -> delivered.incrementAndGet(), options)) {
            subscription.start();
            MasStackApi api = client.unwrap(MasStackApi.class);
            List<String> ids = new ArrayList<>(tickets);
            long opening = System.nanoTime();
            for (int i = 0; i < tickets; i++) {
                ids.add(api.create(request(i)).ticketId());
            }
            double secondsToOpen = (System.nanoTime() - opening) / 1e9;
            // With nothing followed yet, the subscription looked again only each second: measure once it reads.
            long opened = reads.get();
            long waitUntil = System.nanoTime() + 10_000_000_000L;
            while (reads.get() == opened) {
                if (System.nanoTime() > waitUntil) {
                    throw new IllegalStateException("the subscription read nothing within 10 s of the last ticket opened");
                }
                Thread.sleep(5);
            }

            long[] perInterval = new long[intervals];
            long min = Long.MAX_VALUE;
            long max = 0;
            try (HeapWatch heap = new HeapWatch()) {
                for (int i = 0; i < changes; i++) {
                    simulator.askForInformation(ids.get((int) ((long) i * tickets / changes)), "¿A qué hora está el cliente?");
                }
                long seconds = Math.max(1, interval.toSeconds());
                long start = System.nanoTime();
                long before = reads.get();
                for (int n = 0; n < intervals; n++) {
                    long atIntervalStart = reads.get();
                    for (long s = 1; s <= seconds; s++) {
                        long due = start + (n * seconds + s) * 1_000_000_000L;
                        Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                        long now = reads.get();
                        min = Math.min(min, now - before);
                        max = Math.max(max, now - before);
                        before = now;
                    }
                    perInterval[n] = reads.get() - atIntervalStart;
                }
                long deadline = System.nanoTime() + interval.toNanos();
                while (delivered.get() < changes && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                long liveWith = liveHeapAfterGc();
                return new Measure(perInterval, min, max, delivered.get(), secondsToOpen, liveWith, heap.peakHeapBytes());
            }
        }
    }

    /** A ticket the simulator accepts, its mirror key numbered {@code n}. */
    static CreateTroubleTicketRequest request(int n) {
        return CreateTroubleTicketRequest.builder()
                .mirrorKey(String.format(Locale.ROOT, "BENCH-%06d", n))
                .dialog("ERI_MM_OLTZ3562010LAP012_para que se revise")
                .troubleType("FTTH_PROVISION_RANGED_NO_NAVEGA")
                .troubleDescription("ONT sincronizado, pero no navega.")
                .troubleDetectionTime("2025-01-15T10:30:00Z")
                .preferredPriority(3)
                .troubledObject("CTO")
                .customerTroubleNum("O99999999999/M9999999999")
                .wh1Parameter(IssueType.NETWORK)
                .clearencePerson("SIM-AGENT-01")
                .build();
    }

    private static long liveHeapAfterGc() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
