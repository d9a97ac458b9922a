package dev.troubleticket.kosc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.contract.MutableClock;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.StartPosition;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The {@code feed} stream: Kosc's order and service events in the same subscription as the tickets', each once, in
 * creation order, across pages and restarts. Against the simulator on a real port.
 */
class KoscFeedStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final KoscSimulator simulator = new KoscSimulator(clock).start();
    private final KoscClient client = KoscClient.builder().baseUrl(simulator.baseUrl())
            .v2Login(KoscSimulator.EMAIL, KoscSimulator.PASSWORD).build();
    private final List<TicketSubscription> opened = new ArrayList<>();

    @AfterEach
    void stop() {
        opened.forEach(TicketSubscription::close);
        simulator.close();
    }

    private TicketSubscription subscribe(List<TicketEvent> into, SubscriptionOptions.Builder options) {
        TicketSubscription subscription = client.subscribe(into::add, options.pollInterval(Duration.ofMillis(100)).build());
        opened.add(subscription);
        return subscription.start();
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

    /** Emits events about two orders and two services; answers their uuids per order or service, in creation order. */
    private Map<String, List<String>> emit(int count, String prefix) {
        Map<String, List<String>> perObject = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            String object = prefix + (i % 3 == 2 ? "-service-" : "-order-") + (i % 2);
            perObject.computeIfAbsent(object, o -> new ArrayList<>()).add(i % 3 == 2
                    ? simulator.emitServiceEvent(object, "service-teleported", Map.of())
                    : simulator.emitOrderEvent(object, "order-running", Map.of("step", i)));
        }
        return perObject;
    }

    /** The ids received per order or service, in the order they reached the handler. */
    private static Map<String, List<String>> perObject(List<TicketEvent> events) {
        Map<String, List<String>> perObject = new TreeMap<>();
        for (TicketEvent event : events) {
            String object = event.raw().json().replaceAll(".*\"object_uuid\":\"([^\"]+)\".*", "$1");
            perObject.computeIfAbsent(object, o -> new ArrayList<>()).add(event.id());
        }
        return perObject;
    }

    @Test
    void orderAndServiceEventsComeOnceEachInCreationOrderAfterARestartToo() {
        Map<String, List<String>> first = emit(150, "a");
        SubscriptionStore store = new InMemorySubscriptionStore();
        List<TicketEvent> before = new CopyOnWriteArrayList<>();
        TicketSubscription subscription = subscribe(before, SubscriptionOptions.builder("feed").store(store));
        eventually("150 feed events, over two pages", () -> before.size() >= 150);
        subscription.close();
        assertThat(store.positions("feed").get("feed")).as("a sort_value, as Kosc gave it").isNotBlank().doesNotContain(" ");

        Map<String, List<String>> second = emit(20, "b");
        List<TicketEvent> after = new CopyOnWriteArrayList<>();
        subscribe(after, SubscriptionOptions.builder("feed").store(store));
        eventually("the 20 events emitted while stopped", () -> after.size() >= 20);

        // Each order's and each service's events in creation order; every event once, before or after the restart.
        assertThat(perObject(before)).isEqualTo(first);
        assertThat(perObject(after)).isEqualTo(second);
        assertThat(before).allSatisfy(event -> {
            assertThat(event.kind()).isEqualTo(TicketEvent.Kind.PROVIDER_EVENT);
            assertThat(event.ticketId()).isNull();
            assertThat(event.providerType()).isIn("order-running", "service-teleported");
            assertThat(event.raw().json()).contains(event.id());
        });
        String firstEvent = first.get("a-order-0").get(0);
        assertThat(before).filteredOn(event -> event.id().equals(firstEvent)).singleElement()
                .satisfies(event -> assertThat(event.raw().json()).contains("\"step\":0"));
    }

    @Test
    void aSubscriptionStartingAtAnInstantHandsOverOnlyTheFeedEventsCreatedSince() {
        emit(120, "old");
        clock.advance(Duration.ofSeconds(5));
        Instant start = clock.instant();
        Map<String, List<String>> recent = emit(4, "new");
        List<TicketEvent> received = new CopyOnWriteArrayList<>();
        SubscriptionStore store = new InMemorySubscriptionStore();
        subscribe(received, SubscriptionOptions.builder("from").store(store).start(StartPosition.at(start))
                .kinds(Set.of(TicketEvent.Kind.PROVIDER_EVENT)));
        eventually("the 4 recent events", () -> received.size() >= 4);
        eventually("the position out of its catching-up form", () -> store.positions("from").containsKey("feed")
                && !store.positions("from").get("feed").startsWith("v2"));

        Map<String, List<String>> later = emit(2, "later");
        eventually("the 2 later events", () -> received.size() >= 6);

        Map<String, List<String>> expected = new TreeMap<>(recent);
        expected.putAll(later);
        assertThat(perObject(received)).isEqualTo(expected);
        assertThat(store.positions("from")).as("no ticket stream for provider events only").doesNotContainKey("tickets");
    }

    @Test
    void feedAndTicketEventsComeThroughTheSameSubscription() {
        String ticket = client.create(simulator.sampleCreateRequest("FEED-AND-TICKETS")).id();
        simulator.defer(ticket, "which floor?");
        simulator.emitOrderEvent("order-7", "order-submitted", Map.of("kosc_order_ref", "O170331_12004"));
        List<TicketEvent> received = new CopyOnWriteArrayList<>();
        SubscriptionStore store = new InMemorySubscriptionStore();
        subscribe(received, SubscriptionOptions.builder("both").store(store));
        eventually("the ticket's two events and the order's", () -> received.size() >= 3);

        assertThat(received).extracting(TicketEvent::kind).containsExactlyInAnyOrder(TicketEvent.Kind.STATUS_CHANGE,
                TicketEvent.Kind.STATUS_CHANGE, TicketEvent.Kind.PROVIDER_EVENT);
        assertThat(received).filteredOn(e -> e.kind() == TicketEvent.Kind.STATUS_CHANGE).extracting(TicketEvent::providerStatus)
                .containsExactly("open", "deferred");
        assertThat(store.positions("both")).containsOnlyKeys("tickets", "feed");
    }
}
