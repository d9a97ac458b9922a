package dev.troubleticket.masstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The path {@code ticketctl demo} walks, with the neutral API only: create, the provider asks for
 * information, the operator answers, the provider resolves, the operator closes; events followed by a
 * subscription meanwhile.
 */
class NeutralLifecycleTest {
    private MasStackSimulator simulator;
    private TicketingClient client;

    @BeforeEach
    void start() {
        simulator = new MasStackSimulator().start(0);
        client = TicketingClients.create("masstack", simulator.clientSettings());
    }

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    private static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                Assertions.fail("not within 15 s: " + what);
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
    void ticketWalksFromCreationToClosingWithEveryChangeSeenByTheSubscription() {
        List<TicketEvent> events = new CopyOnWriteArrayList<>();
        InMemorySubscriptionStore store = new InMemorySubscriptionStore();
        try (TicketSubscription subscription = client.subscribe(events::add, SubscriptionOptions.builder("demo")
                .store(store).pollInterval(Duration.ofMillis(50)).build())) {
            subscription.start();

            Ticket created = client.create(Fixtures.neutralRequest("ONV-1024").build());
            assertThat(created.id()).matches("RED-\\d+");
            assertThat(created.status()).isEqualTo(TicketStatus.IN_PROGRESS);

            // Each step waits for the subscription to see the last: a state passed through between two reads is not seen.
            simulator.askForInformation(created.id(), "¿A qué hora está el cliente en casa?");
            assertThat(client.get(created.id()).status()).isEqualTo(TicketStatus.WAITING_FOR_OPERATOR);
            eventually("the information request", () -> events.size() == 1);

            Ticket answered = client.transition(created.id(),
                    StatusChange.to(TicketStatus.IN_PROGRESS).withComment("El cliente está en casa de 9 a 12"));
            assertThat(answered.status()).isEqualTo(TicketStatus.IN_PROGRESS);
            eventually("the answer", () -> events.size() == 2);

            simulator.resolve(created.id(), "CTO reparada");
            assertThat(client.get(created.id()).status()).isEqualTo(TicketStatus.RESOLVED);
            eventually("the resolution", () -> events.size() == 3);

            Ticket closed = client.transition(created.id(), StatusChange.to(TicketStatus.CLOSED));
            assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
            assertThat(closed.providerStatus()).isEqualTo("CLOSED");
            eventually("the closing", () -> events.size() == 4);

            assertThat(simulator.transactions(created.id())).containsExactly("TU01", "TO05", "TU06", "TO07", "TU09");
            // No close-out configured: the one the territory owner's resolution wrote on the ticket is sent back.
            assertThat(simulator.ticket(created.id())).containsEntry("closeOutType", MasStackSimulator.RESOLUTION_CLOSE_OUT_TYPE)
                    .containsEntry("closeOutNarr", "CTO reparada");
            assertThat(events).extracting(TicketEvent::providerType).containsExactly("TO05", "TU06", "TO07", "TU09");
            assertThat(events).extracting(TicketEvent::status).containsExactly(TicketStatus.WAITING_FOR_OPERATOR,
                    TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED, TicketStatus.CLOSED);
            assertThat(events.get(0).comment()).isEqualTo("¿A qué hora está el cliente en casa?");
            assertThat(events.get(1).comment()).isEqualTo("El cliente está en casa de 9 a 12");
            assertThat(events).allSatisfy(e -> assertThat(e.ticketId()).isEqualTo(created.id()));
            eventually("the closed ticket no longer followed", () -> store.followed("demo").isEmpty());
        }
    }

    @Test
    void cancellationRequestCanBeAcceptedThroughTheNeutralApi() {
        Ticket created = client.create(Fixtures.neutralRequest("ONV-2048").build());
        simulator.requestCancellation(created.id(), "Duplicada de RED-12");
        assertThat(client.get(created.id()).status()).isEqualTo(TicketStatus.CANCELLATION_REQUESTED);
        assertThat(client.allowedTransitions(created.id())).extracting(t -> t.target() + "/" + t.providerAction())
                .containsExactly("CANCELLED/TU03", "IN_PROGRESS/TU04");

        Ticket cancelled = client.transition(created.id(), StatusChange.to(TicketStatus.CANCELLED));

        assertThat(cancelled.status()).isEqualTo(TicketStatus.CANCELLED);
        assertThat(simulator.state(created.id())).isEqualTo("CLOSED.CANCELED");
    }

    @Test
    void commentIsSentAsTu10AndRefusedOnceTheTicketIsClosed() {
        Ticket created = client.create(Fixtures.neutralRequest("ONV-3").build());

        TicketEvent comment = client.comment(created.id(), "El cliente confirma el corte");

        assertThat(comment.kind()).isEqualTo(TicketEvent.Kind.COMMENT);
        assertThat(comment.providerType()).isEqualTo("TU10");
        assertThat(comment.comment()).isEqualTo("El cliente confirma el corte");
        assertThat(simulator.dialogHistory(created.id())).endsWith("TU: El cliente confirma el corte");
        assertThat(client.get(created.id()).status()).isEqualTo(TicketStatus.IN_PROGRESS);

        simulator.resolve(created.id(), "reparada");
        client.transition(created.id(), StatusChange.to(TicketStatus.CLOSED).withCloseOutCode("FIBRA"));
        int requests = simulator.server().requestCount();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.comment(created.id(), "¿sigue?"))
                .isInstanceOfSatisfying(dev.troubleticket.core.error.ValidationException.class,
                        e -> assertThat(e.reachedProvider()).isFalse());
        assertThat(simulator.server().requestCount()).as("only the read of the state").isEqualTo(requests + 1);
    }

    @Test
    void answeringAnInformationRequestWithoutTextIsRefusedBeforeSending() {
        Ticket created = client.create(Fixtures.neutralRequest("ONV-4").build());
        simulator.askForInformation(created.id(), "¿Horario?");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> client.transition(created.id(), StatusChange.to(TicketStatus.IN_PROGRESS)))
                .isInstanceOfSatisfying(dev.troubleticket.core.error.ValidationException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("dialog"));
        assertThat(client.allowedTransitions(created.id())).singleElement()
                .satisfies(t -> assertThat(t.needsComment()).isTrue());
    }

    @Test
    void providerNamesOfTransactionsAndStatesAreAccepted() {
        Ticket first = client.create(Fixtures.neutralRequest("ONV-1").build());
        simulator.resolve(first.id(), "reparada");
        client.transition(first.id(), StatusChange.toProviderStatus("TU08").withComment("sigue sin navegar"));
        assertThat(simulator.state(first.id())).isEqualTo("OPENACTIVE");

        Ticket second = client.create(Fixtures.neutralRequest("ONV-2").build());
        simulator.resolve(second.id(), "reparada");
        client.transition(second.id(), StatusChange.toProviderStatus("CLOSED").withCloseOutCode("FIBRA_REPARADA"));
        assertThat(simulator.ticket(second.id())).containsEntry("closeOutType", "FIBRA_REPARADA");
        assertThat(simulator.transactions(second.id())).endsWith("TU09");
    }
}
