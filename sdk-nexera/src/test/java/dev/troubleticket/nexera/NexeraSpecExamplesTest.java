package dev.troubleticket.nexera;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.internal.ApiResponse;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.internal.ProviderError;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.nexera.internal.NeutralMapping;
import dev.troubleticket.nexera.internal.ErrorParser;
import dev.troubleticket.nexera.listener.Tmf621Event;
import dev.troubleticket.nexera.listener.Tmf621EventParser;
import dev.troubleticket.nexera.model.Hub;
import dev.troubleticket.nexera.model.Origin;
import dev.troubleticket.nexera.model.Severity;
import dev.troubleticket.nexera.model.TicketSubtype;
import dev.troubleticket.nexera.model.TicketType;
import dev.troubleticket.nexera.model.TroubleTicket;
import dev.troubleticket.nexera.model.TroubleTicketStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples in {@code spec-examples/} (built from the documents, quirks included) through the parsers. */
class NexeraSpecExamplesTest {

    private static byte[] example(String name) throws IOException {
        try (InputStream in = NexeraSpecExamplesTest.class.getResourceAsStream("/spec-examples/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void troubleTicketWithEveryTableFieldParsesIntoTypedValues() throws Exception {
        TroubleTicket t = Json.mapper().readValue(example("trouble-ticket.json"), TroubleTicket.class);

        assertThat(t.id()).isEqualTo("a0T7Q000001abcDUAQ");
        assertThat(t.status()).isEqualTo(TroubleTicketStatus.IN_PROGRESS);
        assertThat(t.ticketType()).isEqualTo(TicketType.CUSTOMER_TROUBLE_TICKET);
        assertThat(t.ticketSubtype()).as("read through the ticketSubType alias").isEqualTo(TicketSubtype.MAINTENANCE);
        assertThat(t.severity()).isEqualTo(Severity.HIGH);
        assertThat(t.priority().asInteger()).as("a number sent as a string").isEqualTo(4);
        assertThat(t.origin()).isEqualTo(Origin.EXTERNAL_SYSTEM);
        assertThat(t.channel().name()).isEqualTo("API");
        assertThat(t.creationDate().instant()).as("offset without a colon").isEqualTo(Instant.parse("2021-02-26T08:15:00Z"));
        assertThat(t.expectedResolutionDate().instant()).isEqualTo(Instant.parse("2021-02-27T16:00:00Z"));
        assertThat(t.resolutionDate()).isNull();
        assertThat(t.note()).singleElement().satisfies(n -> {
            assertThat(n.author()).isEqualTo("Nexera NOC");
            assertThat(n.date().instant()).isEqualTo(Instant.parse("2021-02-26T09:30:12Z"));
        });
        assertThat(t.attachment().get(0).mimeType()).isEqualTo("image/png");
        assertThat(t.attachment().get(0).size().amount().asInteger()).isEqualTo(8);
        assertThat(t.attachment().get(0).decodedContent()).hasSize(8);
        assertThat(t.relatedEntity().get(0).referredType()).isEqualTo("Product");
        assertThat(t.relatedParty().get(0).role()).isEqualTo("reporter");
        assertThat(t.troubleTicketRelationship().get(0).relationshipType()).isEqualTo("isDuplicateOf");
        assertThat(t.type()).isEqualTo("NexeraTroubleTicket");
        assertThat(t.baseType()).isEqualTo("TroubleTicket");
        assertThat(t.schemaLocation()).endsWith("TroubleTicket.json");
        assertThat(t.additionalProperties()).containsEntry("ResolutionPaymentCode", "NONE");
    }

    @Test
    void troubleTicketMapsOntoTheNeutralTicketKeepingTheRawJson() throws Exception {
        String json = new String(example("trouble-ticket.json"), StandardCharsets.UTF_8);
        TroubleTicket t = Json.mapper().readValue(json, TroubleTicket.class);

        Ticket ticket = new NeutralMapping("nexera", NexeraProfile.profile().defaultTicketType(), Json.mapper()).toTicket(t, json);

        assertThat(ticket.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(ticket.providerStatus()).isEqualTo("inProgress");
        assertThat(ticket.externalReference()).isEqualTo("ISP-INC-2021-0042");
        assertThat(ticket.serviceId()).isEqualTo("FTTH-000123");
        assertThat(ticket.category()).isEqualTo("Maintenance");
        assertThat(ticket.priority()).isEqualTo(new Priority(Priority.Level.HIGH, "4"));
        assertThat(ticket.updatedAt()).isEqualTo(Instant.parse("2021-02-26T09:30:12Z"));
        // The dates stay as the example writes them, beside their instants.
        assertThat(ticket.created().raw()).isEqualTo(t.creationDate().raw()).isNotBlank();
        assertThat(ticket.updated().raw()).isEqualTo(t.lastUpdate().raw()).isNotBlank();
        assertThat(ticket.raw().json()).isEqualTo(json);
    }

    @Test
    void hubRequestAndAnswerParse() throws Exception {
        Hub request = Json.mapper().readValue(example("hub-request.json"), Hub.class);
        Hub answer = Json.mapper().readValue(example("hub-response.json"), Hub.class);

        assertThat(request.id()).isNull();
        assertThat(request.query()).isEqualTo("eventType=TroubleTicketStatusChangeEvent,TroubleTicketResolvedEvent");
        assertThat(answer.id()).isEqualTo("42");
        assertThat(answer.callback()).isEqualTo("https://noc.isp.example/tmf621/listener");
    }

    @Test
    void statusChangeEventParsesWithTheMisspeltTimeOccurred() throws Exception {
        Tmf621Event event = new Tmf621EventParser("nexera").parse(example("event-status-change.json"));

        assertThat(event).isInstanceOf(Tmf621Event.StatusChange.class);
        assertThat(event.eventId()).isEqualTo("b5d1e1c8-0d8e-4c43-9f3c-6f1b2b0f7a11");
        assertThat(event.header().timeOccurred().instant()).isEqualTo(Instant.parse("2021-02-26T09:30:11Z"));
        assertThat(event.header().correlationId()).isEqualTo("corr-0042");
        assertThat(event.header().domain()).isEqualTo("troubleTicket");
        assertThat(event.header().priority()).isEqualTo("4");
        assertThat(event.troubleTicket().status()).isEqualTo(TroubleTicketStatus.HELD);

        TicketEvent neutral = new NeutralMapping("nexera", NexeraProfile.profile().defaultTicketType(), Json.mapper()).toEvent(event);
        assertThat(neutral.kind()).isEqualTo(TicketEvent.Kind.STATUS_CHANGE);
        assertThat(neutral.status()).isEqualTo(TicketStatus.ON_HOLD);
        assertThat(neutral.comment()).isEqualTo("Waiting for a spare part");
        assertThat(neutral.occurredAt()).isEqualTo(Instant.parse("2021-02-26T09:30:11Z"));
    }

    @Test
    void anEventTypeInAnotherCaseOrWithSurroundingBlanksIsStillRecognised() {
        Tmf621Event event = new Tmf621EventParser("nexera").parse(
                "{\"eventType\":\" troubleticketRESOLVEDevent \",\"event\":{\"troubleTicket\":{\"id\":\"7\"}}}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(event).isInstanceOf(Tmf621Event.Resolved.class);
        assertThat(event.eventType()).isEqualTo(" troubleticketRESOLVEDevent ");
    }

    @Test
    void attributeValueChangeEventCarriesItsFieldPath() throws Exception {
        Tmf621Event event = new Tmf621EventParser("nexera").parse(example("event-attribute-value-change.json"));

        assertThat(event).isInstanceOfSatisfying(Tmf621Event.AttributeValueChange.class,
                e -> assertThat(e.fieldPath()).isEqualTo("expectedResolutionDate"));
        assertThat(event.troubleTicket().expectedResolutionDate().instant()).isEqualTo(Instant.parse("2021-02-28T12:00:00Z"));
    }

    @Test
    void resolvedEventMapsToTheNeutralResolvedStatus() throws Exception {
        Tmf621Event event = new Tmf621EventParser("nexera").parse(example("event-resolved.json"));

        assertThat(event).isInstanceOf(Tmf621Event.Resolved.class);
        assertThat(event.troubleTicket().resolutionDate().instant()).isEqualTo(Instant.parse("2021-02-27T15:44:30Z"));
        assertThat(new NeutralMapping("nexera", NexeraProfile.profile().defaultTicketType(), Json.mapper()).toEvent(event).status())
                .isEqualTo(TicketStatus.RESOLVED);
    }

    @Test
    void informationRequiredEventCarriesTheQuestionAsANote() throws Exception {
        Tmf621Event event = new Tmf621EventParser("nexera").parse(example("event-information-required.json"));

        assertThat(event).isInstanceOfSatisfying(Tmf621Event.InformationRequired.class, e -> {
            assertThat(e.fieldPath()).isEqualTo("note");
            assertThat(e.troubleTicket().note().get(0).text()).isEqualTo("Please confirm the customer's availability");
        });
        assertThat(new NeutralMapping("nexera", NexeraProfile.profile().defaultTicketType(), Json.mapper()).toEvent(event).status())
                .isEqualTo(TicketStatus.WAITING_FOR_OPERATOR);
    }

    @Test
    void errorBodyParsesIntoCodeAndMessage() throws Exception {
        String body = new String(example("error.json"), StandardCharsets.UTF_8);

        ProviderError error = new ErrorParser(Json.mapper()).parse(new ApiResponse(404, Map.of(), body, 1));

        assertThat(error.code()).isEqualTo("60");
        assertThat(error.message()).isEqualTo("Resource not found: Trouble ticket a0T7Q000001zzzDUAQ does not exist"
                + " (see https://api.nexera.example/errors/60)");
        JsonNode parsed = Json.mapper().readTree(body);
        assertThat(parsed.get("status").asText()).isEqualTo("404");
    }

    @Test
    void errorParserGivesUpQuietlyOnSomethingElse() {
        assertThat(new ErrorParser(Json.mapper()).parse(new ApiResponse(502, Map.of(), "<html>Bad gateway</html>", 1)).code())
                .isNull();
    }

    @Test
    void aTroubleTicketReadFromJsonMatchesTheMappersReading() throws IOException {
        String json = new String(example("trouble-ticket.json"), StandardCharsets.UTF_8);
        TroubleTicket read = TroubleTicket.fromJson(json);
        assertThat(read).isEqualTo(Json.mapper().readValue(json, TroubleTicket.class));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TroubleTicket.fromJson("\"just a string\""))
                .isInstanceOfSatisfying(dev.troubleticket.core.error.ValidationException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("(body)")));
    }

    @Test
    void theServiceIsTheAffectedServiceElseTheFirstEntityAndNullEntriesAreSkipped() throws IOException {
        NeutralMapping mapping = new NeutralMapping("nexera", NexeraProfile.profile().defaultTicketType(), Json.mapper());
        String affected = "{\"id\":\"T1\",\"relatedEntity\":[null,{\"id\":\"BILL-1\",\"role\":\"bill\"},"
                + "{\"id\":\"FTTH-1\",\"role\":\"AffectedService\"}]}";
        assertThat(mapping.toTicket(TroubleTicket.fromJson(affected), affected).serviceId()).isEqualTo("FTTH-1");
        String other = "{\"id\":\"T1\",\"relatedEntity\":[null,{\"id\":\"BILL-1\",\"role\":\"bill\"}]}";
        assertThat(mapping.toTicket(TroubleTicket.fromJson(other), other).serviceId()).isEqualTo("BILL-1");
        String none = "{\"id\":\"T1\",\"relatedEntity\":[null]}";
        assertThat(mapping.toTicket(TroubleTicket.fromJson(none), none).serviceId()).isNull();
    }

    @Test
    void everyPriorityMapsToItsLevelAndKeepsItsNumberInsideAndOutsideTheDocumentedRange() {
        NeutralMapping mapping = new NeutralMapping("nexera", NexeraProfile.profile().defaultTicketType(), Json.mapper());
        Map<Integer, Priority.Level> expected = new java.util.LinkedHashMap<>();
        for (int p = 0; p <= 12; p++) {
            expected.put(p, p <= 2 ? Priority.Level.CRITICAL : p <= 4 ? Priority.Level.HIGH : p <= 7 ? Priority.Level.MEDIUM
                    : p <= 10 ? Priority.Level.LOW : Priority.Level.UNKNOWN);
        }
        expected.forEach((priority, level) -> {
            String json = "{\"id\":\"T1\",\"priority\":" + priority + "}";
            assertThat(mapping.toTicket(TroubleTicket.fromJson(json), json).priority())
                    .as("priority %d", priority).isEqualTo(new Priority(level, String.valueOf(priority)));
        });
    }
}
