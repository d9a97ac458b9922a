package dev.troubleticket.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.error.NotFoundException;
import dev.troubleticket.micrometer.MicrometerInstrumentation;
import dev.troubleticket.opentelemetry.OpenTelemetryInstrumentation;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Micrometer and OpenTelemetry bound to the clients when the application has them, and not otherwise. */
class MetricsAndTracingAutoConfigurationTest {
    private static KoscSimulator kosc;

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TroubleTicketAutoConfiguration.class,
                    TroubleTicketMetricsAutoConfiguration.class, TroubleTicketTracingAutoConfiguration.class))
            .withPropertyValues(Simulators.clientProperties("kosc", "kosc", kosc.clientSettings()));

    @BeforeAll
    static void startSimulator() {
        kosc = new KoscSimulator().start(0);
    }

    @AfterAll
    static void stopSimulator() {
        kosc.close();
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Test
    void withAMeterRegistryEveryClientCallIsTimedInIt() {
        runner.withUserConfiguration(Registry.class).run(context -> {
            assertThat(context).hasSingleBean(MicrometerInstrumentation.class);
            TicketingClient client = context.getBean("koscTicketingClient", TicketingClient.class);
            assertThatThrownBy(() -> client.get("404404")).isInstanceOf(NotFoundException.class);

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.find(MicrometerInstrumentation.REQUESTS).tag("provider", "kosc").tag("operation", "get")
                    .tag("outcome", "not_found").tag("status", "4xx").timer().count()).isEqualTo(1);
        });
    }

    @Test
    void withAnOpenTelemetryBeanEveryClientCallIsASpanAndTicketIdsCanBeLeftOut() {
        runner.withBean(OpenTelemetry.class, () -> OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(spans)).build()).build())
                .withPropertyValues("troubleticket.tracing.ticket-id-attribute=false")
                .run(context -> {
                    assertThat(context).hasSingleBean(OpenTelemetryInstrumentation.class);
                    assertThat(context).doesNotHaveBean(MicrometerInstrumentation.class);
                    TicketingClient client = context.getBean("koscTicketingClient", TicketingClient.class);
                    assertThatThrownBy(() -> client.get("404404")).isInstanceOf(NotFoundException.class);

                    SpanData operation = spans.getFinishedSpanItems().stream()
                            .filter(span -> span.getName().equals("troubleticket get")).findFirst().orElseThrow();
                    assertThat(operation.getAttributes().get(AttributeKey.stringKey("troubleticket.provider"))).isEqualTo("kosc");
                    assertThat(operation.getAttributes().get(AttributeKey.stringKey("troubleticket.ticket.id"))).isNull();
                    assertThat(spans.getFinishedSpanItems()).anySatisfy(attempt ->
                            assertThat(attempt.getParentSpanId()).isEqualTo(operation.getSpanId()));
                });
    }

    @Test
    void withoutTheLibrariesOrTheirBeansNothingIsBoundAndClientsStillWork() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class, OpenTelemetry.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(MicrometerInstrumentation.class);
            assertThat(context).doesNotHaveBean(OpenTelemetryInstrumentation.class);
            assertThat(context.getBean("koscTicketingClient", TicketingClient.class).provider()).isEqualTo("kosc");
        });
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(MicrometerInstrumentation.class);
            assertThat(context).doesNotHaveBean(OpenTelemetryInstrumentation.class);
        });
    }

    @Test
    void metricsCanBeTurnedOff() {
        runner.withUserConfiguration(Registry.class).withPropertyValues("troubleticket.metrics.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MicrometerInstrumentation.class));
    }
}
