/**
 * Hooks for metrics and tracing: an {@link dev.troubleticket.core.instrument.Instrumentation} is told when an SDK
 * operation starts and ends, about each HTTP attempt (and may add request headers to it), re-authentication, token
 * renewal, each delivered event and each subscription's start and stop. It depends on no metrics or tracing library:
 * {@code sdk-micrometer} and {@code sdk-opentelemetry} implement it. Set it with
 * {@link dev.troubleticket.core.http.TransportOptions.Builder#instrumentation}.
 */
package dev.troubleticket.core.instrument;
