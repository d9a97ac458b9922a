package dev.troubleticket.kosc;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.contract.TicketingClientContractTest;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.testkit.kosc.KoscSimulator;

/** The neutral contract, against the Kosc simulator, through the ServiceLoader with the simulator's settings. */
class KoscContractTest extends TicketingClientContractTest {
    private KoscSimulator simulator;

    @Override
    protected TicketingClient newClient() {
        simulator = new KoscSimulator().start();
        return TicketingClients.create("kosc", simulator.clientSettings());
    }

    @Override
    protected ProviderSide providerSide() {
        return ProviderSide.of(
                id -> simulator.resolve(id, "line resynchronised"),
                id -> simulator.askForInformation(id, "when is the customer at home?"));
    }

    @Override
    protected CreateTicketRequest validCreateRequest(String externalReference) {
        return simulator.sampleCreateRequest(externalReference);
    }

    @Override
    protected CreateTicketRequest requestBreakingTwoRules() {
        // Unknown category, no diagnostic_run_id key, no service.
        return CreateTicketRequest.builder()
                .externalReference("REF-BAD")
                .category("weather")
                .description("rain in the cabinet")
                .build();
    }

    @Override
    protected Class<?> providerApiType() {
        return KoscApi.class;
    }

    @Override
    protected void stopSimulator() {
        simulator.close();
    }
}
