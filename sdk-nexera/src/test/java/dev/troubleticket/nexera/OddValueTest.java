package dev.troubleticket.nexera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.contract.OddValues;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketQuery;
import dev.troubleticket.nexera.model.TroubleTicket;
import dev.troubleticket.testkit.SimulatorServer;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * One odd value never fails a ticket or a page: for every field of the TroubleTicket record and of the
 * document's example, in every JSON shape ({@link OddValues}), a real server answers the ticket alone and
 * in a page between two good ones; the typed and the neutral get read it, its raw JSON keeps the value as
 * sent, its typed scalar fields keep the value's text, and the typed and neutral lists yield all three.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OddValueTest {
    private static final String ODD_ID = "TT-ODD";

    private SimulatorServer server;
    private volatile String ticket = "{}";
    private volatile String page = "[]";
    private ObjectNode example;
    private Tmf621Client client;

    @BeforeAll
    void start() throws IOException {
        try (InputStream in = OddValueTest.class.getResourceAsStream("/spec-examples/trouble-ticket.json")) {
            example = (ObjectNode) Json.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        example.put("id", ODD_ID);
        // The simulators' server (a MockWebServer whose sockets do not wait on Nagle's algorithm).
        server = new SimulatorServer(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                String body = path.endsWith("/troubleTicket/" + ODD_ID) ? ticket : path.endsWith("/troubleTicket") ? page : null;
                return body == null ? new MockResponse.Builder().code(404).build()
                        : new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
            }
        }).start();
        client = NexeraClient.builder().baseUrl(server.baseUrl()).basicAuth("op", "pw")
                .transportOptions(TransportOptions.builder().retryPolicy(RetryPolicy.none()).build()).build();
    }

    @AfterAll
    void stop() {
        client.close();
        server.close();
    }

    private void serve(JsonNode odd) {
        ObjectNode first = example.deepCopy().put("id", "TT-GOOD-1");
        ObjectNode last = example.deepCopy().put("id", "TT-GOOD-2");
        ticket = odd.toString();
        page = "[" + first + "," + odd + "," + last + "]";
    }

    @TestFactory
    Stream<DynamicTest> everyFieldInEveryShapeKeepsTheTicketAndThePage() {
        List<OddValues.Case> cases = OddValues.cases(TroubleTicket.class, example);
        assertThat(cases).hasSizeGreaterThan(7 * 30);
        return cases.stream().map(odd -> DynamicTest.dynamicTest(odd.toString(), () -> check(odd)));
    }

    private void check(OddValues.Case odd) {
        serve(OddValues.apply(example, odd));
        boolean withoutId = odd.field().equals("id") && odd.value().isNull();
        if (withoutId) {
            // A ticket answered on its own without an id is not the ticket asked for (a gateway's {} would read so).
            assertThatThrownBy(() -> client.api().get(ODD_ID)).isInstanceOfSatisfying(ProviderException.class,
                    e -> assertThat(e.rawBody()).isEqualTo(ticket));
            assertThatThrownBy(() -> client.get(ODD_ID)).isInstanceOf(ProviderException.class);
        } else {
            OddValues.assertScalarKept(client.api().get(ODD_ID), odd);
            OddValues.assertKeptAsSent(client.get(ODD_ID).raw().json(), odd);
        }

        List<TroubleTicket> typed = client.api().listPage(TroubleTicketFilter.builder().build(), 0, 50).tickets();
        assertThat(typed).as("%s: the typed page", odd).hasSize(3);
        assertThat(typed.get(0).id()).isEqualTo("TT-GOOD-1");
        assertThat(typed.get(2).id()).isEqualTo("TT-GOOD-2");
        OddValues.assertScalarKept(typed.get(1), odd);

        List<Ticket> neutral = client.list(TicketQuery.builder().pageSize(50).build()).stream().toList();
        assertThat(neutral).as("%s: the neutral page", odd).extracting(Ticket::id)
                .containsExactly("TT-GOOD-1", withoutId ? "" : typed.get(1).id(), "TT-GOOD-2");
        OddValues.assertKeptAsSent(neutral.get(1).raw().json(), odd);
    }

    @Test
    void aPriorityWrittenAsTextIsKeptTypedAndReadByItsNameNeutrally() {
        serve(example.deepCopy().put("priority", "High"));

        TroubleTicket typed = client.api().get(ODD_ID);
        assertThat(typed.priority().raw()).isEqualTo("High");
        assertThat(typed.priority().asInteger()).isNull();
        assertThat(client.get(ODD_ID).priority()).isEqualTo(new Priority(Priority.Level.HIGH, "High"));
        assertThat(client.list(TicketQuery.builder().pageSize(50).build()).stream().map(Ticket::priority).toList())
                .containsExactly(new Priority(Priority.Level.HIGH, "4"), new Priority(Priority.Level.HIGH, "High"),
                        new Priority(Priority.Level.HIGH, "4"));

        serve(example.deepCopy().put("priority", "urgent-ish"));
        assertThat(client.get(ODD_ID).priority()).isEqualTo(new Priority(Priority.Level.UNKNOWN, "urgent-ish"));
    }

    @Test
    void aTmf621ServerHoldingATicketWithATextPriorityServesItToTheNeutralGetAndList() {
        try (NexeraSimulator simulator = new NexeraSimulator(Clock.systemUTC(), Tmf621Profile.TMF_BASE_PATH).start(0);
             TicketingClient tmf = TicketingClients.create("tmf621", simulator.tokenClientSettings())) {
            Ticket plain = tmf.create(CreateTicketRequest.builder().externalReference("ODD-1").serviceId("L-1").title("Down")
                    .description("no traffic").priority(Priority.of(Priority.Level.LOW)).build());
            Ticket odd = tmf.create(CreateTicketRequest.builder().externalReference("ODD-2").serviceId("L-2").title("Down")
                    .description("no traffic").build());
            // TMF621 v4's schema types priority as a string: the server holds it so.
            simulator.changeAttribute(odd.id(), "priority", "High");

            assertThat(tmf.get(odd.id()).priority()).isEqualTo(new Priority(Priority.Level.HIGH, "High"));
            assertThat(tmf.get(odd.id()).raw().json()).contains("\"priority\":\"High\"");
            assertThat(tmf.list(TicketQuery.builder().build()).stream().toList())
                    .extracting(Ticket::id, Ticket::priority)
                    .containsExactlyInAnyOrder(tuple(plain.id(), new Priority(Priority.Level.LOW, "8")),
                            tuple(odd.id(), new Priority(Priority.Level.HIGH, "High")));
            assertThat(tmf.unwrap(Tmf621Api.class).get(odd.id()).priority().raw()).isEqualTo("High");
        }
    }

    @Test
    void aBodyCutShortIsStillAProviderExceptionKeepingStatusAndBody() {
        String whole = example.toString();
        ticket = whole.substring(0, whole.length() / 2);
        page = "[" + whole + "," + whole.substring(0, whole.length() / 2);

        assertThatThrownBy(() -> client.get(ODD_ID)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(200);
            assertThat(e.rawBody()).isEqualTo(ticket);
        });
        assertThatThrownBy(() -> client.list(TicketQuery.builder().pageSize(50).build()).stream().toList())
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.rawBody()).isEqualTo(page));
    }
}
