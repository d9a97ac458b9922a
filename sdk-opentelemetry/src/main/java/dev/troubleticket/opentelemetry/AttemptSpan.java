package dev.troubleticket.opentelemetry;

import static dev.troubleticket.opentelemetry.SpanAttributes.ERROR_TYPE;
import static dev.troubleticket.opentelemetry.SpanAttributes.HTTP_RESPONSE_STATUS_CODE;

import dev.troubleticket.core.instrument.AttemptObserver;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;

/** Ends one HTTP attempt's client span as the semantic conventions say: a 4xx or 5xx answer is an error of a client. */
final class AttemptSpan implements AttemptObserver {
    private final Span span;

    AttemptSpan(Span span) {
        this.span = span;
    }

    @Override
    public void responded(int status) {
        span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) status);
        if (status >= 400) {
            span.setAttribute(ERROR_TYPE, String.valueOf(status));
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    @Override
    public void failed(Exception cause) {
        span.setAttribute(ERROR_TYPE, cause.getClass().getName());
        span.setStatus(StatusCode.ERROR);
        span.recordException(cause);
        span.end();
    }
}
