package dev.troubleticket.nexera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.contract.SubscriptionContractTest;
import dev.troubleticket.core.contract.TicketingClientContractTest;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.net.InetSocketAddress;

/**
 * The subscription contract against the Nexera simulator, which pushes to the embedded receiver through a hub: the
 * receiver binds one loopback port for the whole test, so that a restarted subscription reuses its hub.
 */
class NexeraSubscriptionContractTest extends SubscriptionContractTest {
    private NexeraSimulator simulator;
    private InetSocketAddress callback;

    @Override
    protected TicketingClient newClient(TransportOptions transport) {
        simulator = new NexeraSimulator().start(0);
        callback = FreePorts.loopback();
        return TicketingClients.create("nexera", ProviderSettings.of(simulator.clientSettings().asMap(), transport));
    }

    @Override
    protected TicketingClientContractTest.ProviderSide providerSide() {
        return TicketingClientContractTest.ProviderSide.of(
                id -> simulator.resolve(id, "fibre spliced"),
                id -> simulator.askForInformation(id, "when is the customer at home?"));
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
    protected void checkLifecycleEvents(LifecycleRun run) {
        assertThat(simulator.hubs()).as("registered while it runs").containsKey(run.store().hub("lifecycle").orElseThrow().hubId());
        assertThat(run.events()).extracting(TicketEvent::providerType).contains("TroubleTicketCreateEvent",
                "TroubleTicketInformationRequiredEvent", "TroubleTicketResolvedEvent", "TroubleTicketStatusChangeEvent");
    }

    @Override
    protected void stopSimulator() {
        simulator.close();
    }
}
