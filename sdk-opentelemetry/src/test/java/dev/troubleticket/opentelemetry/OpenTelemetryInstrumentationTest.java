package dev.troubleticket.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.error.NotFoundException;
import dev.troubleticket.core.error.TransportException;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketQuery;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The spans of a Kosc client and subscription, against the Kosc simulator on a real port. */
class OpenTelemetryInstrumentationTest {
    @RegisterExtension
    static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

    private final KoscSimulator simulator = new KoscSimulator().start();
    private TicketingClient client;

    private TicketingClient client(OpenTelemetryInstrumentation instrumentation, RetryPolicy retries) {
        TransportOptions transport = TransportOptions.builder().retryPolicy(retries).instrumentation(instrumentation).build();
        client = TicketingClients.create("kosc", ProviderSettings.of(simulator.clientSettings().asMap(), transport));
        return client;
    }

    private TicketingClient client() {
        return client(OpenTelemetryInstrumentation.of(otel.getOpenTelemetry()),
                RetryPolicy.defaults().withMaxRetries(2).withSleeper(delay -> { }));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        simulator.close();
    }

    private Ticket openTicket() {
        return client.create(simulator.sampleCreateRequest("REF-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    private List<SpanData> spans() {
        return otel.getSpans();
    }

    private SpanData only(String name) {
        List<SpanData> named = spans().stream().filter(s -> s.getName().equals(name)).toList();
        assertThat(named).as("spans named " + name).hasSize(1);
        return named.get(0);
    }

    private List<SpanData> childrenOf(SpanData parent) {
        return spans().stream().filter(s -> s.getParentSpanId().equals(parent.getSpanId())).toList();
    }

    private static <T> T attribute(SpanData span, AttributeKey<T> key) {
        return span.getAttributes().get(key);
    }

    @Test
    void anOperationIsAnInternalSpanWhoseChildIsTheHttpAttemptsClientSpan() {
        client();
        Ticket ticket = openTicket();
        otel.clearSpans();

        client.get(ticket.id());

        SpanData get = only("troubleticket get");
        assertThat(get.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(get.getParentSpanContext().isValid()).isFalse();
        assertThat(attribute(get, SpanAttributes.PROVIDER)).isEqualTo("kosc");
        assertThat(attribute(get, SpanAttributes.OPERATION)).isEqualTo("get");
        assertThat(attribute(get, SpanAttributes.TICKET_ID)).isEqualTo(ticket.id());
        assertThat(attribute(get, SpanAttributes.OUTCOME)).isEqualTo("success");
        assertThat(get.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

        List<SpanData> attempts = childrenOf(get);
        assertThat(attempts).hasSize(1);
        SpanData attempt = attempts.get(0);
        assertThat(attempt.getName()).isEqualTo("GET");
        assertThat(attempt.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(attempt.getTraceId()).isEqualTo(get.getTraceId());
        assertThat(attribute(attempt, SpanAttributes.HTTP_REQUEST_METHOD)).isEqualTo("GET");
        assertThat(attribute(attempt, SpanAttributes.SERVER_ADDRESS)).isEqualTo(simulator.server().baseUrl()
                .replaceAll("^http://([^:/]+).*$", "$1"));
        assertThat(attribute(attempt, SpanAttributes.SERVER_PORT)).isEqualTo((long) simulator.server().port());
        assertThat(attribute(attempt, SpanAttributes.URL_FULL)).startsWith("http://").contains(ticket.id());
        assertThat(attribute(attempt, SpanAttributes.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(200L);
        assertThat(attribute(attempt, SpanAttributes.HTTP_REQUEST_RESEND_COUNT)).isNull();
        assertThat(attempt.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void eachRequestCarriesTheW3cTraceContextOfItsClientSpan() {
        client();
        Ticket ticket = openTicket();
        Map<String, String> traceparents = new ConcurrentHashMap<>();
        simulator.server().interpose(next -> new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                String traceparent = request.getHeaders().get("traceparent");
                if (traceparent != null && request.getUrl().encodedPath().contains(ticket.id())) {
                    traceparents.put(request.getMethod(), traceparent);
                }
                return next.dispatch(request);
            }
        });
        otel.clearSpans();

        client.get(ticket.id());

        SpanData attempt = only("GET");
        assertThat(traceparents.get("GET")).isEqualTo("00-" + attempt.getTraceId() + "-" + attempt.getSpanId() + "-"
                + attempt.getSpanContext().getTraceFlags().asHex());
        assertThat(attempt.getSpanContext().isSampled()).isTrue();
    }

    @Test
    void urlFullLeavesOutTheQueryString() {
        client();
        openTicket();
        otel.clearSpans();

        client.list(TicketQuery.builder().pageSize(5).build()).pages().iterator().next();

        SpanData list = only("troubleticket list");
        assertThat(childrenOf(list)).isNotEmpty().allSatisfy(attempt ->
                assertThat(attribute(attempt, SpanAttributes.URL_FULL)).doesNotContain("?"));
    }

    @Test
    void theTicketIdAttributeCanBeTurnedOff() {
        client(OpenTelemetryInstrumentation.builder(otel.getOpenTelemetry()).ticketIdAttribute(false).build(),
                RetryPolicy.none());
        Ticket ticket = openTicket();

        client.get(ticket.id());

        assertThat(spans()).isNotEmpty().allSatisfy(span -> assertThat(attribute(span, SpanAttributes.TICKET_ID)).isNull());
        assertThat(attribute(only("troubleticket get"), SpanAttributes.OPERATION)).isEqualTo("get");
    }

    @Test
    void anUnknownTicketMarksBothSpansAsErrors() {
        client();
        openTicket();
        otel.clearSpans();

        assertThatThrownBy(() -> client.get("00000000-0000-0000-0000-000000000000")).isInstanceOf(NotFoundException.class);

        SpanData get = only("troubleticket get");
        assertThat(get.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attribute(get, SpanAttributes.ERROR_TYPE)).isEqualTo("not_found");
        assertThat(get.getEvents()).extracting(EventData::getName).contains("exception");
        SpanData attempt = childrenOf(get).get(0);
        assertThat(attribute(attempt, SpanAttributes.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(404L);
        assertThat(attribute(attempt, SpanAttributes.ERROR_TYPE)).isEqualTo("404");
        assertThat(attempt.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    @Test
    void aRetriedAttemptCountsItsResendAndTheRetryIsAnEventOfTheOperation() {
        client();
        Ticket ticket = openTicket();
        AtomicInteger refused = new AtomicInteger();
        simulator.server().interpose(next -> new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getUrl().encodedPath().contains(ticket.id()) && refused.getAndIncrement() == 0) {
                    return new MockResponse.Builder().code(503).build();
                }
                return next.dispatch(request);
            }
        });
        otel.clearSpans();

        client.get(ticket.id());

        SpanData get = only("troubleticket get");
        List<SpanData> attempts = childrenOf(get);
        assertThat(attempts).extracting(s -> attribute(s, SpanAttributes.HTTP_RESPONSE_STATUS_CODE))
                .containsExactlyInAnyOrder(503L, 200L);
        SpanData first = attempts.stream().filter(s -> attribute(s, SpanAttributes.HTTP_RESPONSE_STATUS_CODE) == 503L)
                .findFirst().orElseThrow();
        SpanData second = attempts.stream().filter(s -> s != first).findFirst().orElseThrow();
        assertThat(attribute(first, SpanAttributes.HTTP_REQUEST_RESEND_COUNT)).isNull();
        assertThat(attribute(first, SpanAttributes.ERROR_TYPE)).isEqualTo("503");
        assertThat(attribute(second, SpanAttributes.HTTP_REQUEST_RESEND_COUNT)).isEqualTo(1L);
        assertThat(get.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(get.getEvents()).extracting(EventData::getName).containsExactly("troubleticket.retry");
        assertThat(get.getEvents().get(0).getAttributes().get(SpanAttributes.RETRY_REASON)).isEqualTo("503");
    }

    @Test
    void aConnectionFailureIsTheAttemptsErrorTypeByExceptionClass() {
        client(OpenTelemetryInstrumentation.of(otel.getOpenTelemetry()), RetryPolicy.none());
        Ticket ticket = openTicket();
        simulator.close();
        otel.clearSpans();

        assertThatThrownBy(() -> client.get(ticket.id())).isInstanceOf(TransportException.class);

        SpanData get = only("troubleticket get");
        assertThat(attribute(get, SpanAttributes.ERROR_TYPE)).isEqualTo("transport_error");
        SpanData attempt = childrenOf(get).get(0);
        assertThat(attribute(attempt, SpanAttributes.ERROR_TYPE)).startsWith("java.");
        assertThat(attribute(attempt, SpanAttributes.HTTP_RESPONSE_STATUS_CODE)).isNull();
        assertThat(attempt.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    @Test
    void reauthenticationAndTokenRenewalAreEventsOfTheOperationsSpan() {
        client();
        Ticket ticket = openTicket();
        assertThat(only("troubleticket create").getEvents()).extracting(EventData::getName)
                .contains("troubleticket.token.obtained");
        simulator.revokeTokens();
        otel.clearSpans();

        client.get(ticket.id());

        SpanData get = only("troubleticket get");
        assertThat(get.getEvents()).extracting(EventData::getName)
                .containsExactly("troubleticket.reauthentication", "troubleticket.token.obtained");
        assertThat(get.getEvents().get(1).getAttributes().get(SpanAttributes.TOKEN_RENEWAL)).isTrue();
        // The refused request, the token request of the renewal, and the request sent again: all under the operation.
        assertThat(childrenOf(get)).filteredOn(s -> attribute(s, SpanAttributes.URL_FULL).contains(ticket.id()))
                .extracting(s -> attribute(s, SpanAttributes.HTTP_RESPONSE_STATUS_CODE)).containsExactlyInAnyOrder(401L, 200L);
        assertThat(childrenOf(get)).hasSize(3);
    }

    @Test
    void eachDeliveredEventIsAConsumerSpanUnderWhichTheHandlersOwnSpansNest() {
        client();
        var tracer = otel.getOpenTelemetry().getTracer("handler");
        Map<String, String> handlerSpans = new ConcurrentHashMap<>();
        TicketSubscription subscription = client.subscribe(event -> {
            Span own = tracer.spanBuilder("handle " + event.ticketId()).startSpan();
            handlerSpans.put(own.getSpanContext().getSpanId(), event.ticketId());
            own.end();
        }, SubscriptionOptions.builder("traced").store(new InMemorySubscriptionStore())
                .pollInterval(Duration.ofMillis(100)).build()).start();
        Ticket ticket;
        try {
            ticket = openTicket();
            eventually(() -> handlerSpans.containsValue(ticket.id()));
        } finally {
            subscription.close();
        }

        SpanData own = spans().stream().filter(s -> s.getName().equals("handle " + ticket.id())).findFirst().orElseThrow();
        SpanData delivery = spans().stream().filter(s -> s.getSpanId().equals(own.getParentSpanId())).findFirst()
                .orElseThrow();
        assertThat(delivery.getName()).isEqualTo("troubleticket deliver");
        assertThat(delivery.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(attribute(delivery, SpanAttributes.PROVIDER)).isEqualTo("kosc");
        assertThat(attribute(delivery, SpanAttributes.SUBSCRIPTION)).isEqualTo("traced");
        assertThat(attribute(delivery, SpanAttributes.TICKET_ID)).isEqualTo(ticket.id());
        assertThat(attribute(delivery, SpanAttributes.EVENT_KEY)).isNotBlank();
        assertThat(attribute(delivery, SpanAttributes.DELIVERY_ATTEMPT)).isEqualTo(1L);
        assertThat(attribute(delivery, SpanAttributes.OUTCOME)).isEqualTo("success");
        assertThat(spans()).extracting(SpanData::getName).contains("troubleticket poll");
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
