package dev.troubleticket.kosc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The path {@code ticketctl demo} walks, with the neutral API only, while the neutral subscription follows it. */
class NeutralLifecycleTest {
    private final KoscSimulator simulator = new KoscSimulator().start();
    private final TicketingClient client = TicketingClients.create("kosc", simulator.clientSettings());

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    private static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                Assertions.fail("not within 20 s: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void ticketWalksFromCreationToClosedAndEveryStepIsFollowedAsNeutralEvents() {
        List<TicketEvent> seen = new CopyOnWriteArrayList<>();
        try (TicketSubscription follow = client.subscribe(seen::add, SubscriptionOptions.builder("demo")
                .pollInterval(Duration.ofMillis(20)).build()).start()) {
            Ticket ticket = client.create(KoscTestData.neutralRequest("DEMO-1"));
            assertThat(ticket.status()).isEqualTo(TicketStatus.IN_PROGRESS);
            eventually("the creation", () -> seen.size() >= 1);

            simulator.askForInformation(ticket.id(), "Is the modem powered on?");
            assertThat(client.get(ticket.id()).status()).isEqualTo(TicketStatus.WAITING_FOR_OPERATOR);
            eventually("the question", () -> seen.size() >= 2);

            Ticket answered = client.transition(ticket.id(), StatusChange.to(TicketStatus.IN_PROGRESS).withComment("yes, it is"));
            assertThat(answered.status()).isEqualTo(TicketStatus.IN_PROGRESS);
            assertThat(answered.providerStatus()).isEqualTo("open");

            simulator.resolve(ticket.id(), "line resynchronised");
            assertThat(client.get(ticket.id()).status()).isEqualTo(TicketStatus.RESOLVED);
            eventually("the answer and the resolution", () -> seen.size() >= 4);

            Ticket closed = client.transition(ticket.id(), StatusChange.to(TicketStatus.CLOSED));
            assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
            eventually("the closure", () -> seen.size() >= 5);
            assertThat(follow.health().delivered()).isEqualTo(5);

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
    }
}
