package dev.troubleticket.kosc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The account-wide feed followed through the neutral client: order and service events as provider events. */
class KoscFeedAsNeutralEventsTest {

    @Test
    void feedEventsBecomeProviderEventsKeepingTypeMessageDateAndPayload() throws InterruptedException {
        try (KoscSimulator kosc = new KoscSimulator().start(0);
             KoscClient client = (KoscClient) TicketingClients.create("kosc", kosc.clientSettings())) {
            kosc.emitOrderEvent("order-1", "order-submitted", Map.of("kosc_order_ref", "O170331_12004"));
            kosc.emitOrderEvent("order-1", "order-information-from-provider",
                    Map.of("message", "Awaiting the activation report", "description", "Activation Status Report"));
            kosc.emitServiceEvent("svc-1", "service-teleported", Map.of());
            List<TicketEvent> events = new CopyOnWriteArrayList<>();

            try (TicketSubscription feed = client.subscribe(events::add, SubscriptionOptions.builder("feed")
                    .kinds(Set.of(TicketEvent.Kind.PROVIDER_EVENT)).build()).start()) {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (events.size() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            }

            // The order's two events in their order; the service's on a lane of its own.
            assertThat(events).extracting(TicketEvent::providerType)
                    .containsExactlyInAnyOrder("order-submitted", "order-information-from-provider", "service-teleported");
            assertThat(events).extracting(TicketEvent::providerType).filteredOn(type -> type.startsWith("order"))
                    .containsExactly("order-submitted", "order-information-from-provider");
            assertThat(events).allSatisfy(e -> {
                assertThat(e.kind()).isEqualTo(TicketEvent.Kind.PROVIDER_EVENT);
                assertThat(e.ticketId()).isNull();
                assertThat(e.id()).isNotBlank();
                assertThat(e.occurredAt()).isBefore(Instant.now().plusSeconds(1));
            });
            assertThat(ofType(events, "order-information-from-provider").comment()).isEqualTo("Awaiting the activation report");
            assertThat(ofType(events, "order-submitted").raw().json()).contains("O170331_12004");
            // An event type this SDK does not know is kept, not dropped.
            assertThat(ofType(events, "service-teleported").raw().json()).contains("svc-1");
        }
    }

    private static TicketEvent ofType(List<TicketEvent> events, String type) {
        return events.stream().filter(e -> type.equals(e.providerType())).findFirst().orElseThrow();
    }
}
