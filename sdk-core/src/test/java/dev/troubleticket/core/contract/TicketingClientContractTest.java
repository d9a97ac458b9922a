package dev.troubleticket.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.Capability;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.error.NotFoundException;
import dev.troubleticket.core.error.UnsupportedCapabilityException;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.model.AllowedTransition;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketQuery;
import dev.troubleticket.core.model.TicketStatus;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every adapter's neutral client must show, run against the adapter's simulator. Each
 * adapter module extends this class (as jclouds' {@code BaseBlobIntegrationTest} is extended), so that
 * the neutral API means the same on every provider.
 */
public abstract class TicketingClientContractTest {

    /** Plays the provider's side of the lifecycle on the simulator. */
    public interface ProviderSide {
        /** The provider clears / resolves the ticket. */
        void resolve(String ticketId);

        /** The provider asks the operator for more information (defers the ticket). */
        void askForInformation(String ticketId);

        /** A provider side made of its two moves, for a simulator whose moves are one call each. */
        static ProviderSide of(Consumer<String> resolve, Consumer<String> askForInformation) {
            return new ProviderSide() {
                @Override
                public void resolve(String ticketId) {
                    resolve.accept(ticketId);
                }

                @Override
                public void askForInformation(String ticketId) {
                    askForInformation.accept(ticketId);
                }
            };
        }
    }

    protected TicketingClient client;

    /** A new client connected to a fresh simulator. */
    protected abstract TicketingClient newClient();

    /** The provider's side of the same simulator. */
    protected abstract ProviderSide providerSide();

    /** A create request the provider accepts, with the given external reference. */
    protected abstract CreateTicketRequest validCreateRequest(String externalReference);

    /** A create request that breaks at least two of the provider's rules the SDK can check. */
    protected abstract CreateTicketRequest requestBreakingTwoRules();

    /** The type of the provider's own typed API, reachable through {@code unwrap}. */
    protected abstract Class<?> providerApiType();

    /** Stops the simulator. */
    protected abstract void stopSimulator();

    @BeforeEach
    void startClient() {
        client = newClient();
    }

    @AfterEach
    void stopClient() {
        client.close();
        stopSimulator();
    }

    private Ticket openTicket() {
        return client.create(validCreateRequest("REF-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    @Test
    void createdTicketCanBeReadBackWithProviderStatusAndRawPayload() {
        String reference = "REF-" + UUID.randomUUID().toString().substring(0, 8);
        Ticket created = client.create(validCreateRequest(reference));

        Ticket read = client.get(created.id());

        assertThat(read.id()).isEqualTo(created.id());
        assertThat(read.provider()).isEqualTo(client.provider());
        assertThat(read.externalReference()).isEqualTo(reference);
        assertThat(read.status()).isIn(TicketStatus.SUBMITTED, TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS);
        assertThat(read.providerStatus()).isNotBlank();
        assertThat(read.raw().json()).contains(reference);
    }

    @Test
    void invalidCreateIsRefusedBeforeSendingListingEveryViolation() {
        assertThatThrownBy(() -> client.create(requestBreakingTwoRules()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.reachedProvider()).isFalse();
                    assertThat(e.violations()).hasSizeGreaterThanOrEqualTo(2);
                });
    }

    @Test
    void unknownTicketIsNotFound() {
        assertThatThrownBy(() -> client.get("does-not-exist-42")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listingFindsTheNewTicketOrIsDeclaredUnsupported() {
        Ticket created = openTicket();
        if (client.supports(Capability.LIST)) {
            assertThat(client.list(TicketQuery.all()).stream().map(Ticket::id)).contains(created.id());
        } else {
            assertThatThrownBy(() -> client.list(TicketQuery.all())).isInstanceOf(UnsupportedCapabilityException.class);
        }
    }

    @Test
    void commentAppearsInHistory() {
        Ticket created = openTicket();
        String text = "line checked at the customer's premises " + UUID.randomUUID();
        if (!client.supports(Capability.COMMENT)) {
            assertThatThrownBy(() -> client.comment(created.id(), text)).isInstanceOf(UnsupportedCapabilityException.class);
            return;
        }
        client.comment(created.id(), text);
        if (client.supports(Capability.HISTORY)) {
            List<TicketEvent> history = client.history(created.id());
            assertThat(history).extracting(TicketEvent::comment).contains(text);
        }
    }

    @Test
    void closingATicketThatIsNotResolvedIsRefusedBeforeSending() {
        Ticket created = openTicket();
        assertThat(client.allowedTransitions(created.id())).extracting(AllowedTransition::target)
                .doesNotContain(TicketStatus.CLOSED);
        assertThatThrownBy(() -> client.transition(created.id(), StatusChange.to(TicketStatus.CLOSED)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reachedProvider()).isFalse());
    }

    @Test
    void resolvedTicketCanBeClosed() {
        Ticket created = openTicket();
        providerSide().resolve(created.id());
        assertThat(client.get(created.id()).status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(client.allowedTransitions(created.id())).extracting(AllowedTransition::target).contains(TicketStatus.CLOSED);

        Ticket closed = client.transition(created.id(), StatusChange.to(TicketStatus.CLOSED).withComment("fault cleared, thank you"));

        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(client.get(created.id()).status()).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void answeringAnInformationRequestHandsTheTicketBack() {
        Ticket created = openTicket();
        providerSide().askForInformation(created.id());
        assertThat(client.get(created.id()).status()).isEqualTo(TicketStatus.WAITING_FOR_OPERATOR);

        Ticket answered = client.transition(created.id(),
                StatusChange.to(TicketStatus.IN_PROGRESS).withComment("the customer is home from 9 to 12"));

        assertThat(answered.status()).isEqualTo(TicketStatus.IN_PROGRESS);
    }

    @Test
    void unwrapGivesTheProviderApiOrTheClientItselfAndRefusesOtherTypesNamingWhatIsOffered() {
        assertThat(client.unwrap(providerApiType())).isInstanceOf(providerApiType());
        assertThat(client.unwrap(client.getClass())).isSameAs(client);
        assertThat(client.unwrap(TicketingClient.class)).isSameAs(client);
        assertThat(client.unwrap(Object.class)).as("the typed API comes first").isInstanceOf(providerApiType());
        assertThatThrownBy(() -> client.unwrap(Runnable.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(client.provider()).hasMessageContaining(providerApiType().getSimpleName())
                .hasMessageContaining(Runnable.class.getName());
        assertThatThrownBy(() -> client.unwrap(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void asyncFaceCompletesWithTheSameTicket() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Ticket created = client.async(executor).create(validCreateRequest("ASYNC-" + UUID.randomUUID().toString().substring(0, 6)))
                    .get(30, TimeUnit.SECONDS);
            assertThat(client.async(executor).get(created.id()).get(30, TimeUnit.SECONDS).id()).isEqualTo(created.id());
        } finally {
            executor.shutdownNow();
        }
    }
}
