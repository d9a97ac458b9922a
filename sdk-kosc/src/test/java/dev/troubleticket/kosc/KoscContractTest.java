package dev.troubleticket.kosc;

import dev.troubleticket.core.ProviderSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.contract.TicketingClientContractTest;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;

/** The neutral contract, against the Kosc simulator, through the ServiceLoader with the simulator's settings. */
class KoscContractTest extends TicketingClientContractTest {
    private KoscSimulator simulator;

    @Override
    protected TicketingClient newClient(TransportOptions transport) {
        simulator = new KoscSimulator().start();
        return TicketingClients.create("kosc", ProviderSettings.of(simulator.clientSettings().asMap(), transport));
    }

    @Override
    protected void interpose(UnaryOperator<Dispatcher> wrapper) {
        simulator.server().interpose(wrapper);
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
    protected void checkProviderSideOfLifecycle(Ticket created) {
        assertThat(created.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        // Kosc has no status of its own for "answered": the ticket goes back to open.
        assertThat(client.history(created.id())).extracting(TicketEvent::providerStatus)
                .containsExactly("open", "deferred", "open", "cleared", "closed");
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
