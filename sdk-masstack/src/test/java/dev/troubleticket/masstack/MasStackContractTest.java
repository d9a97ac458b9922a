package dev.troubleticket.masstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.contract.TicketingClientContractTest;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import org.junit.jupiter.api.Test;

/**
 * The neutral contract, against the MasStack simulator, with the client built through the provider SPI; then what the
 * neutral API does only on MasStack: its transactions (TU03, TU08, TU09, TU10), its close-out fields and its
 * refusals before sending.
 */
class MasStackContractTest extends TicketingClientContractTest {
    private MasStackSimulator simulator;

    @Override
    protected TicketingClient newClient(TransportOptions transport) {
        simulator = new MasStackSimulator().start(0);
        return TicketingClients.create("masstack", ProviderSettings.of(simulator.clientSettings().asMap(), transport));
    }

    @Override
    protected void interpose(UnaryOperator<Dispatcher> wrapper) {
        simulator.server().interpose(wrapper);
    }

    @Override
    protected ProviderSide providerSide() {
        return ProviderSide.of(
                id -> simulator.resolve(id, "CTO repaired, line synchronised"),
                id -> simulator.askForInformation(id, "When is the customer at home?"));
    }

    @Override
    protected CreateTicketRequest validCreateRequest(String externalReference) {
        return simulator.sampleCreateRequest(externalReference);
    }

    @Override
    protected CreateTicketRequest requestBreakingTwoRules() {
        return Fixtures.neutralRequest("REF-BROKEN")
                .category("FTTH_PROVISION_RANGED_NO_NAVEGA_AND_MUCH_TOO_LONG_FOR_35")
                .priority(new Priority(Priority.Level.UNKNOWN, "7"))
                .build();
    }

    @Override
    protected void checkProviderSideOfLifecycle(Ticket created) {
        String ticketId = created.id();
        assertThat(ticketId).matches("RED-\\d+");
        assertThat(created.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(simulator.transactions(ticketId)).containsExactly("TU01", "TO05", "TU06", "TO07", "TU09");
        // The close-out type the territory owner's resolution wrote is sent back; the closing comment is the narrative.
        assertThat(simulator.ticket(ticketId)).containsEntry("closeOutType", MasStackSimulator.RESOLUTION_CLOSE_OUT_TYPE)
                .containsEntry("closeOutNarr", "fault cleared, thank you");
        assertThat(simulator.state(ticketId)).isEqualTo("CLOSED");
    }

    @Override
    protected Class<?> providerApiType() {
        return MasStackApi.class;
    }

    @Override
    protected void stopSimulator() {
        simulator.close();
    }

    @Test
    void closingWithoutACommentSendsBackTheCloseOutTheResolutionWrote() {
        Ticket created = client.create(simulator.sampleCreateRequest("ONV-1024"));
        simulator.resolve(created.id(), "CTO reparada");

        Ticket closed = client.transition(created.id(), StatusChange.to(TicketStatus.CLOSED));

        assertThat(closed.providerStatus()).isEqualTo("CLOSED");
        assertThat(simulator.ticket(created.id())).containsEntry("closeOutType", MasStackSimulator.RESOLUTION_CLOSE_OUT_TYPE)
                .containsEntry("closeOutNarr", "CTO reparada");
    }

    @Test
    void cancellationRequestCanBeAcceptedThroughTheNeutralApi() {
        Ticket created = client.create(simulator.sampleCreateRequest("ONV-2048"));
        simulator.requestCancellation(created.id(), "Duplicada de RED-12");
        assertThat(client.get(created.id()).status()).isEqualTo(TicketStatus.CANCELLATION_REQUESTED);
        assertThat(client.allowedTransitions(created.id())).extracting(t -> t.target() + "/" + t.providerAction())
                .containsExactly("CANCELLED/TU03", "IN_PROGRESS/TU04");

        Ticket cancelled = client.transition(created.id(), StatusChange.to(TicketStatus.CANCELLED));

        assertThat(cancelled.status()).isEqualTo(TicketStatus.CANCELLED);
        assertThat(simulator.state(created.id())).isEqualTo("CLOSED.CANCELED");
    }

    @Test
    void commentIsSentAsTu10AndRefusedOnceTheTicketIsClosed() {
        Ticket created = client.create(simulator.sampleCreateRequest("ONV-3"));

        TicketEvent comment = client.comment(created.id(), "El cliente confirma el corte");

        assertThat(comment.kind()).isEqualTo(TicketEvent.Kind.COMMENT);
        assertThat(comment.providerType()).isEqualTo("TU10");
        assertThat(comment.comment()).isEqualTo("El cliente confirma el corte");
        assertThat(simulator.dialogHistory(created.id())).endsWith("TU: El cliente confirma el corte");
        assertThat(client.get(created.id()).status()).isEqualTo(TicketStatus.IN_PROGRESS);

        simulator.resolve(created.id(), "reparada");
        client.transition(created.id(), StatusChange.to(TicketStatus.CLOSED).withCloseOutCode("FIBRA"));
        int requests = simulator.server().requestCount();
        assertThatThrownBy(() -> client.comment(created.id(), "¿sigue?"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reachedProvider()).isFalse());
        assertThat(simulator.server().requestCount()).as("only the read of the state").isEqualTo(requests + 1);
    }

    @Test
    void answeringAnInformationRequestWithoutTextIsRefusedBeforeSending() {
        Ticket created = client.create(simulator.sampleCreateRequest("ONV-4"));
        simulator.askForInformation(created.id(), "¿Horario?");

        assertThatThrownBy(() -> client.transition(created.id(), StatusChange.to(TicketStatus.IN_PROGRESS)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("dialog"));
        assertThat(client.allowedTransitions(created.id())).singleElement()
                .satisfies(t -> assertThat(t.needsComment()).isTrue());
    }

    @Test
    void providerNamesOfTransactionsAndStatesAreAccepted() {
        Ticket first = client.create(simulator.sampleCreateRequest("ONV-1"));
        simulator.resolve(first.id(), "reparada");
        client.transition(first.id(), StatusChange.toProviderStatus("TU08").withComment("sigue sin navegar"));
        assertThat(simulator.state(first.id())).isEqualTo("OPENACTIVE");

        Ticket second = client.create(simulator.sampleCreateRequest("ONV-2"));
        simulator.resolve(second.id(), "reparada");
        client.transition(second.id(), StatusChange.toProviderStatus("CLOSED").withCloseOutCode("FIBRA_REPARADA"));
        assertThat(simulator.ticket(second.id())).containsEntry("closeOutType", "FIBRA_REPARADA");
        assertThat(simulator.transactions(second.id())).endsWith("TU09");
    }
}
