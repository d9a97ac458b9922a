package dev.troubleticket.spring;

import dev.troubleticket.micrometer.MicrometerInstrumentation;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The SDK's metrics in the application's {@link MeterRegistry}, when {@code sdk-micrometer} is on the class path and
 * the application has a registry (Spring Boot's actuator makes one). The clients take it as one of the
 * application's instrumentation beans. Turned off with {@code troubleticket.metrics.enabled=false}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, MicrometerInstrumentation.class})
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(prefix = "troubleticket.metrics", name = "enabled", matchIfMissing = true)
public class TroubleTicketMetricsAutoConfiguration {

    /** Records the clients' calls, retries, re-authentications, tokens, deliveries and subscription gauges. */
    @Bean
    @ConditionalOnMissingBean
    public MicrometerInstrumentation troubleTicketMicrometerInstrumentation(MeterRegistry registry) {
        return MicrometerInstrumentation.of(registry);
    }
}
