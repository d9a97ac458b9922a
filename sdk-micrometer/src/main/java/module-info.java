/**
 * Micrometer metrics for the Trouble Ticket SDK: {@link dev.troubleticket.micrometer.MicrometerInstrumentation}, an
 * {@link dev.troubleticket.core.instrument.Instrumentation} that records calls, retries, re-authentications, token
 * renewals, deliveries and each subscription's health as meters of the application's
 * {@code io.micrometer.core.instrument.MeterRegistry}.
 */
@SuppressWarnings("requires-automatic") // Micrometer's jars name their module in their manifest only
module dev.troubleticket.micrometer {
    requires transitive dev.troubleticket.core;
    requires transitive micrometer.core;

    exports dev.troubleticket.micrometer;
}
