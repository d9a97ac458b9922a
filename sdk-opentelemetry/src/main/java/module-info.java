/**
 * OpenTelemetry tracing for the Trouble Ticket SDK:
 * {@link dev.troubleticket.opentelemetry.OpenTelemetryInstrumentation}, an
 * {@link dev.troubleticket.core.instrument.Instrumentation} that makes a span of each SDK operation, a client span of
 * each HTTP attempt with W3C trace context on the request, and a span of each delivered event.
 */
@SuppressWarnings("requires-automatic") // the OpenTelemetry API's jars name their module in their manifest only
module dev.troubleticket.opentelemetry {
    requires transitive dev.troubleticket.core;
    requires transitive io.opentelemetry.api;
    requires io.opentelemetry.context;

    exports dev.troubleticket.opentelemetry;
}
