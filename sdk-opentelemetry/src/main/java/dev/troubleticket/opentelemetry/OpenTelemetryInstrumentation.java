package dev.troubleticket.opentelemetry;

import static dev.troubleticket.opentelemetry.SpanAttributes.ATTEMPTS;
import static dev.troubleticket.opentelemetry.SpanAttributes.DELIVERY_ATTEMPT;
import static dev.troubleticket.opentelemetry.SpanAttributes.ERROR_TYPE;
import static dev.troubleticket.opentelemetry.SpanAttributes.EVENT_KEY;
import static dev.troubleticket.opentelemetry.SpanAttributes.HTTP_REQUEST_METHOD;
import static dev.troubleticket.opentelemetry.SpanAttributes.HTTP_REQUEST_RESEND_COUNT;
import static dev.troubleticket.opentelemetry.SpanAttributes.OPERATION;
import static dev.troubleticket.opentelemetry.SpanAttributes.OUTCOME;
import static dev.troubleticket.opentelemetry.SpanAttributes.PROVIDER;
import static dev.troubleticket.opentelemetry.SpanAttributes.RETRY_DELAY_MS;
import static dev.troubleticket.opentelemetry.SpanAttributes.RETRY_REASON;
import static dev.troubleticket.opentelemetry.SpanAttributes.SERVER_ADDRESS;
import static dev.troubleticket.opentelemetry.SpanAttributes.SERVER_PORT;
import static dev.troubleticket.opentelemetry.SpanAttributes.SUBSCRIPTION;
import static dev.troubleticket.opentelemetry.SpanAttributes.TICKET_ID;
import static dev.troubleticket.opentelemetry.SpanAttributes.TOKEN_RENEWAL;
import static dev.troubleticket.opentelemetry.SpanAttributes.URL_FULL;

import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.instrument.AttemptObserver;
import dev.troubleticket.core.instrument.DeliveryObserver;
import dev.troubleticket.core.instrument.EventDelivery;
import dev.troubleticket.core.instrument.HttpAttempt;
import dev.troubleticket.core.instrument.Instrumentation;
import dev.troubleticket.core.instrument.Operation;
import dev.troubleticket.core.instrument.OperationObserver;
import dev.troubleticket.core.instrument.Outcome;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.time.Duration;
import java.util.Objects;

/**
 * Traces what the SDK does with the OpenTelemetry API:
 *
 * <ul>
 *   <li>an {@link SpanKind#INTERNAL INTERNAL} span per SDK operation ({@code troubleticket get}, {@code troubleticket
 *       list}, {@code troubleticket poll}, ...), current while it runs, with the provider, the operation and the
 *       ticket id (unless {@link Builder#ticketIdAttribute(boolean) turned off});</li>
 *   <li>a {@link SpanKind#CLIENT CLIENT} span per HTTP attempt, child of the operation's, following OpenTelemetry's
 *       stable HTTP client semantic conventions, and the W3C trace context of that span on the request through
 *       the {@link OpenTelemetry#getPropagators() configured propagator};</li>
 *   <li>a {@link SpanKind#CONSUMER CONSUMER} span ({@code troubleticket deliver}) per delivery of an event to a
 *       subscription's handler, current while the handler runs so that its own spans nest under it;</li>
 *   <li>retries, re-authentications and tokens obtained as events on the current span.</li>
 * </ul>
 *
 * <pre>{@code
 * TransportOptions transport = TransportOptions.builder()
 *         .instrumentation(OpenTelemetryInstrumentation.of(openTelemetry))
 *         .build();
 * }</pre>
 */
public final class OpenTelemetryInstrumentation implements Instrumentation {
    /** The instrumentation scope name of the SDK's spans. */
    public static final String INSTRUMENTATION_NAME = "dev.troubleticket.sdk";

    private static final TextMapSetter<HttpAttempt> HEADERS = (attempt, name, value) -> {
        if (attempt != null) {
            try {
                attempt.header(name, value);
            } catch (IllegalArgumentException reserved) {
                // A propagator that writes a header the transport keeps for itself: the request goes without it.
            }
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final boolean ticketIdAttribute;

    private OpenTelemetryInstrumentation(Builder b) {
        this.tracer = b.openTelemetry.getTracer(INSTRUMENTATION_NAME, TicketingClients.sdkVersion());
        this.propagator = b.openTelemetry.getPropagators().getTextMapPropagator();
        this.ticketIdAttribute = b.ticketIdAttribute;
    }

    /** Spans of {@code openTelemetry}'s tracer, with the defaults (the ticket id as an attribute). */
    public static OpenTelemetryInstrumentation of(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /** A builder of spans of {@code openTelemetry}'s tracer. */
    public static Builder builder(OpenTelemetry openTelemetry) {
        return new Builder(openTelemetry);
    }

    @Override
    public OperationObserver operationStarted(Operation operation) {
        SpanBuilder builder = tracer.spanBuilder("troubleticket " + operation.name())
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute(PROVIDER, operation.provider())
                .setAttribute(OPERATION, operation.name());
        if (ticketIdAttribute && operation.ticketId() != null) {
            builder.setAttribute(TICKET_ID, operation.ticketId());
        }
        Span span = builder.startSpan();
        // Current until the operation ends, on this thread: the attempts' client spans are its children.
        Scope scope = span.makeCurrent();
        return failure -> {
            scope.close();
            span.setAttribute(ATTEMPTS, (long) operation.attempts());
            end(span, failure);
        };
    }

    @Override
    public AttemptObserver attemptStarted(HttpAttempt attempt) {
        SpanBuilder builder = tracer.spanBuilder(attempt.method())
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(HTTP_REQUEST_METHOD, attempt.method())
                .setAttribute(SERVER_ADDRESS, attempt.host())
                .setAttribute(SERVER_PORT, (long) attempt.port())
                .setAttribute(URL_FULL, attempt.url())
                .setAttribute(PROVIDER, attempt.provider());
        if (attempt.number() > 1) {
            builder.setAttribute(HTTP_REQUEST_RESEND_COUNT, (long) attempt.number() - 1);
        }
        Span span = builder.startSpan();
        propagator.inject(Context.current().with(span), attempt, HEADERS);
        return new AttemptSpan(span);
    }

    @Override
    public void retryScheduled(HttpAttempt failed, String reason, Duration delay) {
        Span.current().addEvent("troubleticket.retry", Attributes.of(PROVIDER, failed.provider(), RETRY_REASON, reason,
                RETRY_DELAY_MS, delay.toMillis()));
    }

    @Override
    public void reauthenticating(HttpAttempt refused) {
        Span.current().addEvent("troubleticket.reauthentication", Attributes.of(PROVIDER, refused.provider()));
    }

    @Override
    public void tokenObtained(String provider, boolean renewal) {
        Span.current().addEvent("troubleticket.token.obtained", Attributes.of(PROVIDER, provider, TOKEN_RENEWAL, renewal));
    }

    @Override
    public DeliveryObserver deliveryStarted(EventDelivery delivery) {
        SpanBuilder builder = tracer.spanBuilder("troubleticket deliver")
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(PROVIDER, delivery.provider())
                .setAttribute(SUBSCRIPTION, delivery.subscription())
                .setAttribute(DELIVERY_ATTEMPT, (long) delivery.attempt());
        if (ticketIdAttribute) {
            // An event's key names its ticket for some providers: both or neither.
            builder.setAttribute(EVENT_KEY, delivery.key());
            if (delivery.event().ticketId() != null) {
                builder.setAttribute(TICKET_ID, delivery.event().ticketId());
            }
        }
        Span span = builder.startSpan();
        Scope scope = span.makeCurrent();
        return failure -> {
            scope.close();
            end(span, failure);
        };
    }

    private static void end(Span span, Throwable failure) {
        Outcome outcome = Outcome.of(failure);
        span.setAttribute(OUTCOME, outcome.tag());
        if (failure != null) {
            span.setAttribute(ERROR_TYPE, outcome.tag());
            span.setStatus(StatusCode.ERROR);
            span.recordException(failure);
        }
        span.end();
    }

    @Override
    public String toString() {
        return "OpenTelemetryInstrumentation[ticketIdAttribute=" + ticketIdAttribute + "]";
    }

    /** Options of an {@link OpenTelemetryInstrumentation}. */
    public static final class Builder {
        private final OpenTelemetry openTelemetry;
        private boolean ticketIdAttribute = true;

        private Builder(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
        }

        /**
         * Whether spans carry the ticket id ({@code troubleticket.ticket.id}) and a delivered event's key
         * ({@code troubleticket.event.key}); true by default. Turn it off where ticket ids count as personal data or
         * should not reach the tracing back end.
         */
        public Builder ticketIdAttribute(boolean value) {
            this.ticketIdAttribute = value;
            return this;
        }

        /** The instrumentation. */
        public OpenTelemetryInstrumentation build() {
            return new OpenTelemetryInstrumentation(this);
        }
    }
}
