package dev.troubleticket.nexera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.contract.TicketingClientContractTest;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;

/** The neutral contract, against the Nexera simulator, with the client built through the SPI. */
class NexeraContractTest extends TicketingClientContractTest {
    /** The simulator of the current test; subclasses start it their own way. */
    protected NexeraSimulator simulator;

    @Override
    protected TicketingClient newClient(TransportOptions transport) {
        simulator = new NexeraSimulator().start(0);
        return TicketingClients.create("nexera", ProviderSettings.of(simulator.clientSettings().asMap(), transport));
    }

    @Override
    protected void interpose(UnaryOperator<Dispatcher> wrapper) {
        simulator.server().interpose(wrapper);
    }

    @Override
    protected ProviderSide providerSide() {
        return ProviderSide.of(
                id -> simulator.resolve(id, "fibre spliced"),
                id -> simulator.askForInformation(id, "when is the customer at home?"));
    }

    @Override
    protected CreateTicketRequest validCreateRequest(String externalReference) {
        return simulator.sampleCreateRequest(externalReference);
    }

    @Override
    protected CreateTicketRequest requestBreakingTwoRules() {
        // No title (name R), no description (R), a priority outside 1..10.
        return CreateTicketRequest.builder()
                .externalReference("REF-BAD")
                .serviceId("FTTH-000123")
                .priority(new Priority(Priority.Level.UNKNOWN, "11"))
                .build();
    }

    @Override
    protected void checkProviderSideOfLifecycle(Ticket created) {
        assertThat(created.status()).isEqualTo(TicketStatus.SUBMITTED);
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
