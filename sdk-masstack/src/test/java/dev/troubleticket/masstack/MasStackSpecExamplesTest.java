package dev.troubleticket.masstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.internal.ApiResponse;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.internal.ProviderError;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.masstack.internal.CreateValidation;
import dev.troubleticket.masstack.internal.ErrorParser;
import dev.troubleticket.masstack.internal.NeutralMapping;
import dev.troubleticket.masstack.internal.UpdateBody;
import dev.troubleticket.masstack.model.CreateTroubleTicketRequest;
import dev.troubleticket.masstack.model.CreateTroubleTicketResponse;
import dev.troubleticket.masstack.model.IssueType;
import dev.troubleticket.masstack.model.MasStackAttachment;
import dev.troubleticket.masstack.model.MasStackTicket;
import dev.troubleticket.masstack.model.TroubleTicketState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON examples of the MasStack document, verbatim (quirks included), through the adapter's parsers. */
class MasStackSpecExamplesTest {

    static String example(String name) {
        try (InputStream in = MasStackSpecExamplesTest.class.getResourceAsStream("/spec-examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing example " + name, e);
        }
    }

    @Test
    void getAnswerReadsTheMisspeltDetectionTimeAndTheNumericCustomer() {
        String json = example("get-response.json");
        MasStackTicket ticket = MasStackTicket.fromJson(json);

        assertThat(ticket.ticketId()).isEqualTo("RED-84");
        assertThat(ticket.mirrorKey()).isEqualTo("ONV-1024");
        assertThat(ticket.state()).isEqualTo(TroubleTicketState.OPENACTIVE);
        assertThat(ticket.dialog()).isEqualTo("ERI_MM_OLTZ3562010LAP012_para que se revise");
        assertThat(ticket.troubleType()).isEqualTo("FTTH_PROVISION_RANGED_NO_NAVEGA");
        assertThat(ticket.troubleDescription()).isEqualTo("ONT sincronizado, pero no navega.");
        assertThat(ticket.troubleDetectionTimeText()).isEqualTo("2020-09-15T00:00:00Z");
        assertThat(ticket.troubleDetectionTime().instant()).isEqualTo(Instant.parse("2020-09-15T00:00:00Z"));
        assertThat(ticket.preferredPriority()).isEqualTo("1");
        assertThat(ticket.priorityLevel()).hasValue(1);
        assertThat(ticket.troubledObject()).isEqualTo("CTO");
        assertThat(ticket.customerTroubleNum()).isEqualTo("O99999999999/M9999999999");
        assertThat(ticket.wh1Parameter()).isEqualTo("Red");
        assertThat(ticket.issueType().canonical()).isEqualTo(IssueType.NETWORK);
        assertThat(ticket.customer()).isEqualTo("100");
        assertThat(ticket.customerCount()).hasValue(100);
        assertThat(ticket.rawJson()).isEqualTo(json);
    }

    @Test
    void getAnswerMapsOntoTheNeutralTicket() {
        Ticket ticket = NeutralMapping.toTicket(MasStackTicket.fromJson(example("get-response.json")));

        assertThat(ticket.id()).isEqualTo("RED-84");
        assertThat(ticket.externalReference()).isEqualTo("ONV-1024");
        assertThat(ticket.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(ticket.providerStatus()).isEqualTo("OPENACTIVE");
        assertThat(ticket.category()).isEqualTo("FTTH_PROVISION_RANGED_NO_NAVEGA");
        assertThat(ticket.title()).isEqualTo("ONT sincronizado, pero no navega.");
        assertThat(ticket.serviceId()).isEqualTo("O99999999999/M9999999999");
        assertThat(ticket.priority()).isEqualTo(new Priority(Priority.Level.CRITICAL, "1"));
        assertThat(ticket.raw().json()).isEqualTo(example("get-response.json"));
    }

    @Test
    void updateAnswerKeepsPriorityFourAndTheUnlistedIssueType() {
        MasStackTicket answer = MasStackTicket.fromJson(example("update-response.json"));

        assertThat(answer.ticketId()).isEqualTo("RED-84");
        assertThat(answer.dialog()).isEqualTo("This is a comment example");
        assertThat(answer.troubleType()).isEqualTo("FTTH_INS_CTO INACCESIBLE");
        assertThat(answer.preferredPriority()).isEqualTo("4");
        assertThat(answer.priorityLevel()).hasValue(4);
        assertThat(answer.customerTroubleNum()).isEqualTo("O99999990");
        assertThat(answer.issueType()).isEqualTo(IssueType.of("Incidencia Mutualizada"));
        assertThat(answer.issueType().isKnown()).isFalse();
        assertThat(answer.state()).as("the update answer has no state").isNull();
        Ticket neutral = NeutralMapping.toTicket(answer);
        assertThat(neutral.priority()).isEqualTo(new Priority(Priority.Level.UNKNOWN, "4"));
        assertThat(neutral.status()).isEqualTo(TicketStatus.UNKNOWN);
    }

    @Test
    void createAnswerGivesTheTicketIdAndMirrorKey() throws IOException {
        CreateTroubleTicketResponse answer = Json.mapper().readValue(example("create-response.json"),
                CreateTroubleTicketResponse.class);

        assertThat(answer).isEqualTo(new CreateTroubleTicketResponse("RED-84", "ONV-1024"));
    }

    @Test
    void createExampleReadsIntoTheTypedRequestAndWritesBackTheSameJson() throws IOException {
        String json = example("create-request.json");
        CreateTroubleTicketRequest request = Json.mapper().readValue(json, CreateTroubleTicketRequest.class);

        assertThat(request.baseTroubleTicketState()).isEqualTo("OPENACTIVE");
        assertThat(request.troubleDetectionTime()).isEqualTo("2025-01-15T10:30:00Z");
        assertThat(request.preferredPriority()).isEqualTo(1);
        assertThat(request.wh1Parameter()).isEqualTo(IssueType.CLIENT);
        assertThat(request.clearencePerson()).isEqualTo("string");
        assertThat(request.attachmentList()).containsExactly(new MasStackAttachment("string", "string", "string"));
        JsonNode written = Json.mapper().readTree(Json.mapper().writeValueAsString(request));
        assertThat(written).isEqualTo(Json.mapper().readTree(json));
    }

    @Test
    void createExampleSatisfiesEveryRuleOfTheDocument() throws IOException {
        CreateTroubleTicketRequest request = Json.mapper().readValue(example("create-request.json"),
                CreateTroubleTicketRequest.class);

        // "string" is unpadded but decodable base64, and "cliente" comes with a homeId: nothing to refuse.
        assertThat(CreateValidation.check(request).list()).isEmpty();
    }

    @Test
    void updateExampleReadsBothSpellingsOfMimeType() throws IOException {
        UpdateBody body = Json.mapper().readValue(example("update-request.json"), UpdateBody.class);

        assertThat(body.baseTroubleTicketState()).isEqualTo("OPENACTIVE");
        assertThat(body.attachments()).extracting(MasStackAttachment::mimeType).containsExactly("text/plain", "text/plain");
        assertThat(body.attachments()).extracting(MasStackAttachment::name).containsExactly("file1.txt", "file2.txt");
        assertThat(body.attachments().get(1).decodedContent()).asString(StandardCharsets.UTF_8).isEqualTo("file number 1");
    }

    @Test
    void illegalArgumentBodiesListEachRequiredField() {
        for (String name : List.of("create-error-illegal-argument.json", "update-error-illegal-argument.json")) {
            ProviderError error = new ErrorParser().parse(new ApiResponse(400, Map.of(), example(name), 1));

            assertThat(error.kind()).isEqualTo(ProviderError.Kind.VALIDATION);
            assertThat(error.code()).isEqualTo("illegalArgumentException");
            assertThat(error.message()).isEqualTo("required fields: baseTroubleTicketState,mirrorKey,dialog");
            assertThat(error.violations()).extracting(v -> v.field())
                    .containsExactly("baseTroubleTicketState", "mirrorKey", "dialog");
        }
    }

    @Test
    void multipartExamplesNameTheDataAndAttachmentParts() throws IOException {
        // The document's multipart schemas: the adapter's multipart create sends a "data" part and "attachment" parts.
        assertThat(Json.mapper().readTree(example("create-multipart-request.json")).fieldNames())
                .toIterable().containsExactly("data", "attachment");
        assertThat(Json.mapper().readTree(example("update-multipart-request.json")).fieldNames())
                .toIterable().containsExactly("data", "attachments");
    }

    @Test
    void theDocumentsCreateBodyReadsBackIntoATypedRequest() {
        dev.troubleticket.masstack.model.CreateTroubleTicketRequest request =
                dev.troubleticket.masstack.model.CreateTroubleTicketRequest.fromJson(example("create-request.json"));
        assertThat(request.mirrorKey()).isEqualTo("string");
        assertThat(request.preferredPriority()).isEqualTo(1);
        assertThat(request.wh1Parameter().value()).isEqualTo("cliente");
        assertThat(request.attachmentList()).hasSize(1);
    }

    @Test
    void aCreateBodyThatIsNotTheDocumentsShapeIsRefusedNamingTheProblem() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> dev.troubleticket.masstack.model.CreateTroubleTicketRequest.fromJson("[1, 2]"))
                .isInstanceOfSatisfying(dev.troubleticket.core.error.ValidationException.class, e -> {
                    assertThat(e.reachedProvider()).isFalse();
                    assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("(body)"));
                });
    }
}
