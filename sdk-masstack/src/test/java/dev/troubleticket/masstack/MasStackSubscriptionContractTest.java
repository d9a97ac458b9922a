package dev.troubleticket.masstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.contract.SubscriptionContractTest;
import dev.troubleticket.core.contract.TicketingClientContractTest;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import java.time.Duration;

/**
 * The neutral subscription's contract, against the MasStack simulator: followed tickets read again every 100 ms. The
 * territory owner resolves only an open ticket, so a resolution after an information request is preceded by the
 * operator's answer (TU06), as in real life.
 */
class MasStackSubscriptionContractTest extends SubscriptionContractTest {
    private MasStackSimulator simulator;

    @Override
    protected TicketingClient newClient(TransportOptions transport) {
        simulator = new MasStackSimulator().start(0);
        return TicketingClients.create("masstack", ProviderSettings.of(simulator.clientSettings().asMap(), transport));
    }

    @Override
    protected TicketingClientContractTest.ProviderSide providerSide() {
        return new TicketingClientContractTest.ProviderSide() {
            @Override
            public void resolve(String ticketId) {
                if ("DEFERRED.AWAITING-INFORMATION".equals(simulator.state(ticketId))) {
                    // The territory owner resolves only an open ticket: the operator answers its question first (TU06).
                    client.unwrap(MasStackApi.class).sendAdditionalInformation(ticketId, "The customer is home after 18:00");
                }
                simulator.resolve(ticketId, "CTO repaired, line synchronised");
            }

            @Override
            public void askForInformation(String ticketId) {
                simulator.askForInformation(ticketId, "When is the customer at home?");
            }
        };
    }

    @Override
    protected CreateTicketRequest validCreateRequest(String externalReference) {
        return simulator.sampleCreateRequest(externalReference);
    }

    @Override
    protected SubscriptionOptions.Builder options(String name) {
        return SubscriptionOptions.builder(name).pollInterval(Duration.ofMillis(100));
    }

    @Override
    protected void checkLifecycleEvents(LifecycleRun run) {
        // Followed from its creation on: the creation itself (TU01) is not an event, each transaction after it is.
        assertThat(run.events()).extracting(TicketEvent::providerType).containsExactly("TO05", "TU06", "TO07", "TU09");
        assertThat(run.events()).extracting(TicketEvent::status).containsExactly(TicketStatus.WAITING_FOR_OPERATOR,
                TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED, TicketStatus.CLOSED);
        assertThat(run.events().get(0).comment()).isEqualTo("When is the customer at home?");
        assertThat(run.events().get(1).comment()).isEqualTo(LIFECYCLE_ANSWER);
        assertThat(simulator.transactions(run.ticketId())).containsExactly("TU01", "TO05", "TU06", "TO07", "TU09");
        eventually("the closed ticket no longer followed", () -> run.store().followed("lifecycle").isEmpty());
    }

    @Override
    protected void stopSimulator() {
        simulator.close();
    }
}
