package dev.troubleticket.kosc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.contract.MutableClock;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.StartPosition;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketEventHandler;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.Commit;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.core.subscription.store.Lease;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The {@code tickets} stream never skips: however many tickets changed between two polls, a poll reads a bounded
 * number of pages and the next goes on where it stopped; a restart goes on from the store; a ticket that changes
 * while the scan has not reached it yet loses none of its events. Against the simulator on a real port.
 */
class KoscTicketBacklogTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final KoscSimulator simulator = new KoscSimulator(clock).start();
    private final Requests requests = new Requests();
    private final List<TicketSubscription> opened = new ArrayList<>();

    KoscTicketBacklogTest() {
        simulator.server().interpose(requests::in);
    }

    @AfterEach
    void stop() {
        opened.forEach(TicketSubscription::close);
        simulator.close();
    }

    private KoscClient client(int pagesPerPoll) {
        return KoscClient.builder().baseUrl(simulator.baseUrl()).v2Login(KoscSimulator.EMAIL, KoscSimulator.PASSWORD)
                .ticketScanPagesPerPoll(pagesPerPoll).build();
    }

    private TicketSubscription subscribe(KoscClient client, TicketEventHandler handler, SubscriptionOptions.Builder options) {
        TicketSubscription subscription = client.subscribe(handler, options.pollInterval(Duration.ofMillis(100))
                .kinds(java.util.Set.of(TicketEvent.Kind.COMMENT, TicketEvent.Kind.STATUS_CHANGE)).build());
        opened.add(subscription);
        return subscription.start();
    }

    /** Counts what the handler got, per event. */
    private static final class Tally implements TicketEventHandler {
        final Map<String, Integer> perEvent = new ConcurrentHashMap<>();
        final Map<String, List<String>> commentsPerTicket = new ConcurrentHashMap<>();

        @Override
        public void handle(TicketEvent event) {
            perEvent.merge(event.ticketId() + "/" + event.id(), 1, Integer::sum);
            commentsPerTicket.computeIfAbsent(event.ticketId(), t -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(event.comment());
        }

        int delivered() {
            return perEvent.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The simulator's requests, counted by kind, with actions run before the n-th page read after a cursor. */
    private static final class Requests {
        final AtomicInteger eventReads = new AtomicInteger();
        final AtomicInteger continuations = new AtomicInteger();
        final Map<Integer, Runnable> beforeContinuation = new ConcurrentHashMap<>();

        Dispatcher in(Dispatcher simulator) {
            return new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    String path = request.getUrl().encodedPath();
                    if (path.matches("/api/tickets/[^/]+/events/") && request.getMethod().equals("GET")) {
                        eventReads.incrementAndGet();
                    } else if (path.equals("/api/tickets/") && request.getUrl().queryParameter("after") != null) {
                        Runnable action = beforeContinuation.remove(continuations.incrementAndGet());
                        if (action != null) {
                            action.run();
                        }
                    }
                    return simulator.dispatch(request);
                }
            };
        }
    }

    private static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                Assertions.fail("not within " + WAIT + ": " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Opens tickets, then moves the simulator's clock on, so that a subscription starting then sees none of their events. */
    private List<String> ticketsOpenedBefore(int count) {
        List<String> ids = simulator.seedTickets(count);
        clock.advance(Duration.ofSeconds(1));
        return ids;
    }

    /** The simulator's present, as a start position (the subscription's own clock is the system's). */
    private StartPosition now() {
        return StartPosition.at(clock.instant());
    }

    /** Whether a stored position's horizon is its mark: no event older than the last completed scan's top comes again. */
    private static boolean horizonCaughtUp(String position) {
        java.util.regex.Matcher mark = java.util.regex.Pattern.compile(" m=(\\S+)").matcher(position);
        java.util.regex.Matcher horizon = java.util.regex.Pattern.compile(" h=(\\S+)").matcher(position);
        return mark.find() && horizon.find() && mark.group(1).equals(horizon.group(1));
    }

    private static Map<String, Integer> expectedOnce(Map<String, Integer> delivered) {
        Map<String, Integer> once = new HashMap<>();
        delivered.keySet().forEach(key -> once.put(key, 1));
        return once;
    }

    @Test
    void fiveThousandTicketsChangedBetweenTwoPollsAreEachDeliveredExactlyOnce() {
        List<String> ids = ticketsOpenedBefore(5_000);
        SubscriptionStore store = new InMemorySubscriptionStore();
        Tally tally = new Tally();
        subscribe(client(4), tally, SubscriptionOptions.builder("backlog").store(store).start(now()));
        eventually("the first poll recorded", () -> store.positions("backlog").containsKey("tickets"));

        simulator.addKoscComments(ids, "network incident cleared");
        eventually("5,000 comments", () -> tally.perEvent.size() >= 5_000);
        int readsWhenDone = requests.eventReads.get();
        eventually("the scan completed", () -> !store.positions("backlog").get("tickets").contains(" c="));

        assertThat(tally.perEvent).hasSize(5_000).containsAllEntriesOf(expectedOnce(tally.perEvent));
        assertThat(tally.commentsPerTicket).hasSize(5_000).allSatisfy((ticket, comments) ->
                assertThat(comments).containsExactly("network incident cleared"));
        // 13 polls of at most 4 pages: the backlog was read across polls, each ticket's events once.
        assertThat(requests.continuations.get()).isGreaterThanOrEqualTo(49);
        assertThat(readsWhenDone).isEqualTo(5_000);
        // No ticket overtook the scan: the horizon caught up with the mark at once.
        assertThat(horizonCaughtUp(store.positions("backlog").get("tickets"))).isTrue();
    }

    @Test
    void aRestartFromTheStoreInTheMiddleOfTheBacklogLosesNothingAndRepeatsNothing() throws Exception {
        List<String> ids = ticketsOpenedBefore(2_000);
        SubscriptionStore store = new InMemorySubscriptionStore();
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        Tally before = new Tally();
        TicketEventHandler stopsAfter1000 = event -> {
            if (calls.incrementAndGet() > 1_000) {
                // The back office stops answering: the subscription is closed while these wait.
                gate.await(10, TimeUnit.SECONDS);
            }
            before.handle(event);
        };
        TicketSubscription first = subscribe(client(3), stopsAfter1000, SubscriptionOptions.builder("restart").store(store)
                .start(now()));
        eventually("the first poll recorded", () -> store.positions("restart").containsKey("tickets"));
        simulator.addKoscComments(ids, "line checked");
        eventually("1,000 comments and the four handler threads held", () -> calls.get() >= 1_004);

        Thread closing = new Thread(first::close);
        closing.start();
        eventually("the first subscription stopping", () -> !first.health().running());
        gate.countDown();
        closing.join(10_000);
        String stored = store.positions("restart").get("tickets");
        assertThat(stored).as("stopped in the middle of the backlog").contains(" c=");
        int readsBefore = requests.eventReads.get();

        Tally after = new Tally();
        subscribe(client(3), after, SubscriptionOptions.builder("restart").store(store).start(now()));
        eventually("every comment handled once", () -> before.perEvent.size() + after.perEvent.size() >= 2_000);
        eventually("the scan completed", () -> !store.positions("restart").get("tickets").contains(" c="));

        assertThat(after.perEvent.keySet()).as("handled before the restart").doesNotContainAnyElementsOf(before.perEvent.keySet());
        Map<String, Integer> all = new HashMap<>(before.perEvent);
        after.perEvent.forEach((key, count) -> all.merge(key, count, Integer::sum));
        assertThat(all).hasSize(2_000).containsAllEntriesOf(expectedOnce(all));
        // It went on from the stored cursor (after 600 tickets at least: two polls of 300 handled before the stop).
        assertThat(requests.eventReads.get() - readsBefore).isLessThanOrEqualTo(2_000 - 600);
    }

    @Test
    void aTicketOfTheUnreadBacklogChangedDuringTheScanLosesNoneOfItsEvents() {
        List<String> ids = ticketsOpenedBefore(300);
        String bottom = ids.get(0);
        SubscriptionStore store = new InMemorySubscriptionStore();
        Tally tally = new Tally();
        subscribe(client(1), tally, SubscriptionOptions.builder("jump").store(store).start(now()));
        eventually("the first poll recorded", () -> store.positions("jump").containsKey("tickets"));

        // The bottom ticket of the backlog changes while the scan is one page down: it jumps above the cursor.
        requests.beforeContinuation.put(1, () -> simulator.addKoscComment(bottom, "second look"));
        simulator.addKoscComments(ids, "first look");
        eventually("301 comments", () -> tally.perEvent.size() >= 301);
        eventually("the scans completed", () -> !store.positions("jump").get("tickets").contains(" c="));

        assertThat(tally.commentsPerTicket.get(bottom)).containsExactly("first look", "second look");
        assertThat(tally.perEvent).hasSize(301).containsAllEntriesOf(expectedOnce(tally.perEvent));
        // The scan after the overtaken one, one page long, brought the horizon up to the mark.
        eventually("the horizon caught up", () -> horizonCaughtUp(store.positions("jump").get("tickets")));
    }

    @Test
    void aTicketThatOvertakesTwoScansInARowLosesNoneOfItsEvents() {
        List<String> ids = ticketsOpenedBefore(300);
        String bottom = ids.get(0);
        SubscriptionStore store = new InMemorySubscriptionStore();
        Tally tally = new Tally();
        subscribe(client(1), tally, SubscriptionOptions.builder("twice").store(store).start(now()));
        eventually("the first poll recorded", () -> store.positions("twice").containsKey("tickets"));

        // First scan (3 pages): at its second page the bottom ticket changes, then the 100 tickets of its first page,
        // so that the next scan holds two pages and the bottom ticket is on the second.
        requests.beforeContinuation.put(1, () -> {
            simulator.addKoscComment(bottom, "second look");
            simulator.addKoscComments(ids.subList(200, 300), "second look");
        });
        // Second scan: at its second page the bottom ticket changes again, before that page reached it.
        requests.beforeContinuation.put(3, () -> simulator.addKoscComment(bottom, "third look"));
        simulator.addKoscComments(ids, "first look");
        eventually("402 comments", () -> tally.perEvent.size() >= 402);
        eventually("the scans completed", () -> requests.continuations.get() >= 3
                && !store.positions("twice").get("tickets").contains(" c="));

        assertThat(tally.commentsPerTicket.get(bottom)).containsExactly("first look", "second look", "third look");
        assertThat(tally.perEvent).hasSize(402).containsAllEntriesOf(expectedOnce(tally.perEvent));
    }

    @Test
    void whenTheOptionsNameTicketsOnlyTheirEventsAreRead() {
        List<String> ids = ticketsOpenedBefore(50);
        SubscriptionStore store = new InMemorySubscriptionStore();
        Tally tally = new Tally();
        subscribe(client(5), tally, SubscriptionOptions.builder("named").store(store).start(now())
                .tickets(java.util.Set.of(ids.get(3), ids.get(7))));
        eventually("the first poll recorded", () -> store.positions("named").containsKey("tickets"));

        simulator.addKoscComments(ids, "checked");
        eventually("the two named tickets' comments", () -> tally.perEvent.size() >= 2);
        eventually("the scan completed", () -> requests.continuations.get() == 0
                && store.positions("named").get("tickets").contains(" mk=" + ids.get(49)));

        assertThat(tally.commentsPerTicket).containsOnlyKeys(ids.get(3), ids.get(7));
        assertThat(requests.eventReads.get()).isEqualTo(2);
        assertThat(store.positions("named")).doesNotContainKey("feed");
    }

    @Test
    void anOldBareInstantPositionIsReadAsTheMark() {
        List<String> ids = ticketsOpenedBefore(3);
        simulator.addKoscComment(ids.get(0), "before the checkpoint");
        clock.advance(Duration.ofSeconds(1));
        Instant checkpoint = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        simulator.addKoscComment(ids.get(1), "after the checkpoint");
        SubscriptionStore store = new InMemorySubscriptionStore();
        Lease lease = store.acquireLease("old", "migration", Duration.ofSeconds(5)).orElseThrow();
        // What the former followTickets kept under kosc-tickets: the creation instant of the last handled event.
        store.commit(lease, Commit.position("old", "tickets", checkpoint.toString()));
        store.releaseLease(lease);

        Tally tally = new Tally();
        subscribe(client(5), tally, SubscriptionOptions.builder("old").store(store));
        eventually("the comment made after the checkpoint", () -> tally.perEvent.size() >= 1);
        eventually("the position rewritten in this version's form", () -> store.positions("old").get("tickets").startsWith("v2 "));

        assertThat(tally.commentsPerTicket).containsOnlyKeys(ids.get(1));
        assertThat(tally.commentsPerTicket.get(ids.get(1))).containsExactly("after the checkpoint");
    }

    @Test
    void anUnreadableStoredPositionIsReportedAndNothingIsHandedOver() {
        List<String> ids = ticketsOpenedBefore(2);
        simulator.addKoscComment(ids.get(0), "unseen");
        SubscriptionStore store = new InMemorySubscriptionStore();
        Lease lease = store.acquireLease("odd", "test", Duration.ofSeconds(5)).orElseThrow();
        store.commit(lease, Commit.position("odd", "tickets", "yesterday at noon"));
        store.releaseLease(lease);

        Tally tally = new Tally();
        TicketSubscription subscription = subscribe(client(5), tally, SubscriptionOptions.builder("odd").store(store));
        eventually("the problem reported", () -> subscription.health().lastError() != null);

        assertThat(subscription.health().lastError()).contains("cannot be read").contains("yesterday at noon")
                .contains("Remove it from the subscription store");
        assertThat(subscription.health().running()).isTrue();
        assertThat(tally.perEvent).isEmpty();
        assertThat(store.positions("odd").get("tickets")).isEqualTo("yesterday at noon");
    }
}
