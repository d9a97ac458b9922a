/**
 * OpenTelemetry tracing for the SDK: set {@link dev.troubleticket.opentelemetry.OpenTelemetryInstrumentation} with
 * {@link dev.troubleticket.core.http.TransportOptions.Builder#instrumentation}. The spans and their attributes are
 * listed in the module's README.
 */
package dev.troubleticket.opentelemetry;
