package dev.troubleticket.kosc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.feed.FeedSubscription;
import dev.troubleticket.core.feed.InMemoryCheckpointStore;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The path {@code ticketctl demo} walks, with the neutral API only, while following the ticket's events. */
class NeutralLifecycleTest {
    private final KoscSimulator simulator = new KoscSimulator().start();
    private final TicketingClient client = TicketingClients.create("kosc", simulator.clientSettings());

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    @Test
    void ticketWalksFromCreationToClosedAndEveryStepIsFollowedAsNeutralEvents() {
        List<TicketEvent> seen = new ArrayList<>();
        FeedSubscription<TicketEvent> follow = ((KoscClient) client).followTickets(seen::add, new InMemoryCheckpointStore(),
                Duration.ofMillis(10));

        Ticket ticket = client.create(KoscTestData.neutralRequest("DEMO-1"));
        assertThat(ticket.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        follow.pollOnce();

        simulator.askForInformation(ticket.id(), "Is the modem powered on?");
        assertThat(client.get(ticket.id()).status()).isEqualTo(TicketStatus.WAITING_FOR_OPERATOR);
        follow.pollOnce();

        Ticket answered = client.transition(ticket.id(), StatusChange.to(TicketStatus.IN_PROGRESS).withComment("yes, it is"));
        assertThat(answered.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(answered.providerStatus()).isEqualTo("open");

        simulator.resolve(ticket.id(), "line resynchronised");
        assertThat(client.get(ticket.id()).status()).isEqualTo(TicketStatus.RESOLVED);
        follow.pollOnce();

        Ticket closed = client.transition(ticket.id(), StatusChange.to(TicketStatus.CLOSED));
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        follow.pollOnce();
        follow.pollOnce();

        assertThat(seen).extracting(TicketEvent::providerStatus)
                .containsExactly("open", "deferred", "open", "cleared", "closed");
        assertThat(seen).extracting(TicketEvent::status).containsExactly(TicketStatus.IN_PROGRESS,
                TicketStatus.WAITING_FOR_OPERATOR, TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED, TicketStatus.CLOSED);
        assertThat(seen).allSatisfy(event -> assertThat(event.ticketId()).isEqualTo(ticket.id()));
        assertThat(seen.get(1).comment()).isEqualTo("Is the modem powered on?");
        assertThat(seen.get(2).comment()).isEqualTo("yes, it is");
        assertThat(client.history(ticket.id())).extracting(TicketEvent::providerStatus)
                .containsExactly("open", "deferred", "open", "cleared", "closed");
    }

    @Test
    void followingInTheBackgroundDeliversTheDemoEventsOnce() throws Exception {
        List<TicketEvent> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        try (FeedSubscription<TicketEvent> follow = ((KoscClient) client).followTickets(seen::add, new InMemoryCheckpointStore(),
                Duration.ofMillis(20)).start()) {
            Ticket ticket = client.create(KoscTestData.neutralRequest("DEMO-2"));
            simulator.askForInformation(ticket.id(), "which floor?");
            client.transition(ticket.id(), StatusChange.to(TicketStatus.IN_PROGRESS));
            simulator.resolve(ticket.id(), "done");
            client.transition(ticket.id(), StatusChange.to(TicketStatus.CLOSED));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (seen.size() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(100);
        }
        assertThat(seen).extracting(TicketEvent::status).containsExactly(TicketStatus.IN_PROGRESS,
                TicketStatus.WAITING_FOR_OPERATOR, TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED, TicketStatus.CLOSED);
    }
}
