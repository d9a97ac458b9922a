package dev.troubleticket.nexera;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.time.Clock;
import java.util.Map;

/**
 * The neutral contract through the {@code nexera} adapter configured as TMF621 clients are: with the API root
 * ({@code https://host/tmf-api/troubleTicket/v4}) as its base URL and no base path, against a simulator serving
 * that path. Every neutral operation must reach the simulator below the API root, not below the Nexera profile's
 * own base path appended to it.
 */
class ApiRootContractTest extends NexeraContractTest {

    @Override
    protected TicketingClient newClient(TransportOptions transport) {
        simulator = new NexeraSimulator(Clock.systemUTC(), Tmf621Profile.TMF_BASE_PATH).start(0);
        return TicketingClients.create("nexera", ProviderSettings.of(Map.of(
                "baseUrl", simulator.apiRoot(),
                "username", NexeraSimulator.USERNAME,
                "password", NexeraSimulator.PASSWORD), transport));
    }
}
