package dev.troubleticket.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.kosc.model.KoscEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedDrainTest {

    @Test
    void bothDrainsDeliverEveryEventOnceInFeedOrder() {
        try (KoscFeedServer feed = new KoscFeedServer(2_345)) {
            List<String> sdk = new ArrayList<>();
            List<String> hand = new ArrayList<>();

            assertThat(FeedDrain.sdk(feed, 1_000, (KoscEvent event) -> sdk.add(event.eventUuid()))).isEqualTo(2_345);
            assertThat(FeedDrain.handWritten(feed, 1_000, (JsonNode event) -> hand.add(event.get("event_uuid").asText())))
                    .isEqualTo(2_345);

            assertThat(sdk).doesNotHaveDuplicates().isEqualTo(hand);
            assertThat(sdk.get(0)).endsWith("000000000000");
            assertThat(sdk.get(2_344)).endsWith("000000002344");
        }
    }

    @Test
    void feedEventsAreTypedBySdkAsTheirKoscType() {
        try (KoscFeedServer feed = new KoscFeedServer(4)) {
            List<String> types = new ArrayList<>();
            FeedDrain.sdk(feed, 1_000, event -> types.add(event.type().value() + ":" + event.data().getClass().getSimpleName()));
            assertThat(types).containsExactly("order-submitted:OrderSubmitted", "order-completed:OrderCompleted",
                    "order-info:InfoMessage", "order-appointment-agreed:AppointmentAgreed");
        }
    }
}
