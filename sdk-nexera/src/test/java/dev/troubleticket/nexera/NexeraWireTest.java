package dev.troubleticket.nexera;

import dev.troubleticket.core.contract.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.error.NotFoundException;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.nexera.model.Hub;
import dev.troubleticket.nexera.model.Severity;
import dev.troubleticket.nexera.model.TroubleTicket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exactly what the adapter sends (method, path, headers, body) and how it reads what comes back. */
class NexeraWireTest {
    private static final String BASE = "/api/openapi/troubleTicket";
    private static final String PENDING_TICKET = "{\"id\":\"TT-1\",\"status\":\"pending\",\"ticketType\":\"Customer_Trouble_Ticket\","
            + "\"note\":[{\"id\":\"1\",\"author\":\"Nexera\",\"date\":\"2026-01-05T10:00:00Z\",\"text\":\"when?\"}]}";

    private final MockWebServer server = new MockWebServer();
    private Tmf621Client client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = NexeraClient.builder().baseUrl(server.url("/").toString()).basicAuth("op", "pw")
                .transportOptions(TransportOptions.builder().retryPolicy(RetryPolicy.none()).build()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private void answer(int status, String body) {
        server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build());
    }

    private static JsonNode json(RecordedRequest request) throws Exception {
        return Json.mapper().readTree(request.getBody().utf8());
    }

    @Test
    void createPostsTheMappedTicketAsJsonWithBasicCredentialsToTheProfilePath() throws Exception {
        answer(200, "[]"); // the look-up by externalId finds nothing
        answer(201, "{\"id\":\"TT-9\",\"status\":\"submitted\",\"externalId\":\"INC-7\"}");

        Ticket ticket = client.create(CreateTicketRequest.builder().externalReference("INC-7").serviceId("FTTH-1").title("No sync")
                .description("LOS since 8").priority(Priority.of(Priority.Level.HIGH)).initialComment("customer at home")
                .providerField("origin", "Web").build());

        RecordedRequest lookup = server.takeRequest();
        assertThat(lookup.getMethod()).isEqualTo("GET");
        assertThat(lookup.getUrl().queryParameter("externalId")).isEqualTo("INC-7");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo(BASE + "/troubleTicket");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic b3A6cHc=");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = json(request);
        assertThat(body.get("externalId").asText()).isEqualTo("INC-7");
        assertThat(body.get("name").asText()).isEqualTo("No sync");
        assertThat(body.get("description").asText()).isEqualTo("LOS since 8");
        assertThat(body.get("ticketType").asText()).isEqualTo("Customer_Trouble_Ticket");
        assertThat(body.get("severity").asText()).isEqualTo("High");
        assertThat(body.get("priority").asInt()).isEqualTo(3);
        assertThat(body.get("origin").asText()).isEqualTo("Web");
        assertThat(body.at("/relatedEntity/0/id").asText()).isEqualTo("FTTH-1");
        assertThat(body.at("/relatedEntity/0/role").asText()).isEqualTo("affectedService");
        assertThat(body.at("/relatedEntity/0/@referredType").asText()).isEqualTo("Service");
        assertThat(body.at("/note/0/text").asText()).isEqualTo("customer at home");
        assertThat(body.has("id")).isFalse();
        assertThat(body.has("status")).isFalse();
        assertThat(body.at("/note/0").has("date")).isFalse();
        assertThat(ticket.id()).isEqualTo("TT-9");
        assertThat(ticket.raw().json()).contains("INC-7");
    }

    @Test
    void listSendsEveryDocumentedFilterWithDateOperatorsFieldsAndPaging() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("X-Total-Count", "0").body("[]").build());
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        TroubleTicketFilter filter = TroubleTicketFilter.builder().id("TT-1", "TT-2").ticketType("Complaint").ticketSubType("Financial")
                .correlationId("C-1").name("No sync").statusChangeReason("fixed")
                .date(TroubleTicketFilter.DateField.CREATION_DATE, TroubleTicketFilter.Comparison.AT_OR_AFTER, t)
                .date(TroubleTicketFilter.DateField.LAST_UPDATE, TroubleTicketFilter.Comparison.BEFORE, t)
                .date(TroubleTicketFilter.DateField.RESOLUTION_DATE, TroubleTicketFilter.Comparison.AFTER, t)
                .date(TroubleTicketFilter.DateField.STATUS_CHANGE_DATE, TroubleTicketFilter.Comparison.AT_OR_BEFORE, t)
                .fields("id", "status").build();

        TroubleTicketPage page = client.api().listPage(filter, 20, 10);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo(BASE + "/troubleTicket");
        assertThat(request.getUrl().queryParameter("id")).isEqualTo("TT-1,TT-2");
        assertThat(request.getUrl().queryParameter("ticketType")).isEqualTo("Complaint");
        assertThat(request.getUrl().queryParameter("ticketSubType")).isEqualTo("Financial");
        assertThat(request.getUrl().queryParameter("correlationId")).isEqualTo("C-1");
        assertThat(request.getUrl().queryParameter("name")).isEqualTo("No sync");
        assertThat(request.getUrl().queryParameter("statusChangeReason")).isEqualTo("fixed");
        assertThat(request.getUrl().queryParameter("creationDate.gte")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(request.getUrl().queryParameter("lastUpdate.lt")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(request.getUrl().queryParameter("resolutionDate.gt")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(request.getUrl().queryParameter("statusChangeDate.lte")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(request.getUrl().queryParameter("fields")).isEqualTo("id,status");
        assertThat(request.getUrl().queryParameter("offset")).isEqualTo("20");
        assertThat(request.getUrl().queryParameter("limit")).isEqualTo("10");
        assertThat(page.totalCount()).isZero();
        assertThat(page.tickets()).isEmpty();
    }

    @Test
    void listAutoPagesByTotalCountAndAcceptsPartialContent() throws Exception {
        server.enqueue(new MockResponse.Builder().code(206).addHeader("X-Total-Count", "3").addHeader("X-Result-Count", "2")
                .body("[{\"id\":\"A\"},{\"id\":\"B\"}]").build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("X-Total-Count", "3").addHeader("X-Result-Count", "1")
                .body("[{\"id\":\"C\"}]").build());

        List<String> ids = client.api().list(TroubleTicketFilter.builder().pageSize(2).build()).stream().map(TroubleTicket::id).toList();

        assertThat(ids).containsExactly("A", "B", "C");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(server.takeRequest().getUrl().queryParameter("offset")).isEqualTo("0");
        RecordedRequest second = server.takeRequest();
        assertThat(second.getUrl().queryParameter("offset")).isEqualTo("2");
        assertThat(second.getUrl().queryParameter("limit")).isEqualTo("2");
    }

    @Test
    void listWithoutCountsStopsAfterAShortPage() throws Exception {
        answer(200, "[{\"id\":\"A\"},{\"id\":\"B\"}]");
        answer(200, "[{\"id\":\"C\"}]");

        assertThat(client.api().list(TroubleTicketFilter.builder().pageSize(2).build()).stream().count()).isEqualTo(3);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aPartialAnswerWithoutCountsIsFollowedEvenWhenShortAndBothListsPageAlike() {
        for (int list = 0; list < 2; list++) {
            server.enqueue(new MockResponse.Builder().code(206).body("[{\"id\":\"A\"}]").build());
            answer(200, "[{\"id\":\"B\"}]");
        }
        TroubleTicketFilter filter = TroubleTicketFilter.builder().pageSize(2).build();

        assertThat(client.api().list(filter).stream().map(TroubleTicket::id).toList()).containsExactly("A", "B");
        assertThat(client.list(dev.troubleticket.core.model.TicketQuery.builder().pageSize(2).build()).stream().map(Ticket::id).toList())
                .containsExactly("A", "B");
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void listedTicketsKeepTheirOwnJsonExactlyAsReceived() {
        String first = "{\n  \"id\": \"A\",\n  \"description\": \"port ] down, \\\"urgent\\\" {é}\",\n  \"vendorField\": [1.50, {\"x\": []}]\n}";
        String second = "{\"id\":\"B\",\"name\":\"\\u00e9t\\u00e9\"}";
        server.enqueue(new MockResponse.Builder().code(200).addHeader("X-Total-Count", "2")
                .body("[ " + first + " ,\n" + second + "\n]").build());

        List<Ticket> tickets = client.list(dev.troubleticket.core.model.TicketQuery.builder().pageSize(2).build()).stream().toList();

        assertThat(tickets).extracting(t -> t.raw().json()).containsExactly(first, second);
        assertThat(tickets.get(0).description()).isEqualTo("port ] down, \"urgent\" {é}");
        assertThat(tickets.get(1).title()).isEqualTo("été");
    }

    @Test
    void theNeutralAndTheTypedListBothKeepATicketWhoseFieldsHaveOddShapes() {
        String ticket = "{\"id\":\"A\",\"status\":\"inProgress\",\"note\":\"not a list of notes\",\"relatedParty\":7,"
                + "\"relatedEntity\":[{\"id\":\"FTTH-1\",\"role\":\"affectedService\"}]}";
        String oddStatus = "{\"id\":\"B\",\"status\":{\"not\":\"a status\"},\"priority\":\"High\"}";
        answer(200, "[" + ticket + "," + oddStatus + "]");
        answer(200, "[" + ticket + "," + oddStatus + "]");

        List<Ticket> tickets = client.list(dev.troubleticket.core.model.TicketQuery.builder().pageSize(10).build()).stream().toList();
        assertThat(tickets).hasSize(2);
        assertThat(tickets.get(0).status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(tickets.get(0).serviceId()).isEqualTo("FTTH-1");
        assertThat(tickets.get(0).raw().json()).isEqualTo(ticket);
        assertThat(tickets.get(1).status()).isEqualTo(TicketStatus.UNKNOWN);
        assertThat(tickets.get(1).providerStatus()).isEqualTo("{\"not\":\"a status\"}");
        assertThat(tickets.get(1).priority()).isEqualTo(new Priority(Priority.Level.HIGH, "High"));

        List<TroubleTicket> typed = client.api().listPage(TroubleTicketFilter.builder().build(), 0, 10).tickets();
        assertThat(typed).extracting(TroubleTicket::id).containsExactly("A", "B");
        // Parts of the wrong shape read as null elements; the raw JSON keeps them as sent.
        assertThat(typed.get(0).note()).containsExactly((dev.troubleticket.nexera.model.Note) null);
        assertThat(typed.get(0).relatedParty()).containsExactly((dev.troubleticket.nexera.model.RelatedParty) null);
        assertThat(typed.get(1).priority().raw()).isEqualTo("High");
        assertThat(typed.get(1).priority().asInteger()).isNull();
    }

    @Test
    void aListPageThatIsNotAnArrayOfTicketsBecomesAProviderExceptionKeepingIt() {
        answer(200, "{\"id\":\"A\"}");
        answer(200, "[{\"id\":\"A\"},{\"id\":\"B\"");
        answer(200, "[{\"id\":\"A\"},\"not a ticket\"]");

        for (String expected : List.of("where a trouble ticket list (JSON array) was expected", "not JSON",
                "a JSON string in the trouble ticket list")) {
            assertThatThrownBy(() -> client.api().listPage(TroubleTicketFilter.builder().build(), 0, 10))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.getMessage()).contains(expected);
                        assertThat(e.httpStatus()).isEqualTo(200);
                        assertThat(e.rawBody()).contains("{\"id\":\"A\"");
                    });
        }
    }

    @Test
    void aListedTicketWithoutAnIdIsKeptWhileAGetAnsweredWithoutOneIsRefused() {
        answer(200, "[{\"id\":\"A\"},{\"name\":\"no id\"}]");
        answer(200, "[{\"id\":\"A\"},{\"name\":\"no id\"}]");
        answer(200, "{\"name\":\"no id\"}");

        assertThat(client.api().listPage(TroubleTicketFilter.builder().build(), 0, 10).tickets()).extracting(TroubleTicket::id)
                .containsExactly("A", null);
        assertThat(client.list(dev.troubleticket.core.model.TicketQuery.builder().pageSize(10).build()).stream().toList())
                .extracting(Ticket::id, Ticket::title).containsExactly(tuple("A", null), tuple("", "no id"));
        assertThatThrownBy(() -> client.api().get("A")).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.getMessage()).contains("without an id");
            assertThat(e.rawBody()).isEqualTo("{\"name\":\"no id\"}");
        });
    }

    @Test
    void updateSendsOnlyTheChangedFieldsAsAMergePatch() throws Exception {
        answer(200, "{\"id\":\"TT-1\",\"severity\":\"Low\",\"status\":\"inProgress\"}");

        client.api().update("TT-1", TroubleTicket.builder().severity(Severity.LOW).build());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("PATCH");
        assertThat(request.getUrl().encodedPath()).isEqualTo(BASE + "/troubleTicket/TT-1");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/merge-patch+json");
        assertThat(request.getBody().utf8()).isEqualTo("{\"severity\":\"Low\"}");
    }

    @Test
    void answeringAnInformationRequestPatchesStatusReasonAndTheWholeNoteList() throws Exception {
        answer(200, PENDING_TICKET);
        answer(200, "{\"id\":\"TT-1\",\"status\":\"inProgress\"}");

        Ticket answered = client.transition("TT-1", StatusChange.to(TicketStatus.IN_PROGRESS).withComment("from 9 to 12"));

        assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
        RecordedRequest patch = server.takeRequest();
        assertThat(patch.getMethod()).isEqualTo("PATCH");
        JsonNode body = json(patch);
        assertThat(body.get("status").asText()).isEqualTo("inProgress");
        assertThat(body.get("statusChangeReason").asText()).isEqualTo("from 9 to 12");
        assertThat(body.get("note")).hasSize(2);
        assertThat(body.at("/note/0/id").asText()).isEqualTo("1");
        assertThat(body.at("/note/0").has("date")).as("the server's note date is not sent back").isFalse();
        assertThat(body.at("/note/1/text").asText()).isEqualTo("from 9 to 12");
        assertThat(answered.status()).isEqualTo(TicketStatus.IN_PROGRESS);
    }

    @Test
    void answeringWithoutACommentIsRefusedBeforeSendingThePatch() {
        answer(200, PENDING_TICKET);

        assertThatThrownBy(() -> client.transition("TT-1", StatusChange.to(TicketStatus.IN_PROGRESS)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.reachedProvider()).isFalse();
                    assertThat(e.violations()).extracting(v -> v.field()).containsExactly("statusChangeReason");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void closingATicketInProgressIsRefusedListingTheAllowedChanges() {
        answer(200, "{\"id\":\"TT-1\",\"status\":\"inProgress\"}");

        assertThatThrownBy(() -> client.transition("TT-1", StatusChange.to(TicketStatus.CLOSED)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("allowed: cancelled");
        assertThat(server.getRequestCount()).as("only the GET of the current status").isEqualTo(1);
    }

    @Test
    void hubIsRegisteredWithCallbackAndQueryAndUnregisteredById() throws Exception {
        answer(201, "{\"id\":\"HUB-7\",\"callback\":\"http://me/listener\",\"query\":\"eventType=TroubleTicketResolvedEvent\"}");
        server.enqueue(new MockResponse.Builder().code(204).build());

        Hub hub = client.api().registerHub("http://me/listener", "eventType=TroubleTicketResolvedEvent");
        client.api().unregisterHub(hub.id());

        RecordedRequest register = server.takeRequest();
        assertThat(register.getMethod()).isEqualTo("POST");
        assertThat(register.getUrl().encodedPath()).isEqualTo(BASE + "/hub");
        assertThat(json(register).get("callback").asText()).isEqualTo("http://me/listener");
        assertThat(json(register).get("query").asText()).isEqualTo("eventType=TroubleTicketResolvedEvent");
        assertThat(hub.id()).isEqualTo("HUB-7");
        RecordedRequest unregister = server.takeRequest();
        assertThat(unregister.getMethod()).isEqualTo("DELETE");
        assertThat(unregister.getUrl().encodedPath()).isEqualTo(BASE + "/hub/HUB-7");
    }

    @Test
    void hubsAreListedWithGetAndAnAnswerThatIsNotAListKeepsTheCallbacksOutOfTheError() throws Exception {
        answer(200, "[{\"id\":\"HUB-1\",\"callback\":\"http://me/listener/tok\",\"extra\":1},\"odd\",{\"callback\":\"no-id\"},"
                + "{\"id\":\"HUB-2\",\"callback\":\"http://other/cb\",\"query\":\"eventType=X\"}]");
        answer(200, "{\"id\":\"HUB-1\",\"callback\":\"http://me/listener/secret-token\"}");
        answer(405, "{\"code\":\"405\",\"reason\":\"Method Not Allowed\"}");

        assertThat(client.api().listHubs()).containsExactly(new Hub("HUB-1", "http://me/listener/tok", null),
                new Hub("HUB-2", "http://other/cb", "eventType=X"));
        RecordedRequest list = server.takeRequest();
        assertThat(list.getMethod()).isEqualTo("GET");
        assertThat(list.getUrl().encodedPath()).isEqualTo(BASE + "/hub");
        assertThatThrownBy(() -> client.api().listHubs()).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.getMessage()).contains("not a list", "GET /hub").doesNotContain("secret-token");
            assertThat(e.httpStatus()).isEqualTo(200);
            assertThat(e.rawBody()).doesNotContain("secret-token");
        });
        assertThatThrownBy(() -> client.api().listHubs()).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(405));
    }

    @Test
    void tmfErrorBodyBecomesNotFoundKeepingCodeReasonAndRawBody() {
        String body = "{\"code\":\"60\",\"reason\":\"Resource not found\",\"message\":\"no ticket TT-404\",\"status\":\"404\","
                + "\"referenceError\":\"https://errors/60\"}";
        answer(404, body);

        assertThatThrownBy(() -> client.get("TT-404")).isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(404);
            assertThat(e.details().providerCode()).isEqualTo("60");
            assertThat(e.details().providerMessage()).contains("Resource not found", "no ticket TT-404", "https://errors/60");
            assertThat(e.rawBody()).isEqualTo(body);
        });
    }

    @Test
    void bodyThatIsNotATicketBecomesAProviderExceptionKeepingIt() {
        answer(200, "<html>maintenance</html>");

        assertThatThrownBy(() -> client.get("TT-1")).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(200);
            assertThat(e.rawBody()).contains("maintenance");
        });
    }

    @Test
    void createWhoseAnswerIsLostIsLookedUpByExternalIdInsteadOfSentTwice() throws Exception {
        answer(200, "[]");
        answer(503, "{\"code\":\"503\",\"reason\":\"Service Unavailable\"}");
        answer(200, "[{\"id\":\"TT-5\",\"externalId\":\"INC-5\",\"status\":\"submitted\"}]");

        Ticket ticket = client.create(CreateTicketRequest.builder().externalReference("INC-5").serviceId("FTTH-1").title("t")
                .description("d").build());

        assertThat(ticket.id()).isEqualTo("TT-5");
        assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
        assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
        RecordedRequest lookup = server.takeRequest();
        assertThat(lookup.getMethod()).isEqualTo("GET");
        assertThat(lookup.getUrl().queryParameter("externalId")).isEqualTo("INC-5");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void theLookUpReadsABoundedNumberOfPagesWhenTheServerIgnoresTheExternalIdFilter() throws Exception {
        StringBuilder full = new StringBuilder("[");
        for (int i = 0; i < Tmf621Api.LOOKUP_PAGE_SIZE; i++) {
            full.append(i == 0 ? "" : ",").append("{\"id\":\"TT-").append(i).append("\",\"externalId\":\"OTHER-").append(i).append("\"}");
        }
        String page = full.append("]").toString();
        answer(200, page);
        answer(200, page); // the default bound is two pages: a third page is never asked for
        answer(201, "{\"id\":\"TT-NEW\",\"externalId\":\"INC-9\",\"status\":\"submitted\"}");

        Ticket ticket = client.create(CreateTicketRequest.builder().externalReference("INC-9").serviceId("FTTH-1").title("t")
                .description("d").build());

        assertThat(ticket.id()).isEqualTo("TT-NEW");
        assertThat(server.takeRequest().getUrl().queryParameter("offset")).isIn(null, "0");
        assertThat(server.takeRequest().getUrl().queryParameter("offset")).isEqualTo(String.valueOf(Tmf621Api.LOOKUP_PAGE_SIZE));
        assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aLookUpAnswerCarryingAnotherExternalIdIsNotTakenForTheTicket() throws Exception {
        answer(200, "[{\"id\":\"TT-1\",\"externalId\":\"INC-10-OTHER\"}]"); // a server that ignored the filter
        answer(201, "{\"id\":\"TT-2\",\"externalId\":\"INC-10\",\"status\":\"submitted\"}");

        Ticket ticket = client.create(CreateTicketRequest.builder().externalReference("INC-10").serviceId("FTTH-1").title("t")
                .description("d").build());

        assertThat(ticket.id()).isEqualTo("TT-2");
    }

    @Test
    void createAcceptedWithAnUnreadableAnswerIsLookedUpAndNeverSentAgain() throws Exception {
        answer(200, "[]");
        answer(201, "<html>created</html>");
        answer(200, "[]");

        assertThatThrownBy(() -> client.create(CreateTicketRequest.builder().externalReference("INC-8").serviceId("FTTH-1").title("t")
                .description("d").build())).isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.httpStatus()).isEqualTo(201));

        assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
        assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
        assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
        assertThat(server.getRequestCount()).as("no second POST").isEqualTo(3);
    }

    @Test
    void createRefusedAsInvalidByTheServerIsNotRetried() {
        answer(200, "[]");
        answer(400, "{\"code\":\"INVALID_BODY\",\"reason\":\"Invalid\",\"message\":\"name: required\"}");

        assertThatThrownBy(() -> client.create(CreateTicketRequest.builder().externalReference("INC-6").serviceId("FTTH-1").title("t")
                .description("d").build())).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reachedProvider()).isTrue());
        assertThat(server.getRequestCount()).as("the look-up and one POST").isEqualTo(2);
    }

    @Test
    void unknownStatusAndFieldsAreKeptNotFatal() {
        String body = "{\"id\":\"TT-1\",\"status\":\"investigating\",\"severity\":\"Critical\",\"ticketType\":\"Outage\","
                + "\"vendorField\":{\"a\":1},\"priority\":\"4\"}";
        answer(200, body);
        answer(200, body);

        Ticket ticket = client.get("TT-1");
        TroubleTicket typed = client.api().get("TT-1");

        assertThat(ticket.status()).isEqualTo(TicketStatus.UNKNOWN);
        assertThat(ticket.providerStatus()).isEqualTo("investigating");
        assertThat(ticket.priority().providerValue()).isEqualTo("4");
        assertThat(ticket.raw().json()).contains("vendorField");
        assertThat(typed.status().isKnown()).isFalse();
        assertThat(typed.severity().value()).isEqualTo("Critical");
        assertThat(typed.ticketType().isKnown()).isFalse();
        assertThat(typed.priority().asInteger()).isEqualTo(4);
        assertThat(typed.additionalProperties()).containsKey("vendorField");
    }

    @Test
    void clientCredentialsTokenIsObtainedWithBasicClientAuthAndRenewedBeforeItExpires() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        Tmf621Client tokenClient = NexeraClient.builder().baseUrl(server.url("/").toString())
                .clientCredentials(server.url("/oauth/token").toString(), "cid", "csecret").clock(clock)
                .tokenRenewalMargin(Duration.ofSeconds(60))
                .transportOptions(TransportOptions.builder().retryPolicy(RetryPolicy.none()).build()).build();
        answer(200, "{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":120}");
        answer(200, "{\"id\":\"TT-1\",\"status\":\"submitted\"}");
        answer(200, "{\"access_token\":\"tok-2\",\"token_type\":\"Bearer\",\"expires_in\":120}");
        answer(200, "{\"id\":\"TT-1\",\"status\":\"submitted\"}");

        tokenClient.get("TT-1");
        clock.advance(Duration.ofSeconds(70));
        tokenClient.get("TT-1");

        RecordedRequest tokenRequest = server.takeRequest();
        assertThat(tokenRequest.getUrl().encodedPath()).isEqualTo("/oauth/token");
        assertThat(tokenRequest.getHeaders().get("Authorization")).isEqualTo("Basic Y2lkOmNzZWNyZXQ=");
        assertThat(tokenRequest.getBody().utf8()).isEqualTo("grant_type=client_credentials");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/oauth/token");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer tok-2");
        assertThat(tokenClient.toString()).doesNotContain("csecret", "tok-");
        tokenClient.close();
    }
}
