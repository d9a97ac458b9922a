package dev.troubleticket.masstack.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.contract.OddValues;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.masstack.MasStackApi;
import dev.troubleticket.masstack.MasStackClient;
import dev.troubleticket.masstack.ServiceAccount;
import dev.troubleticket.testkit.SimulatorServer;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
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
 * One odd value never fails a ticket: for every field of MasStack's ticket (every component of its wire
 * record and every field of the document's get answer), in every JSON shape ({@link OddValues}), a real
 * server answers it; the typed and the neutral get read it, the typed ticket keeps the value's text and its
 * raw JSON the value as sent. MasStack has no list, so there is no page to keep.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OddValueTest {
    private SimulatorServer server;
    private MasStackClient client;
    private volatile String ticket = "{}";
    private ObjectNode example;

    @BeforeAll
    void start() throws Exception {
        try (InputStream in = OddValueTest.class.getResourceAsStream("/spec-examples/get-response.json")) {
            example = (ObjectNode) Json.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        server = new SimulatorServer(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getUrl().encodedPath().equals("/oauth/token")
                        ? "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600}" : ticket;
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
            }
        }).start();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        client = MasStackClient.builder().baseUrl(server.baseUrl())
                .serviceAccount(ServiceAccount.of("isp@sa.example", "key-1", (RSAPrivateKey) generator.generateKeyPair().getPrivate()))
                .tokenUrl(server.baseUrl() + "oauth/token")
                .transportOptions(TransportOptions.builder().retryPolicy(RetryPolicy.none()).build()).build();
    }

    @AfterAll
    void stop() {
        client.close();
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> everyFieldInEveryShapeKeepsTheTicket() {
        return OddValues.cases(MasStackTicket.TicketWire.class, example).stream()
                .map(odd -> DynamicTest.dynamicTest(odd.toString(), () -> check(odd)));
    }

    private void check(OddValues.Case odd) throws Exception {
        ticket = OddValues.apply(example, odd).toString();
        MasStackApi api = client.unwrap(MasStackApi.class);
        if (odd.field().equals("ticketId") && odd.value().isNull()) {
            // Every reader of a ticket needs its id: an answer without one is not the ticket asked for.
            assertThatThrownBy(() -> api.get("RED-84")).isInstanceOfSatisfying(ProviderException.class,
                    e -> assertThat(e.rawBody()).isEqualTo(ticket));
            return;
        }
        MasStackTicket typed = api.get("RED-84");
        OddValues.assertKeptAsSent(typed.rawJson(), odd);
        OddValues.assertKeptAsSent(client.get("RED-84").raw().json(), odd);
        Method accessor = textAccessor(odd.field());
        if (accessor != null) {
            String expected = odd.value().isNull() ? null : odd.value().isTextual() ? odd.value().textValue()
                    : odd.value().isValueNode() ? odd.value().asText() : odd.value().toString();
            Object[] arguments = accessor.getParameterCount() == 0 ? new Object[0] : new Object[] {whIndex(odd.field())};
            assertThat(accessor.invoke(typed, arguments)).as("%s: the typed ticket keeps its text", odd).isEqualTo(expected);
        }
        // The typed views never fail on it either.
        typed.priorityLevel();
        typed.customerCount();
        typed.state();
        typed.issueType();
        typed.troubleDetectionTime();
    }

    /** The accessor of MasStackTicket that answers a field's text, or {@code null} for the attachment list. */
    private static Method textAccessor(String field) throws NoSuchMethodException {
        if (field.equals("attachments")) {
            return null;
        }
        if (field.matches("wh[2-5]Parameter")) {
            return MasStackTicket.class.getMethod("whParameter", int.class);
        }
        if (field.equals("troubleDetectionTime") || field.equals("troubleDectectionTime")) {
            return MasStackTicket.class.getMethod("troubleDetectionTimeText");
        }
        return MasStackTicket.class.getMethod(field);
    }

    private static int whIndex(String field) {
        return field.charAt(2) - '0';
    }
}
