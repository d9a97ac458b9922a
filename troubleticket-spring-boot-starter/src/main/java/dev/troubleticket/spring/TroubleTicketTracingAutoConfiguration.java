package dev.troubleticket.spring;

import dev.troubleticket.opentelemetry.OpenTelemetryInstrumentation;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;

/**
 * The SDK's spans through the application's {@link OpenTelemetry}, when {@code sdk-opentelemetry} is on the class
 * path and the application has an {@code OpenTelemetry} bean (Spring Boot's OpenTelemetry starter makes one). Turned
 * off with {@code troubleticket.tracing.enabled=false}; {@code troubleticket.tracing.ticket-id-attribute=false} leaves
 * ticket ids out of the spans.
 */
@AutoConfiguration(afterName = "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration")
@ConditionalOnClass({OpenTelemetry.class, OpenTelemetryInstrumentation.class})
@ConditionalOnBean(OpenTelemetry.class)
@ConditionalOnProperty(prefix = "troubleticket.tracing", name = "enabled", matchIfMissing = true)
public class TroubleTicketTracingAutoConfiguration {

    /** A span per operation, HTTP attempt and delivered event, with W3C trace context on every request. */
    @Bean
    @ConditionalOnMissingBean
    public OpenTelemetryInstrumentation troubleTicketOpenTelemetryInstrumentation(OpenTelemetry openTelemetry,
                                                                                  Environment environment) {
        boolean ticketIds = environment.getProperty("troubleticket.tracing.ticket-id-attribute", Boolean.class, true);
        return OpenTelemetryInstrumentation.builder(openTelemetry).ticketIdAttribute(ticketIds).build();
    }
}
