package dev.troubleticket.kosc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.contract.SubscriptionContractTest;
import dev.troubleticket.core.contract.TicketingClientContractTest;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import java.time.Duration;

/** The neutral subscription's contract, against the Kosc simulator on a real port, polled every 100 ms. */
class KoscSubscriptionContractTest extends SubscriptionContractTest {
    private KoscSimulator simulator;

    @Override
    protected TicketingClient newClient(TransportOptions transport) {
        simulator = new KoscSimulator().start();
        return TicketingClients.create("kosc", ProviderSettings.of(simulator.clientSettings().asMap(), transport));
    }

    @Override
    protected TicketingClientContractTest.ProviderSide providerSide() {
        return TicketingClientContractTest.ProviderSide.of(
                id -> simulator.resolve(id, "line resynchronised"),
                id -> simulator.askForInformation(id, "when is the customer at home?"));
    }

    @Override
    protected CreateTicketRequest validCreateRequest(String externalReference) {
        return simulator.sampleCreateRequest(externalReference);
    }

    @Override
    protected SubscriptionOptions.Builder options(String name) {
        return SubscriptionOptions.builder(name).pollInterval(Duration.ofMillis(100));
    }

    @Override
    protected void checkLifecycleEvents(LifecycleRun run) {
        // The feed shows the creation too, and the answer as the ticket open again.
        assertThat(run.events()).extracting(TicketEvent::providerStatus).containsExactly("open", "deferred", "open", "cleared", "closed");
        assertThat(run.events()).extracting(TicketEvent::status).containsExactly(TicketStatus.IN_PROGRESS,
                TicketStatus.WAITING_FOR_OPERATOR, TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED, TicketStatus.CLOSED);
        assertThat(run.events().get(1).comment()).isEqualTo("when is the customer at home?");
        assertThat(run.events().get(2).comment()).isEqualTo(LIFECYCLE_ANSWER);
        assertThat(run.subscription().health().delivered()).isEqualTo(5);
    }

    @Override
    protected void stopSimulator() {
        simulator.close();
    }
}
