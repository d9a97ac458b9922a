package dev.troubleticket.masstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.error.NotFoundException;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.masstack.model.BinaryAttachment;
import dev.troubleticket.masstack.model.CreateTroubleTicketResponse;
import dev.troubleticket.masstack.model.MasStackAttachment;
import dev.troubleticket.masstack.model.MasStackTicket;
import dev.troubleticket.masstack.model.Transaction;
import dev.troubleticket.masstack.model.TransactionInput;
import dev.troubleticket.masstack.model.TroubleTicketState;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every operation of the typed API, and every operator transaction, against the simulator. */
class MasStackApiSimulatorTest {
    private MasStackSimulator simulator;
    private MasStackClient client;
    private MasStackApi api;

    @BeforeEach
    void start() {
        simulator = new MasStackSimulator().start(0);
        client = MasStackClient.builder()
                .baseUrl(simulator.baseUrl())
                .serviceAccount(dev.troubleticket.masstack.ServiceAccount.fromJson(simulator.serviceAccountJson()))
                .tokenUrl(simulator.tokenUrl())
                .build();
        api = client.unwrap(MasStackApi.class);
    }

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    private String open(String mirrorKey) {
        return api.create(Fixtures.typedRequest(mirrorKey).build()).ticketId();
    }

    @Test
    void createAnswersJiraStyleIdsAndTheTicketReadsBackWithEveryField() {
        CreateTroubleTicketResponse first = api.create(Fixtures.typedRequest("ONV-1024").gescal37ID("G37-1")
                .wh2Parameter("extra-2").build());
        CreateTroubleTicketResponse second = api.create(Fixtures.typedRequest("ONV-1025").build());

        assertThat(first.ticketId()).isEqualTo("RED-84");
        assertThat(second.ticketId()).isEqualTo("RED-85");
        assertThat(first.mirrorKey()).isEqualTo("ONV-1024");
        MasStackTicket ticket = api.get("RED-84");
        assertThat(ticket.state()).isEqualTo(TroubleTicketState.OPENACTIVE);
        assertThat(ticket.mirrorKey()).isEqualTo("ONV-1024");
        assertThat(ticket.troubleDetectionTime().instant()).isEqualTo(Instant.parse("2025-01-15T10:30:00Z"));
        assertThat(ticket.priorityLevel()).hasValue(1);
        assertThat(ticket.customerCount()).hasValue(100);
        assertThat(ticket.homeId()).isEqualTo("HOME-0042");
        assertThat(ticket.gescal37ID()).isEqualTo("G37-1");
        assertThat(ticket.whParameter(2)).isEqualTo("extra-2");
        assertThat(ticket.issueType().value()).isEqualTo("cliente");
        assertThat(ticket.rawJson()).contains("\"troubleDectectionTime\"");
        assertThat(simulator.ticketsCreated()).isEqualTo(2);
    }

    @Test
    void multipartCreateSendsTheDataPartAndBinaryAttachments() {
        byte[] photo = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};
        String id = api.createMultipart(Fixtures.typedRequest("ONV-MP").build(),
                List.of(new BinaryAttachment("cto.png", "image/png", photo))).ticketId();

        MasStackTicket ticket = api.get(id);
        assertThat(ticket.mirrorKey()).isEqualTo("ONV-MP");
        assertThat(ticket.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("cto.png");
            assertThat(a.mimeType()).isEqualTo("image/png");
            assertThat(a.decodedContent()).isEqualTo(photo);
        });
    }

    @Test
    void multipartUpdateSendsTheTransactionWithBinaryAttachments() {
        String id = open("ONV-MPU");
        simulator.askForInformation(id, "¿Foto de la CTO?");
        byte[] photo = {1, 2, 3, 4, 5};

        api.performMultipart(Transaction.TU06, api.get(id), TransactionInput.dialog("adjunto foto"),
                List.of(new BinaryAttachment("cto.jpg", "image/jpeg", photo)));

        assertThat(simulator.transactions(id)).endsWith("TU06");
        assertThat(api.get(id).attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("cto.jpg");
            assertThat(a.decodedContent()).isEqualTo(photo);
        });
    }

    @Test
    void multipartUpdateIsCheckedAgainstTheTableToo() {
        String id = open("ONV-MPX");
        MasStackTicket open = api.get(id);
        int before = simulator.server().requestCount();

        assertThatThrownBy(() -> api.performMultipart(Transaction.TU06, open, TransactionInput.dialog("x"),
                List.of(new BinaryAttachment(null, "image/jpeg", new byte[1]))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("baseTroubleTicketState", "attachments[0].name"));
        assertThat(simulator.server().requestCount()).isEqualTo(before);
    }

    @Test
    void sendAdditionalInformationAnswersAnInformationRequest() {
        String id = open("ONV-6");
        simulator.askForInformation(id, "¿Horario?");

        MasStackTicket answer = api.sendAdditionalInformation(id, "de 9 a 12");

        assertThat(answer.ticketId()).isEqualTo(id);
        assertThat(answer.dialog()).isEqualTo("de 9 a 12");
        assertThat(simulator.transactions(id)).containsExactly("TU01", "TO05", "TU06");
        assertThat(api.get(id).state()).isEqualTo(TroubleTicketState.OPENACTIVE);
    }

    @Test
    void cancelAgreesToACancellationRequest() {
        String id = open("ONV-3");
        simulator.requestCancellation(id, "duplicada");

        api.cancel(id, "de acuerdo");

        assertThat(api.get(id).state()).isEqualTo(TroubleTicketState.CANCELED);
        assertThat(simulator.transactions(id)).endsWith("TU03");
    }

    @Test
    void rejectCancellationKeepsTheTicketOpen() {
        String id = open("ONV-4");
        simulator.requestCancellation(id, "duplicada");

        api.rejectCancellation(id, "no es duplicada");

        assertThat(api.get(id).state()).isEqualTo(TroubleTicketState.OPENACTIVE);
        assertThat(simulator.transactions(id)).endsWith("TU04");
    }

    @Test
    void rejectResolutionReopensACleardTicket() {
        String id = open("ONV-8");
        simulator.resolve(id, "reparada");

        api.rejectResolution(id, "sigue sin navegar");

        assertThat(api.get(id).state()).isEqualTo(TroubleTicketState.OPENACTIVE);
        assertThat(simulator.transactions(id)).endsWith("TU08");
    }

    @Test
    void closeSendsTheCloseOutFieldsAndAttachments() {
        String id = open("ONV-9");
        simulator.resolve(id, "reparada");

        api.close(id, TransactionInput.builder().dialog("gracias").closeOutType("FIBRA").closeOutNarr("Fusión de fibra")
                .serviceRestoredTime(Instant.parse("2025-01-16T08:00:00.123Z"))
                .attachment(MasStackAttachment.of("acta.txt", "text/plain", "ok".getBytes(StandardCharsets.UTF_8))).build());

        Map<String, Object> ticket = simulator.ticket(id);
        assertThat(ticket).containsEntry("baseTroubleTicketState", "CLOSED").containsEntry("closeOutType", "FIBRA")
                .containsEntry("closeOutNarr", "Fusión de fibra").containsEntry("serviceRestoredTime", "2025-01-16T08:00:00Z");
        assertThat(api.get(id).attachments()).extracting(MasStackAttachment::name).containsExactly("acta.txt");
    }

    @Test
    void sendInformationLeavesTheStateAsItIs() {
        String id = open("ONV-10");
        simulator.askForInformation(id, "¿Horario?");

        api.sendInformation(id, "lo consulto con el cliente");

        assertThat(api.get(id).state()).isEqualTo(TroubleTicketState.AWAITING_INFORMATION);
        assertThat(api.get(id).dialog()).isEqualTo("lo consulto con el cliente");
        assertThat(simulator.transactions(id)).endsWith("TU10");
    }

    @Test
    void closeIsRefusedUnlessTicketIsCleared() {
        String id = open("ONV-11");
        int before = simulator.server().requestCount();

        assertThatThrownBy(() -> api.close(id, TransactionInput.builder().dialog("x").closeOutType("T").closeOutNarr("N")
                .serviceRestoredTime("2025-01-16T08:00:00Z").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.reachedProvider()).isFalse();
                    assertThat(e.getMessage()).contains("TU09").contains("OPENACTIVE").contains("allowed: TU10");
                });
        assertThat(simulator.server().requestCount()).as("only the GET for the state").isEqualTo(before + 1);
        assertThat(simulator.transactions(id)).containsExactly("TU01");
    }

    @Test
    void closeWithoutCloseOutFieldsListsEveryMissingOne() {
        String id = open("ONV-12");
        simulator.resolve(id, "reparada", null, null, null); // a resolution that wrote no close-out on the ticket

        assertThatThrownBy(() -> api.close(id, TransactionInput.builder().build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field())
                        .containsExactlyInAnyOrder("dialog", "closeOutType", "closeOutNarr", "serviceRestoredTime"));
    }

    @Test
    void knownStateOverloadSavesTheReadAndTheProviderStillRefusesAStaleOne() {
        String id = open("ONV-13");
        MasStackTicket known = api.get(id);
        simulator.askForInformation(id, "¿Horario?");
        int before = simulator.server().requestCount();

        // The caller believes the ticket is OPENACTIVE, so TU10 passes the local check; the provider accepts TU10 too.
        api.perform(Transaction.TU10, known, TransactionInput.dialog("nota"));
        assertThat(simulator.server().requestCount()).isEqualTo(before + 1);

        String other = open("ONV-14");
        simulator.resolve(other, "x");
        MasStackTicket staleCleared = api.get(other);
        api.rejectResolution(other, "no"); // the ticket is OPENACTIVE again, behind the stale copy's back
        assertThatThrownBy(() -> api.perform(Transaction.TU09, staleCleared, TransactionInput.builder().dialog("x")
                .closeOutType("T").closeOutNarr("N").serviceRestoredTime("2025-01-16T08:00:00Z").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.reachedProvider()).isTrue();
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("not allowed");
                });
    }

    @Test
    void unknownTicketIsNotFoundOnReadAndOnUpdate() {
        assertThatThrownBy(() -> api.get("RED-9999")).isInstanceOf(NotFoundException.class);
        MasStackTicket ghost = MasStackTicket.fromJson(
                "{\"ticketId\":\"RED-9999\",\"mirrorKey\":\"X\",\"baseTroubleTicketState\":\"OPENACTIVE\"}");
        assertThatThrownBy(() -> api.perform(Transaction.TU10, ghost, TransactionInput.dialog("hola")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.details().providerCode()).isEqualTo("objectNotFoundException");
                    assertThat(e.getMessage()).contains("RED-9999 not found");
                });
    }

    @Test
    void remoteExceptionBecomesAProviderExceptionWithTheMessage() {
        simulator.failWithRemoteException(1, "JIRA unavailable");

        assertThatThrownBy(() -> api.get("RED-84")).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.details().providerMessage()).isEqualTo("JIRA unavailable");
            assertThat(e.rawBody()).contains("remoteException");
        });
    }

    @Test
    void allowedTransactionsFollowTheTable() {
        String id = open("ONV-15");
        assertThat(api.allowedTransactions(id)).containsExactly(Transaction.TU10);
        simulator.resolve(id, "x");
        assertThat(api.allowedTransactions(id)).containsExactly(Transaction.TU08, Transaction.TU09, Transaction.TU10);
    }
}
