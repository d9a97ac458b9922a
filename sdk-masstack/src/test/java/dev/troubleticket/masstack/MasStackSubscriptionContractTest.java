package dev.troubleticket.masstack;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.contract.SubscriptionContractTest;
import dev.troubleticket.core.contract.TicketingClientContractTest;
import dev.troubleticket.core.model.CreateTicketRequest;
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
    protected TicketingClient newClient() {
        simulator = new MasStackSimulator().start(0);
        return TicketingClients.create("masstack", simulator.clientSettings());
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
        return Fixtures.neutralRequest(externalReference).build();
    }

    @Override
    protected SubscriptionOptions.Builder options(String name) {
        return SubscriptionOptions.builder(name).pollInterval(Duration.ofMillis(100));
    }

    @Override
    protected void stopSimulator() {
        simulator.close();
    }
}
