package dev.troubleticket.nexera;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.contract.SubscriptionContractTest;
import dev.troubleticket.core.contract.TicketingClientContractTest;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.net.InetSocketAddress;
import java.time.Clock;

/**
 * The subscription contract through the generic {@code tmf621} adapter (client credentials, the TMF621 reference
 * path), against a simulator that offers only TMF621's {@code POST /hub} and {@code DELETE /hub/{id}}, no listing.
 */
class Tmf621GenericSubscriptionContractTest extends SubscriptionContractTest {
    private NexeraSimulator simulator;
    private InetSocketAddress callback;

    @Override
    protected TicketingClient newClient(TransportOptions transport) {
        simulator = new NexeraSimulator(Clock.systemUTC(), Tmf621Profile.TMF_BASE_PATH).hubListing(false).start(0);
        callback = FreePorts.loopback();
        return TicketingClients.create("tmf621", ProviderSettings.of(simulator.tokenClientSettings().asMap(), transport));
    }

    @Override
    protected TicketingClientContractTest.ProviderSide providerSide() {
        return TicketingClientContractTest.ProviderSide.of(
                id -> simulator.resolve(id, "replaced the card"),
                id -> simulator.askForInformation(id, "which port?"));
    }

    @Override
    protected CreateTicketRequest validCreateRequest(String externalReference) {
        return simulator.sampleCreateRequest(externalReference);
    }

    @Override
    protected SubscriptionOptions.Builder options(String name) {
        return SubscriptionOptions.builder(name).callback(callback, null);
    }

    @Override
    protected void stopSimulator() {
        simulator.close();
    }
}
