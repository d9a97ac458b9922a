package dev.troubleticket.nexera;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.contract.TicketingClientContractTest;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.time.Clock;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;

/**
 * The neutral contract through the generic {@code tmf621} adapter, against a simulator serving the TMF621
 * reference path: the adapter works for a TMF621 server given only its base URL and credentials.
 */
class Tmf621GenericContractTest extends TicketingClientContractTest {
    private NexeraSimulator simulator;

    @Override
    protected TicketingClient newClient(TransportOptions transport) {
        simulator = new NexeraSimulator(Clock.systemUTC(), Tmf621Profile.TMF_BASE_PATH).start(0);
        return TicketingClients.create("tmf621", ProviderSettings.of(simulator.tokenClientSettings().asMap(), transport));
    }

    @Override
    protected void interpose(UnaryOperator<Dispatcher> wrapper) {
        simulator.server().interpose(wrapper);
    }

    @Override
    protected ProviderSide providerSide() {
        return ProviderSide.of(
                id -> simulator.resolve(id, "replaced the card"),
                id -> simulator.askForInformation(id, "which port?"));
    }

    @Override
    protected CreateTicketRequest validCreateRequest(String externalReference) {
        return simulator.sampleCreateRequest(externalReference);
    }

    @Override
    protected CreateTicketRequest requestBreakingTwoRules() {
        // No external reference (needed for a safe create) and no description (TMF621 requires it).
        return CreateTicketRequest.builder().serviceId("L-77").title("Down").build();
    }

    @Override
    protected Class<?> providerApiType() {
        return Tmf621Api.class;
    }

    @Override
    protected void stopSimulator() {
        simulator.close();
    }
}
