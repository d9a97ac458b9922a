package dev.troubleticket.kosc.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.contract.OddValues;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketQuery;
import dev.troubleticket.core.subscription.spi.SourceEvent;
import dev.troubleticket.kosc.EventQuery;
import dev.troubleticket.kosc.KoscClient;
import dev.troubleticket.kosc.TicketListQuery;
import dev.troubleticket.kosc.internal.events.FeedEventSource;
import dev.troubleticket.kosc.model.KoscEvent;
import dev.troubleticket.kosc.model.KoscTicket;
import dev.troubleticket.kosc.model.KoscTicketEvent;
import dev.troubleticket.testkit.SimulatorServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * One odd value never fails a ticket, an event or a page: for every field of Kosc's ticket, ticket event and
 * feed event (every component of the record and every field of the document's example), in every JSON
 * shape ({@link OddValues}), a real server answers it alone and in a page between two good ones; the typed
 * and the neutral readings keep it, its raw JSON keeps the value as sent, its typed scalar fields keep the
 * value's text, and every page yields all three.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OddValueTest {
    private SimulatorServer server;
    private KoscClient client;
    private volatile String single = "{}";
    private volatile String page = "[]";

    private static ObjectNode example(String name) throws IOException {
        try (InputStream in = OddValueTest.class.getResourceAsStream("/spec-examples/" + name + ".json")) {
            JsonNode json = Json.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return (ObjectNode) (json.isArray() ? json.get(1) : json);
        }
    }

    @BeforeAll
    void start() {
        server = new SimulatorServer(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                // A list answers once: asked for what follows (a cursor), it has nothing more.
                boolean list = path.equals("/api/tickets/") || path.endsWith("/events/");
                String body = list && request.getUrl().queryParameter("after") != null ? "{\"count\":3,\"next\":null,\"results\":[]}"
                        : list ? page : single;
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
            }
        }).start();
        client = KoscClient.builder().baseUrl(server.baseUrl()).staticToken("JWT", "static-token")
                .transportOptions(TransportOptions.builder().retryPolicy(RetryPolicy.none()).build()).build();
    }

    @AfterAll
    void stop() {
        client.close();
        server.close();
    }

    private void serve(ObjectNode example, JsonNode odd, String idField, String idPrefix) {
        ObjectNode first = example.deepCopy().put(idField, idPrefix + "1");
        ObjectNode last = example.deepCopy().put(idField, idPrefix + "2");
        single = odd.toString();
        page = "{\"count\":3,\"next\":null,\"results\":[" + first + "," + odd + "," + last + "]}";
    }

    @TestFactory
    Stream<DynamicTest> everyTicketFieldInEveryShapeKeepsTheTicketAndThePage() throws IOException {
        ObjectNode example = example("ticket-get");
        List<OddValues.Case> cases = OddValues.cases(KoscTicket.class, example);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(7 * 30);
        return cases.stream().map(odd -> DynamicTest.dynamicTest(odd.toString(), () -> {
            serve(example, OddValues.apply(example, odd), "sort_value", "s-");

            KoscTicket typed = client.api().getTicket("989");
            if (!odd.field().equals("raw_json")) {
                // raw_json is the component the reader fills with the ticket's JSON as received, whatever the field says.
                OddValues.assertScalarKept(typed, odd);
            }
            OddValues.assertKeptAsSent(typed.rawJson(), odd);
            OddValues.assertKeptAsSent(client.get("989").raw().json(), odd);

            List<KoscTicket> listed = client.api().listTickets(new TicketListQuery(null, 3)).stream().toList();
            assertThat(listed).as("%s: the typed page", odd).hasSize(3);
            assertThat(listed.get(0).sortValue()).isEqualTo("s-1");
            assertThat(listed.get(2).sortValue()).isEqualTo("s-2");
            OddValues.assertKeptAsSent(listed.get(1).rawJson(), odd);

            List<Ticket> neutral = client.list(TicketQuery.builder().pageSize(3).build()).stream().toList();
            assertThat(neutral).as("%s: the neutral page", odd).hasSize(3);
            OddValues.assertKeptAsSent(neutral.get(1).raw().json(), odd);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyTicketEventFieldInEveryShapeKeepsTheEventAndTheHistory() throws IOException {
        ObjectNode example = example("ticket-events-list");
        return OddValues.cases(KoscTicketEvent.class, example).stream().map(odd -> DynamicTest.dynamicTest(odd.toString(), () -> {
            ObjectNode event = OddValues.apply(example, odd);
            single = event.toString();
            page = "[" + example.deepCopy().put("sort_value", "s-1") + "," + event + "," + example.deepCopy().put("sort_value", "s-2") + "]";

            List<KoscTicketEvent> typed = client.api().listTicketEvents("989");
            assertThat(typed).as("%s: the typed events", odd).hasSize(3);
            if (!odd.field().equals("raw_json")) {
                OddValues.assertScalarKept(typed.get(1), odd);
            }
            OddValues.assertKeptAsSent(typed.get(1).rawJson(), odd);
            List<TicketEvent> history = client.history("989");
            assertThat(history).as("%s: the neutral history", odd).hasSize(3);
            assertThat(history).anySatisfy(e -> OddValues.assertKeptAsSent(e.raw().json(), odd));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyFeedEventFieldInEveryShapeKeepsTheEventAndThePage() throws IOException {
        ObjectNode example = example("event-get");
        return OddValues.cases(KoscEventWire.class, example).stream().map(odd -> DynamicTest.dynamicTest(odd.toString(), () -> {
            ObjectNode event = OddValues.apply(example, odd);
            single = event.toString();
            page = "{\"count\":3,\"next\":null,\"results\":[" + example.deepCopy().put("event_uuid", "e-1").put("sort_value", "s-1")
                    + "," + event + "," + example.deepCopy().put("event_uuid", "e-2").put("sort_value", "s-2") + "]}";

            OddValues.assertKeptAsSent(client.api().getEvent("3cpkp1f1").rawJson(), odd);
            List<KoscEvent> typed = client.api().eventPage(EventQuery.all(), null).items();
            assertThat(typed).as("%s: the typed page", odd).hasSize(3);
            OddValues.assertKeptAsSent(typed.get(1).rawJson(), odd);

            // The page as the subscription's feed stream reads and maps it.
            List<TicketEvent> neutral = new FeedEventSource(after -> client.api().eventPage(EventQuery.all(), after), Duration.ofSeconds(30)).poll(null, null).events()
                    .stream().map(SourceEvent::event).toList();
            assertThat(neutral).as("%s: the neutral feed", odd).extracting(TicketEvent::id).contains("e-1", "e-2");
            assertThat(neutral).anySatisfy(e -> OddValues.assertKeptAsSent(e.raw().json(), odd));
        }));
    }
}
