package dev.troubleticket.nexera;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.contract.TicketingClientContractTest;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.time.Clock;
import java.util.Map;

/**
 * The neutral contract through the {@code nexera} adapter configured as TMF621 clients are: with the API root
 * ({@code https://host/tmf-api/troubleTicket/v4}) as its base URL and no base path, against a simulator serving
 * that path. Every neutral operation must reach the simulator below the API root, not below the Nexera profile's
 * own base path appended to it.
 */
class ApiRootContractTest extends TicketingClientContractTest {
    private NexeraSimulator simulator;

    @Override
    protected TicketingClient newClient() {
        simulator = new NexeraSimulator(Clock.systemUTC(), Tmf621Profile.TMF_BASE_PATH).start(0);
        return TicketingClients.create("nexera", ProviderSettings.of(Map.of(
                "baseUrl", simulator.apiRoot(),
                "username", NexeraSimulator.USERNAME,
                "password", NexeraSimulator.PASSWORD)));
    }

    @Override
    protected ProviderSide providerSide() {
        return new ProviderSide() {
            @Override
            public void resolve(String ticketId) {
                simulator.resolve(ticketId, "replaced the card");
            }

            @Override
            public void askForInformation(String ticketId) {
                simulator.askForInformation(ticketId, "which port?");
            }
        };
    }

    @Override
    protected CreateTicketRequest validCreateRequest(String externalReference) {
        return CreateTicketRequest.builder().externalReference(externalReference).serviceId("FTTH-000123")
                .title("No sync on the ONT").description("The customer's ONT has shown LOS since 08:00").build();
    }

    @Override
    protected CreateTicketRequest requestBreakingTwoRules() {
        // No title (name is required by Nexera) and no description.
        return CreateTicketRequest.builder().externalReference("REF-BAD").serviceId("FTTH-000123").build();
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
