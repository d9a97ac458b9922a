package dev.troubleticket.masstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The re-reads of followed tickets are spread over the interval, and a 429 slows them down, as counted at the
 * simulator. The bounds are loose on purpose: what they rule out is a burst of N reads, and a read inside Retry-After.
 */
class ReadSpreadingTest {
    private MasStackSimulator simulator;
    private MasStackClient client;
    private TicketSubscription subscription;
    private final List<TicketEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        simulator = new MasStackSimulator().start(0);
        client = (MasStackClient) TicketingClients.create("masstack", simulator.clientSettings());
    }

    @AfterEach
    void stop() {
        if (subscription != null) {
            subscription.close();
        }
        client.close();
        simulator.close();
    }

    private List<String> openTickets(int count) {
        MasStackApi api = client.unwrap(MasStackApi.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(api.create(Fixtures.typedRequest("ONV-" + i).build()).ticketId());
        }
        return ids;
    }

    @Test
    void readsOfTheFollowedTicketsAreSpreadOverTheIntervalNotBurst() throws InterruptedException {
        Duration interval = Duration.ofSeconds(2);
        subscription = client.subscribe(events::add, SubscriptionOptions.builder("spread").pollInterval(interval).build())
                .start();
        List<String> tickets = openTickets(20);
        SimulatorRequests requests = SimulatorRequests.recordedAt(simulator);
        // Followed while the subscription had nothing to read, which it looks at again each second: watch once it reads.
        long opened = System.nanoTime();
        while (requests.ticketReads(opened).isEmpty()) {
            assertThat(System.nanoTime() - opened).as("time to the first read").isLessThan(TimeUnit.SECONDS.toNanos(10));
            Thread.sleep(5);
        }
        long from = requests.ticketReads(opened).get(0).at();

        Thread.sleep(interval.toMillis() * 2);

        long slice = TimeUnit.MILLISECONDS.toNanos(500);
        int[] perSlice = new int[8];
        for (SimulatorRequests.Seen read : requests.ticketReads(from)) {
            int index = (int) ((read.at() - from) / slice);
            if (index < perSlice.length) {
                perSlice[index]++;
            }
        }
        int total = 0;
        int busiest = 0;
        int slicesWithReads = 0;
        for (int count : perSlice) {
            total += count;
            busiest = Math.max(busiest, count);
            slicesWithReads += count > 0 ? 1 : 0;
        }
        // 20 tickets over 2 s: one read every 100 ms, about 5 in each half second, 40 in the 4 s watched.
        assertThat(total).as("reads in two intervals, per slice %s", java.util.Arrays.toString(perSlice)).isBetween(20, 60);
        assertThat(busiest).as("the busiest half second, per slice %s", java.util.Arrays.toString(perSlice)).isLessThanOrEqualTo(10);
        assertThat(slicesWithReads).as("half seconds with reads, per slice %s", java.util.Arrays.toString(perSlice))
                .isGreaterThanOrEqualTo(6);
        for (String ticket : tickets) {
            assertThat(requests.readsOf(ticket, from)).as("reads of %s", ticket).isBetween(1L, 4L);
        }
    }

    @Test
    void aTooManyRequestsAnswerHoldsTheReadsForItsRetryAfterAndLosesNothing() throws InterruptedException {
        client.close();
        // No transport retries: the subscription itself meets the 429.
        ProviderSettings settings = simulator.clientSettings();
        client = (MasStackClient) TicketingClients.create("masstack", ProviderSettings.of(settings.asMap(),
                settings.transport().toBuilder().retryPolicy(RetryPolicy.none()).build()));
        subscription = client.subscribe(events::add, SubscriptionOptions.builder("throttled")
                .pollInterval(Duration.ofSeconds(1)).build()).start();
        List<String> tickets = openTickets(10);
        SimulatorRequests requests = SimulatorRequests.recordedAt(simulator);
        Thread.sleep(500);

        simulator.answerTooManyRequests(1, Duration.ofSeconds(2));
        simulator.askForInformation(tickets.get(0), "¿Horario?");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (events.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        List<SimulatorRequests.Seen> reads = requests.ticketReads(0);
        int throttled = -1;
        for (int i = 0; i < reads.size(); i++) {
            if (reads.get(i).status() == 429) {
                throttled = i;
            }
        }
        assertThat(throttled).as("the 429 answered").isNotNegative().isLessThan(reads.size() - 1);
        long heldMillis = TimeUnit.NANOSECONDS.toMillis(reads.get(throttled + 1).at() - reads.get(throttled).at());
        assertThat(heldMillis).as("the wait after the 429, against reads 100 ms apart").isGreaterThanOrEqualTo(1_900);
        assertThat(reads.get(throttled + 1).ticketId()).as("the throttled read is made first").isEqualTo(reads.get(throttled).ticketId());
        assertThat(events).as("the change made meanwhile").singleElement()
                .satisfies(event -> assertThat(event.ticketId()).isEqualTo(tickets.get(0)));
        assertThat(subscription.health().running()).isTrue();
    }
}
