package dev.troubleticket.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.auth.AccessToken;
import dev.troubleticket.core.auth.RenewingTokenAuth;
import dev.troubleticket.core.contract.RecordingInstrumentation;
import dev.troubleticket.core.error.TransportException;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.instrument.HttpAttempt;
import dev.troubleticket.core.instrument.Instrumentation;
import dev.troubleticket.core.instrument.Operation;
import dev.troubleticket.core.instrument.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the transport and token renewal tell an instrumentation, on a real server. */
class TransportInstrumentationTest {
    private final MockWebServer server = new MockWebServer();
    private final RecordingInstrumentation recorded = new RecordingInstrumentation();
    private final AtomicInteger logins = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpTransport transport(Instrumentation instrumentation) {
        TransportOptions options = TransportOptions.builder().instrumentation(instrumentation)
                .retryPolicy(RetryPolicy.defaults().withMaxRetries(1).withSleeper(delay -> { })).build();
        RenewingTokenAuth auth = RenewingTokenAuth.of(
                () -> new AccessToken("token-" + logins.incrementAndGet(), Instant.now().plus(Duration.ofHours(1)), null),
                "Bearer", Duration.ofSeconds(60), Clock.systemUTC()).instrumented("test", instrumentation);
        return new HttpTransport("test", server.url("/api/").toString(), options, auth, ErrorBodyParser.none(), Json.mapper());
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body("{}").build();
    }

    @Test
    void aRefusedCredentialIsToldAsAReauthenticationAndTheNewTokenAsARenewal() {
        server.enqueue(status(401));
        server.enqueue(status(200));
        Operations operations = new Operations("test", recorded);

        operations.call(Operation.GET, "T-1", () -> transport(recorded).send(ApiRequest.get("tickets/T-1").build()));

        assertThat(recorded.tokens).as("the first token, then its renewal after the 401").containsExactly(false, true);
        assertThat(recorded.reauthentications).containsExactly("GET /api/tickets/T-1");
        assertThat(recorded.attempts).extracting(RecordingInstrumentation.Attempt::status).containsExactly(401, 200);
        assertThat(recorded.operations).singleElement().satisfies(operation -> {
            assertThat(operation.attempts()).isEqualTo(2);
            assertThat(operation.lastStatus()).isEqualTo(200);
            assertThat(operation.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(operation.ticketId()).isEqualTo("T-1");
        });
    }

    @Test
    void anAttemptWithoutAnAnswerIsToldAsFailedAndTheOperationAsATransportError() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        Operations operations = new Operations("test", recorded);

        assertThatThrownBy(() -> operations.call(Operation.GET, null,
                () -> transport(recorded).send(ApiRequest.get("tickets").build()))).isInstanceOf(TransportException.class);

        assertThat(recorded.attempts).hasSize(2).allSatisfy(attempt -> {
            assertThat(attempt.status()).isZero();
            assertThat(attempt.failure()).isNotNull();
        });
        assertThat(recorded.retries).hasSize(1);
        assertThat(recorded.operations).singleElement().satisfies(operation -> {
            assertThat(operation.outcome()).isEqualTo(Outcome.TRANSPORT_ERROR);
            assertThat(operation.lastStatus()).isZero();
        });
    }

    @Test
    void anAttemptOutsideAnOperationIsStillToldAndCarriesTheHeadersSet() throws Exception {
        server.enqueue(status(200));

        transport(recorded).send(ApiRequest.get("tickets").build());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get(RecordingInstrumentation.HEADER)).isEqualTo("1");
        assertThat(recorded.attempts).singleElement().satisfies(attempt -> assertThat(attempt.operation()).isNull());
        assertThat(recorded.operations).isEmpty();
    }

    @Test
    void instrumentationMayNotSetTheCredentialOrFramingHeaders() {
        HttpAttempt attempt = new HttpAttempt("test", null, "GET", "https", "example.net", 443, "/x", 1);
        for (String reserved : List.of("Authorization", "cookie", "Host", "Content-Length")) {
            assertThatThrownBy(() -> attempt.header(reserved, "x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(reserved);
        }
        attempt.header("traceparent", "00-abc-def-01");
        assertThat(attempt.headers()).containsOnlyKeys("traceparent");
    }

    @Test
    void allToldTogetherEndInTheReverseOrderTheyStartedAndNoneIsNothing() {
        List<String> order = new CopyOnWriteArrayList<>();
        Instrumentation first = named("first", order);
        Instrumentation second = named("second", order);
        Operations operations = new Operations("test", Instrumentation.all(first, Instrumentation.none(), second));

        operations.call(Operation.CREATE, null, () -> "done");

        assertThat(order).containsExactly("first started", "second started", "second ended", "first ended");
        assertThat(Instrumentation.all(Instrumentation.none())).isSameAs(Instrumentation.none());
        assertThat(Instrumentation.all(first)).isSameAs(first);
    }

    private static Instrumentation named(String name, List<String> order) {
        return new Instrumentation() {
            @Override
            public dev.troubleticket.core.instrument.OperationObserver operationStarted(Operation operation) {
                order.add(name + " started");
                return failure -> order.add(name + " ended");
            }
        };
    }
}
