package dev.troubleticket.nexera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The path {@code ticketctl demo} walks, through the neutral API only, with events followed by {@code subscribe}. */
class NeutralLifecycleTest {
    private NexeraSimulator simulator;
    private TicketingClient client;

    @BeforeEach
    void start() {
        simulator = new NexeraSimulator().start(0);
        client = TicketingClients.create("nexera", simulator.clientSettings());
    }

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    @Test
    void ticketWalksFromCreationToClosedWhileEventsArriveThroughTheHub() throws Exception {
        List<TicketEvent> events = new CopyOnWriteArrayList<>();
        SubscriptionStore store = new InMemorySubscriptionStore();
        TicketSubscription subscription = client.subscribe(events::add, SubscriptionOptions.builder("demo").store(store)
                .callback(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null).build()).start();
        String hubId = store.hub("demo").orElseThrow().hubId();
        try {
            assertThat(simulator.hubs()).containsKey(hubId);

            Ticket ticket = client.create(CreateTicketRequest.builder().externalReference("DEMO-1").serviceId("FTTH-42")
                    .title("No sync").description("ONT shows LOS").build());
            assertThat(ticket.status()).isEqualTo(TicketStatus.SUBMITTED);

            simulator.askForInformation(ticket.id(), "When is the customer at home?");
            assertThat(client.get(ticket.id()).status()).isEqualTo(TicketStatus.WAITING_FOR_OPERATOR);
            await(events, e -> e.status() == TicketStatus.WAITING_FOR_OPERATOR);

            Ticket answered = client.transition(ticket.id(), StatusChange.to(TicketStatus.IN_PROGRESS).withComment("from 9 to 12"));
            assertThat(answered.status()).isEqualTo(TicketStatus.IN_PROGRESS);
            await(events, e -> e.status() == TicketStatus.IN_PROGRESS);

            simulator.resolve(ticket.id(), "fibre spliced");
            assertThat(client.get(ticket.id()).status()).isEqualTo(TicketStatus.RESOLVED);
            await(events, e -> e.status() == TicketStatus.RESOLVED);

            Ticket closed = client.transition(ticket.id(), StatusChange.to(TicketStatus.CLOSED));
            assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
            await(events, e -> e.status() == TicketStatus.CLOSED);

            assertThat(events).allSatisfy(e -> assertThat(e.ticketId()).isEqualTo(ticket.id()));
            assertThat(events).extracting(TicketEvent::providerType).contains("TroubleTicketCreateEvent",
                    "TroubleTicketInformationRequiredEvent", "TroubleTicketResolvedEvent", "TroubleTicketStatusChangeEvent");
            assertThat(client.history(ticket.id())).extracting(TicketEvent::status).containsSubsequence(TicketStatus.SUBMITTED,
                    TicketStatus.WAITING_FOR_OPERATOR, TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED, TicketStatus.CLOSED);
        } finally {
            subscription.cancel();
        }
        assertThat(simulator.hubs()).as("cancelling unregisters the hub").doesNotContainKey(hubId);
    }

    static void await(List<TicketEvent> events, Predicate<TicketEvent> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (events.stream().noneMatch(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching event arrived; got " + events);
            }
            Thread.sleep(10);
        }
    }
}
