package dev.troubleticket.kosc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.feed.InMemoryCheckpointStore;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The account-wide feed followed through the neutral client: order and service events as provider events. */
class KoscFeedAsNeutralEventsTest {

    @Test
    void feedEventsBecomeProviderEventsKeepingTypeMessageDateAndPayload() {
        try (KoscSimulator kosc = new KoscSimulator().start(0);
             KoscClient client = (KoscClient) TicketingClients.create("kosc", kosc.clientSettings())) {
            kosc.emitOrderEvent("order-1", "order-submitted", Map.of("kosc_order_ref", "O170331_12004"));
            kosc.emitOrderEvent("order-1", "order-information-from-provider",
                    Map.of("message", "Awaiting the activation report", "description", "Activation Status Report"));
            kosc.emitServiceEvent("svc-1", "service-teleported", Map.of());
            List<TicketEvent> events = new ArrayList<>();

            client.followFeed(events::add, new InMemoryCheckpointStore(), Duration.ofSeconds(30)).pollOnce();

            assertThat(events).extracting(TicketEvent::providerType)
                    .containsExactly("order-submitted", "order-information-from-provider", "service-teleported");
            assertThat(events).allSatisfy(e -> {
                assertThat(e.kind()).isEqualTo(TicketEvent.Kind.PROVIDER_EVENT);
                assertThat(e.ticketId()).isNull();
                assertThat(e.id()).isNotBlank();
                assertThat(e.occurredAt()).isBefore(Instant.now().plusSeconds(1));
            });
            assertThat(events.get(1).comment()).isEqualTo("Awaiting the activation report");
            assertThat(events.get(0).raw().json()).contains("O170331_12004");
            // An event type this SDK does not know is kept, not dropped.
            assertThat(events.get(2).raw().json()).contains("service-teleported");
        }
    }
}
