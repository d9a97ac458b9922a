package dev.troubleticket.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.model.TicketEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class FeedDrainTest {

    /** The event number {@code n} that {@link KoscFeedEvents#event(long)} put at the end of the event's uuid. */
    private static long number(String eventUuid) {
        return Long.parseLong(eventUuid.substring(eventUuid.lastIndexOf('-') + 1));
    }

    @Test
    void bothDrainsHandOverEveryEventOnceAndTheSubscriptionKeepsEachOrdersEventsInFeedOrder() {
        try (KoscFeedServer feed = new KoscFeedServer(2_345)) {
            List<String> sdk = Collections.synchronizedList(new ArrayList<>());
            Map<Long, List<Long>> perOrder = new ConcurrentHashMap<>();
            List<String> hand = new ArrayList<>();

            assertThat(FeedDrain.sdk(feed, (TicketEvent event) -> {
                sdk.add(event.id());
                perOrder.computeIfAbsent(number(event.id()) / 4, o -> Collections.synchronizedList(new ArrayList<>()))
                        .add(number(event.id()));
            })).isEqualTo(2_345);
            assertThat(FeedDrain.handWritten(feed, FeedDrain.STREAM_PAGE_SIZE,
                    (JsonNode event) -> hand.add(event.get("event_uuid").asText()))).isEqualTo(2_345);

            assertThat(sdk).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(hand);
            assertThat(hand.get(0)).endsWith("000000000000");
            assertThat(hand.get(2_344)).endsWith("000000002344");
            // Events of one order share a lane: they reach the handler in the feed's order.
            assertThat(perOrder).hasSize(587);
            perOrder.values().forEach(numbers -> assertThat(numbers).isSorted());
        }
    }

    @Test
    void feedEventsReachTheSubscriptionsHandlerAsProviderEventsOfTheirKoscTypeWithTheEventAsReceived() {
        try (KoscFeedServer feed = new KoscFeedServer(4)) {
            List<TicketEvent> events = Collections.synchronizedList(new ArrayList<>());
            FeedDrain.sdk(feed, events::add);

            // The four events are of one order, so on one lane, in feed order.
            assertThat(events).extracting(TicketEvent::kind).containsOnly(TicketEvent.Kind.PROVIDER_EVENT);
            assertThat(events).extracting(TicketEvent::providerType).containsExactly("order-submitted", "order-completed",
                    "order-info", "order-appointment-agreed");
            assertThat(events.get(2).comment()).isEqualTo("Appointment confirmed with the end customer");
            assertThat(events.get(1).raw().json()).contains("\"vlan\":835", "\"event_uuid\":\"e1e2e3e4-0000-4000-8000-000000000001\"");
        }
    }

    @Test
    void theHandWrittenWalkAsksForTheSamePagesAsTheSubscriptionsFeedStream() {
        try (KoscFeedServer feed = new KoscFeedServer(2_345)) {
            FeedDrain.sdk(feed, event -> { });
            long sdk = feed.requests();
            FeedDrain.handWritten(feed, FeedDrainBenchmark.PAGE_SIZE, event -> { });
            long hand = feed.requests() - sdk;

            // 23 full pages of 100 and the last of 45.
            assertThat(sdk).isEqualTo(24);
            assertThat(hand).isEqualTo(sdk);
        }
    }
}
