package dev.troubleticket.masstack;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.contract.TicketingClientContractTest;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.testkit.masstack.MasStackSimulator;

/** The neutral contract, against the MasStack simulator, with the client built through the provider SPI. */
class MasStackContractTest extends TicketingClientContractTest {
    private MasStackSimulator simulator;

    @Override
    protected TicketingClient newClient() {
        simulator = new MasStackSimulator().start(0);
        return TicketingClients.create("masstack", simulator.clientSettings());
    }

    @Override
    protected ProviderSide providerSide() {
        return ProviderSide.of(
                id -> simulator.resolve(id, "CTO repaired, line synchronised"),
                id -> simulator.askForInformation(id, "When is the customer at home?"));
    }

    @Override
    protected CreateTicketRequest validCreateRequest(String externalReference) {
        return Fixtures.neutralRequest(externalReference).build();
    }

    @Override
    protected CreateTicketRequest requestBreakingTwoRules() {
        return Fixtures.neutralRequest("REF-BROKEN")
                .category("FTTH_PROVISION_RANGED_NO_NAVEGA_AND_MUCH_TOO_LONG_FOR_35")
                .priority(new Priority(Priority.Level.UNKNOWN, "7"))
                .build();
    }

    @Override
    protected Class<?> providerApiType() {
        return MasStackApi.class;
    }

    @Override
    protected void stopSimulator() {
        simulator.close();
    }
}
