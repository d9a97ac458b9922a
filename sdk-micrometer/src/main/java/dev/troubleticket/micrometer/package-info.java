/**
 * Micrometer metrics for the SDK: set {@link dev.troubleticket.micrometer.MicrometerInstrumentation} with
 * {@link dev.troubleticket.core.http.TransportOptions.Builder#instrumentation}. The meters and their tags are listed
 * in the module's README.
 */
package dev.troubleticket.micrometer;
