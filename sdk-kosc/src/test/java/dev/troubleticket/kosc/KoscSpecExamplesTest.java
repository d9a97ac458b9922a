package dev.troubleticket.kosc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.internal.ApiResponse;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.kosc.internal.CreateValidation;
import dev.troubleticket.kosc.internal.json.ResponseReader;
import dev.troubleticket.kosc.internal.json.WireModule;
import dev.troubleticket.kosc.internal.NeutralMapping;
import dev.troubleticket.kosc.model.ClearCode;
import dev.troubleticket.kosc.model.CreateKoscTicketRequest;
import dev.troubleticket.kosc.model.KoscContact;
import dev.troubleticket.kosc.model.KoscEvent;
import dev.troubleticket.kosc.model.KoscEventData;
import dev.troubleticket.kosc.model.KoscEventType;
import dev.troubleticket.kosc.model.KoscTicket;
import dev.troubleticket.kosc.model.KoscTicketEvent;
import dev.troubleticket.kosc.model.KoscTicketStatus;
import dev.troubleticket.kosc.model.OrderInfoMessage;
import dev.troubleticket.kosc.model.Responsibility;
import dev.troubleticket.kosc.model.TicketCategory;
import dev.troubleticket.kosc.model.TicketEventRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every JSON example of the two Kosc documents, verbatim (quirks included: numbers where strings are
 * expected, malformed dates, the CRI example's missing quote), through the adapter's parsers and writers.
 */
class KoscSpecExamplesTest {
    private final ObjectMapper mapper = WireModule.mapper();
    private final ResponseReader reader = new ResponseReader(mapper);

    private static String example(String name) {
        try (InputStream in = KoscSpecExamplesTest.class.getResourceAsStream("/spec-examples/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing example " + name, e);
        }
    }

    private static ApiResponse answer(String name) {
        return new ApiResponse(200, Map.of(), example(name), 1);
    }

    private JsonNode tree(String name) throws IOException {
        return mapper.readTree(example(name));
    }

    @Test
    void fetchedTicketExampleGivesEveryTypedField() {
        KoscTicket ticket = reader.ticket(answer("ticket-get"));

        assertThat(ticket.id().asLong()).isEqualTo(989L);
        assertThat(ticket.alias()).isEqualTo("T190517_08006");
        assertThat(ticket.creationDate().instant()).isEqualTo(Instant.parse("2019-05-17T08:51:23.185722Z"));
        assertThat(ticket.modificationDate().instant()).isEqualTo(Instant.parse("2019-05-17T08:51:23.186087Z"));
        assertThat(ticket.type()).isEqualTo("service");
        assertThat(ticket.status()).isEqualTo(KoscTicketStatus.OPEN);
        assertThat(ticket.category()).isEqualTo(TicketCategory.SYNCHRO);
        assertThat(ticket.priority()).isEqualTo("low");
        assertThat(ticket.author()).isEqualTo("test");
        assertThat(ticket.operatorTicketRef()).isEqualTo("779b14bd-d9e9-48e5-9ad1-86929c4d5890");
        assertThat(ticket.serviceUuid()).isEqualTo("8ccc5104-a7d3-4be3-8108-cf9641cb1fe6");
        assertThat(ticket.serviceAlias()).isEqualTo("S190322_11001");
        assertThat(ticket.productName()).isEqualTo("ADSL-Max_shared_BE_KOSC");
        assertThat(ticket.grt()).isEqualTo("standard");
        // A number in the answer, a string in the request: read as text.
        assertThat(ticket.diagnosticRunId()).isEqualTo("18956");
        assertThat(ticket.diagnosticRunAlias()).isEqualTo("D190425_12001");
        assertThat(ticket.lastComment().author()).isEqualTo("test");
        assertThat(ticket.lastComment().comment()).isEqualTo("Hello, customer complains about a low bitrate issue");
        assertThat(ticket.lastCommentAuthor()).isEqualTo("test operator");
        assertThat(ticket.owner()).isEqualTo("Untel");
        assertThat(ticket.ownerContact()).isEqualTo(new KoscContact("John", "Doe", "john@doe.com", "0123456789"));
        assertThat(ticket.operatorContactUuid()).isEqualTo("zitjrmff");
        assertThat(ticket.lastUpdateAuthor()).isEqualTo("TEST_PRE");
        assertThat(ticket.nextAvailableStatus()).isEmpty();
        assertThat(ticket.clearCode()).isNull();
        assertThat(ticket.responsability()).isNull();
        assertThat(ticket.sortValue()).isNull();
        assertThat(ticket.toString()).doesNotContain("john@doe.com").doesNotContain("Doe");
    }

    @Test
    void fetchedTicketExampleMapsOntoTheNeutralTicketKeepingRawPayload() {
        Ticket neutral = NeutralMapping.ticket(reader.ticket(answer("ticket-get")));

        assertThat(neutral.id()).isEqualTo("989");
        assertThat(neutral.alternateIds()).containsExactly("T190517_08006");
        assertThat(neutral.hasId("T190517_08006")).isTrue();
        assertThat(neutral.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(neutral.providerStatus()).isEqualTo("open");
        assertThat(neutral.externalReference()).isEqualTo("779b14bd-d9e9-48e5-9ad1-86929c4d5890");
        assertThat(neutral.category()).isEqualTo("synchro");
        assertThat(neutral.priority().providerValue()).isEqualTo("low");
        assertThat(neutral.contact().email()).isEqualTo("john@doe.com");
        assertThat(neutral.createdAt()).isEqualTo(Instant.parse("2019-05-17T08:51:23.185722Z"));
        // Exactly as received: the provider's own spacing, not a re-written form.
        assertThat(neutral.raw().json()).isEqualTo(example("ticket-get").strip()).contains("\"responsability\": null");
    }

    @Test
    void listedTicketsAndEventsKeepTheirOwnJsonExactlyAsReceived() throws IOException {
        for (String list : List.of("ticket-list", "ticket-events-list", "events-sorted-list", "events-object-list")) {
            String body = example(list);
            JsonNode elements = mapper.readTree(body);
            List<String> raws = switch (list) {
                case "ticket-list" -> reader.tickets(answer(list)).stream().map(KoscTicket::rawJson).toList();
                case "ticket-events-list" -> reader.ticketEvents(answer(list)).stream().map(KoscTicketEvent::rawJson).toList();
                default -> reader.events(answer(list)).stream().map(KoscEvent::rawJson).toList();
            };
            JsonNode array = elements.isArray() ? elements : elements.get("results");
            assertThat(raws).as(list).hasSize(array.size());
            int from = 0;
            for (int i = 0; i < raws.size(); i++) {
                // Each is a piece of the body, in order, holding exactly that element.
                int at = body.indexOf(raws.get(i), from);
                assertThat(at).as(list + "[" + i + "] is a slice of the body").isGreaterThanOrEqualTo(from);
                assertThat(mapper.readTree(raws.get(i))).as(list + "[" + i + "]").isEqualTo(array.get(i));
                from = at + raws.get(i).length();
            }
        }
    }

    @Test
    void ticketListExampleGivesTicketsWithTheirSortValue() {
        List<KoscTicket> tickets = reader.tickets(answer("ticket-list"));

        assertThat(tickets).hasSize(1);
        assertThat(tickets.get(0).serviceUuid()).isEqualTo("cgjcbeva");
        assertThat(tickets.get(0).sortValue()).isEqualTo("cD0yMDE5LTA1LTE3VDA4JTNBNTElM0EyMy4xODYwODda");
        assertThat(tickets.get(0).initialComment()).isEqualTo("Hello, customer plains about a low bitrate issue");
    }

    @Test
    void ticketEventAnswersOfTheDocumentAreRead() {
        KoscTicketEvent created = reader.ticketEvent(answer("ticket-event-created"));
        assertThat(created.id().asLong()).isEqualTo(3826L);
        assertThat(created.status()).isEqualTo(KoscTicketStatus.OPEN);
        assertThat(created.sortValue()).isEqualTo("cD0yMDE5LTA1LTE3VDEyJTNBMTUlM0ExNy44NzE3NTBa");
        assertThat(created.creationDate().instant()).isEqualTo(Instant.parse("2019-05-17T12:15:17.871750Z"));

        KoscTicketEvent closed = reader.ticketEvent(answer("ticket-close-response"));
        assertThat(closed.status()).isEqualTo(KoscTicketStatus.CLOSED);
        assertThat(closed.comment()).isNull();

        KoscTicketEvent comment = reader.ticketEvent(answer("ticket-comment-response"));
        assertThat(comment.status()).isNull();
        assertThat(comment.comment()).isEqualTo("this is a comment");

        assertThat(reader.ticketEvent(answer("ticket-close-with-comment-response")).comment()).isEqualTo("issue resolved");
        KoscTicketEvent reopened = reader.ticketEvent(answer("ticket-end-deferred-response"));
        assertThat(reopened.status()).isEqualTo(KoscTicketStatus.OPEN);
        assertThat(reopened.comment()).isEqualTo("some information");
    }

    @Test
    void ticketEventListExampleKeepsKoscOrderAndTypesClearCodes() {
        List<KoscTicketEvent> events = reader.ticketEvents(answer("ticket-events-list"));

        assertThat(events).extracting(e -> e.id().asLong()).containsExactly(3809L, 3808L, 3807L, 3783L);
        KoscTicketEvent cleared = events.get(1);
        assertThat(cleared.status()).isEqualTo(KoscTicketStatus.CLEARED);
        assertThat(cleared.clearCode()).isEqualTo(ClearCode.MODEM);
        assertThat(cleared.clearCode().isKnown()).isTrue();
        assertThat(cleared.clearCode().documentedResponsibility()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(cleared.responsability()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(cleared.author()).isEqualTo("Kosc");
        assertThat(events.get(2).status()).isNull();
        assertThat(NeutralMapping.event("1234", cleared).status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(NeutralMapping.event("1234", events.get(2)).kind()).isEqualTo(dev.troubleticket.core.model.TicketEvent.Kind.COMMENT);
    }

    @Test
    void createRequestIsWrittenExactlyAsTheDocumentsExample() throws IOException {
        CreateKoscTicketRequest request = CreateKoscTicketRequest.builder()
                .diagnosticRunId("D170403_001")
                .type("service")
                .serviceUuid("t5y7r8ut")
                .operatorTicketRef("PB12_32")
                .description("Customer complains about low rate")
                .initialComment("Hello, customer plains about a low bitrate issue.\n\nCould you check please?")
                .category(TicketCategory.LOW_RATE)
                .priority("low")
                .ownerContact(new KoscContact("Patrick", "Bousso", "patrick.bousso@colibrix.fr", "0785655656"))
                .build();

        assertThat(CreateValidation.violations(request)).isEmpty();
        assertThat(mapper.<JsonNode>valueToTree(request.toWire()).equals(tree("ticket-create-request"))).isTrue();
    }

    @Test
    void theDocumentsCreateExampleReadsBackIntoAValidRequestThatWritesTheSameBody() throws IOException {
        CreateKoscTicketRequest read = CreateKoscTicketRequest.fromJson(tree("ticket-create-request"));

        assertThat(CreateValidation.violations(read)).isEmpty();
        assertThat(read.category()).isEqualTo(TicketCategory.LOW_RATE);
        assertThat(read.ownerContact().phoneNumber()).isEqualTo("0785655656");
        assertThat(mapper.<JsonNode>valueToTree(read.toWire())).isEqualTo(tree("ticket-create-request"));
    }

    @Test
    void aCreateBodyWithoutTheDiagnosticRunKeyReadsAsNotGiven() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode) tree("ticket-create-request");
        body.remove("diagnostic_run_id");
        assertThat(CreateKoscTicketRequest.fromJson(body).diagnosticRunIdGiven()).isFalse();
        body.putNull("diagnostic_run_id");
        assertThat(CreateKoscTicketRequest.fromJson(body).diagnosticRunIdGiven()).isTrue();
    }

    @Test
    void ticketEventRequestsAreWrittenExactlyAsTheDocumentsExamples() throws IOException {
        assertThat(mapper.<JsonNode>valueToTree(TicketEventRequest.status(KoscTicketStatus.CLOSED, null))).isEqualTo(tree("ticket-close-request"));
        assertThat(mapper.<JsonNode>valueToTree(TicketEventRequest.comment("this is a comment"))).isEqualTo(tree("ticket-comment-request"));
        assertThat(mapper.<JsonNode>valueToTree(TicketEventRequest.status(KoscTicketStatus.CLOSED, "issue resolved")))
                .isEqualTo(tree("ticket-close-with-comment-request"));
        assertThat(mapper.<JsonNode>valueToTree(TicketEventRequest.status(KoscTicketStatus.OPEN, "some information")))
                .isEqualTo(tree("ticket-end-deferred-request"));
    }

    @Test
    void infoMessageRequestsAreWrittenExactlyAsTheDocumentsExamples() throws IOException {
        assertThat(mapper.<JsonNode>valueToTree(OrderInfoMessage.of("Hello there"))).isEqualTo(tree("info-message-request"));
        assertThat(mapper.<JsonNode>valueToTree(OrderInfoMessage.stoppingDeferred("You fix your ungoing problem")))
                .isEqualTo(tree("info-message-stop-deferred-request"));
    }

    @Test
    void feedEventExamplesAreReadWithTheirTypesAndDates() {
        KoscEvent example = reader.event(answer("event-example"));
        assertThat(example.eventUuid()).isEqualTo("3cpkp1f1");
        assertThat(example.model()).isEqualTo("event");
        assertThat(example.type()).isEqualTo(KoscEventType.ORDER_RUNNING);
        assertThat(example.objectType()).isEqualTo("order");
        assertThat(example.objectUuid()).isEqualTo("1i0cvu4c");
        // No zone in the document's dates: read as UTC.
        assertThat(example.eventDate().instant()).isEqualTo(Instant.parse("2017-05-09T16:01:06.196355Z"));
        assertThat(example.data()).isEqualTo(new KoscEventData.None());

        KoscEvent fetched = reader.event(answer("event-get"));
        assertThat(fetched.creationDate().instant()).isEqualTo(Instant.parse("2017-05-09T15:59:55.669742Z"));
        assertThat(fetched.sortValue()).isNull();
    }

    @Test
    void sortedFeedExampleWithAMalformedDateIsReadWhole() {
        List<KoscEvent> events = reader.events(answer("events-sorted-list"));

        assertThat(events).extracting(KoscEvent::eventUuid).containsExactly("109ao75u", "lrgecnfi");
        assertThat(events.get(0).sortValue()).isEqualTo("WyIyMDE3LTA1LTA5VDE1OjU3OjU5LjU3MzM5MyJd");
        KoscEvent odd = events.get(1);
        assertThat(odd.eventDate().raw()).isEqualTo("2017-05-09T16:1:04 AM.637766");
        assertThat(odd.eventDate().instant()).isEqualTo(Instant.parse("2017-05-09T16:01:04.637766Z"));
        assertThat(odd.rawJson()).contains("16:1:04 AM.637766");
    }

    @Test
    void objectFeedExampleIsReadInTheGivenOrder() {
        List<KoscEvent> events = reader.events(answer("events-object-list"));

        assertThat(events).extracting(KoscEvent::type).containsExactly(KoscEventType.ORDER_RUNNING, KoscEventType.ORDER_SUBMITTED);
        assertThat(events).extracting(KoscEvent::objectUuid).containsOnly("e73cafe9-4785-441e-ab75-22ffa806a313");
    }

    @Test
    void typedDataOfEveryDocumentedShapeIsRead() throws IOException {
        assertThat(data("order-submitted", "data-order-submitted")).isEqualTo(new KoscEventData.OrderSubmitted("O170331_12004"));
        assertThat(data("order-on-site-intervention-succeeded", "data-on-site-intervention-succeeded"))
                .isEqualTo(new KoscEventData.ProviderMessage("Lorem ipsum ..."));
        assertThat(data("order-on-site-intervention-failed", "data-on-site-intervention-failed"))
                .isEqualTo(new KoscEventData.ProviderMessage("Lorem ipsum ..."));
        assertThat(data("order-appointment-deferred", "data-appointment-deferred"))
                .isEqualTo(new KoscEventData.ProviderMessage("Lorem ipsum ..."));
        assertThat(data("order-rejected", "data-order-rejected"))
                .isEqualTo(new KoscEventData.OrderRejected("ar_ko", "CDE_ANNUL", "CLI003", null));
        assertThat(data("order-cancelled", "data-order-cancelled")).isEqualTo(new KoscEventData.OrderCancelled("sensible access"));
        assertThat(data("order-localloop-desaturation-planned", "data-localloop-desaturation-planned"))
                .isEqualTo(new KoscEventData.DesaturationPlanned("LL_FREE_DESAT"));
        assertThat(data("order-info", "data-order-info")).isEqualTo(new KoscEventData.InfoMessage("Lorem ipsum ...", null));
        assertThat(data("order-info", "info-message-stop-deferred-request"))
                .isEqualTo(new KoscEventData.InfoMessage("You fix your ungoing problem", true));
        assertThat(data("order-information-from-provider", "data-information-from-provider"))
                .isEqualTo(new KoscEventData.InformationFromProvider("The order is awaiting the activation status report (OK or NOK)",
                        "Activation Status Report"));
    }

    @Test
    void appointmentExampleWithAmPmDatesKeepsTheRawTextAndReadsTheInstant() throws IOException {
        KoscEventData.AppointmentAgreed slot = (KoscEventData.AppointmentAgreed) data("order-appointment-agreed", "data-appointment-agreed");

        assertThat(slot.startDate().raw()).isEqualTo("2017-04-22T10:12:00 AM.459593");
        assertThat(slot.startDate().instant()).isEqualTo(Instant.parse("2017-04-22T10:12:00.459593Z"));
        assertThat(slot.endDate().raw()).isEqualTo("2017-04-22T12:12:00 AM.459593");
        assertThat(slot.endDate().isReadable()).isTrue();
    }

    @Test
    void criExampleIsNotValidJsonAsPrintedAndItsRepairedFormGivesTheFiles() throws IOException {
        String verbatim = example("data-cri");
        assertThatThrownBy(() -> mapper.readTree(verbatim)).isInstanceOf(IOException.class);

        JsonNode repaired = mapper.readTree(verbatim.replace("{{token}}\n", "{{token}}\"\n"));
        KoscEventData files = ResponseReader.data(KoscEventType.CRI, repaired);

        assertThat(files).isInstanceOfSatisfying(KoscEventData.InterventionReportFiles.class, cri -> {
            assertThat(cri.files()).containsOnlyKeys("fichier 1");
            assertThat(cri.files().get("fichier 1")).startsWith("https://covdevpvi.blob.core.windows.net/pvi/");
            assertThat(cri.toString()).doesNotContain("https://");
        });
    }

    @Test
    void unknownStatusEventTypeAndDataAreKeptNotFatal() throws IOException {
        String ticketJson = example("ticket-get").replace("\"status\": \"open\"", "\"status\": \"escalated\"")
                .replace("\"clear_code\": null", "\"clear_code\": \"weather\"")
                .replace("\"creation_date\": \"2019-05-17T08:51:23.185722Z\"", "\"creation_date\": \"yesterday\"");
        KoscTicket ticket = reader.ticket(new ApiResponse(200, Map.of(), ticketJson, 1));
        assertThat(ticket.status().value()).isEqualTo("escalated");
        assertThat(ticket.status().isKnown()).isFalse();
        assertThat(ticket.clearCode().isKnown()).isFalse();
        assertThat(ticket.clearCode().documentedResponsibility()).isNull();
        assertThat(ticket.creationDate().raw()).isEqualTo("yesterday");
        assertThat(ticket.creationDate().instant()).isNull();
        Ticket neutral = NeutralMapping.ticket(ticket);
        assertThat(neutral.status()).isEqualTo(TicketStatus.UNKNOWN);
        assertThat(neutral.providerStatus()).isEqualTo("escalated");
        assertThat(neutral.createdAt()).isNull();

        String eventJson = example("event-example").replace("order-running", "order-teleported").replace("\"data\": null",
                "\"data\": {\"beam\": 3}");
        KoscEvent event = reader.event(new ApiResponse(200, Map.of(), eventJson, 1));
        assertThat(event.type().value()).isEqualTo("order-teleported");
        assertThat(event.type().isKnown()).isFalse();
        assertThat(event.data()).isEqualTo(new KoscEventData.Generic("{\"beam\":3}"));
    }

    @Test
    void feedEventFieldsOfAnUnexpectedJsonTypeAreKeptAsTextNotFatal() {
        String odd = "{\"event_uuid\": 12, \"model\": {\"name\": \"event\"}, \"type\": \"order-info\", \"object_type\": true,"
                + " \"creation_date\": 20170509, \"sort_value\": [\"a\", 1], \"data\": [1, 2]}";

        KoscEvent event = reader.events(new ApiResponse(200, Map.of(), "[" + odd + "]", 1)).get(0);

        assertThat(event.eventUuid()).isEqualTo("12");
        assertThat(event.model()).isEqualTo("{\"name\":\"event\"}");
        assertThat(event.objectType()).isEqualTo("true");
        assertThat(event.creationDate().raw()).isEqualTo("20170509");
        assertThat(event.sortValue()).isEqualTo("[\"a\",1]");
        assertThat(event.data()).isEqualTo(new KoscEventData.Generic("[1,2]"));
        assertThat(event.rawJson()).isEqualTo(odd);
    }

    @Test
    void eventDataIsTypedWhateverTheCaseOfItsTypeAndKeepsValuesThatAreNotText() throws Exception {
        JsonNode info = Json.mapper().readTree("{\"message\":\"RDV\",\"stop_deferred\":\"true\"}");
        assertThat(ResponseReader.data(KoscEventType.of("order-info"), info)).isEqualTo(new KoscEventData.InfoMessage("RDV", true));
        assertThat(ResponseReader.data(KoscEventType.of("Order-Info"), info)).isEqualTo(new KoscEventData.InfoMessage("RDV", true));
        assertThat(ResponseReader.data(KoscEventType.of("ORDER-TELEPORTED"), info))
                .isEqualTo(new KoscEventData.Generic("{\"message\":\"RDV\",\"stop_deferred\":\"true\"}"));

        JsonNode odd = Json.mapper().readTree("{\"reject_reason\":12.50,\"reject_code\":null,\"reject_subcode\":{\"a\":[1]},"
                + "\"reject_description\":true}");
        assertThat(ResponseReader.data(KoscEventType.of("order-rejected"), odd))
                .isEqualTo(new KoscEventData.OrderRejected("12.5", null, "{\"a\":[1]}", "true"));
    }

    private KoscEventData data(String type, String example) throws IOException {
        return ResponseReader.data(KoscEventType.of(type), tree(example));
    }
}
