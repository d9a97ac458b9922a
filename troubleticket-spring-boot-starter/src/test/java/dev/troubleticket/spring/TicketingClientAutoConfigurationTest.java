package dev.troubleticket.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.instrument.Instrumentation;
import dev.troubleticket.core.instrument.Operation;
import dev.troubleticket.core.instrument.OperationObserver;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Client beans from troubleticket.clients.*, their failures at start-up, masking, and the instrumentation hook. */
class TicketingClientAutoConfigurationTest {
    private static KoscSimulator kosc;
    private static NexeraSimulator nexera;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TroubleTicketAutoConfiguration.class));

    @BeforeAll
    static void startSimulators() {
        kosc = new KoscSimulator().start(0);
        nexera = new NexeraSimulator().start(0);
    }

    @AfterAll
    static void stopSimulators() {
        kosc.close();
        nexera.close();
    }

    @Test
    void eachConfiguredClientIsABeanNamedAfterItAndTalksToItsProvider() {
        runner.withPropertyValues(Simulators.clientProperties("kosc", "kosc", kosc.clientSettings()))
                .withPropertyValues(Simulators.clientProperties("nexera", "nexera", nexera.clientSettings()))
                .withUserConfiguration(QualifiedUser.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeansOfType(TicketingClient.class)).containsOnlyKeys("koscTicketingClient", "nexeraTicketingClient");
                    TicketingClient koscClient = context.getBean("koscTicketingClient", TicketingClient.class);
                    assertThat(koscClient.provider()).isEqualTo("kosc");
                    assertThat(context.getBean("nexeraTicketingClient", TicketingClient.class).provider()).isEqualTo("nexera");
                    assertThat(context.getBean(QualifiedUser.class).client).isSameAs(context.getBean("nexeraTicketingClient"));

                    Ticket opened = koscClient.create(kosc.sampleCreateRequest("REF-BEAN-1"));
                    assertThat(koscClient.get(opened.id()).id()).isEqualTo(opened.id());
                    assertThat(kosc.ticketsCreated()).isPositive();
                });
    }

    @Test
    void aClientWithoutProviderFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("troubleticket.clients.backoffice.base-url=" + kosc.baseUrl())
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("troubleticket.clients.backoffice.provider is required")
                        .hasStackTraceContaining("kosc"));
    }

    @Test
    void anUnknownProviderFailsTheStartNamingTheAdaptersFound() {
        runner.withPropertyValues("troubleticket.clients.backoffice.provider=acme", "troubleticket.clients.backoffice.base-url=https://acme.test")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("troubleticket.clients.backoffice.provider: no adapter 'acme'")
                        .hasStackTraceContaining("masstack"));
    }

    @Test
    void aMissingBaseUrlFailsTheStartNamingItsProperty() {
        runner.withPropertyValues("troubleticket.clients.kosc.provider=kosc", "troubleticket.clients.kosc.username=u",
                        "troubleticket.clients.kosc.password=p")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("troubleticket.clients.kosc.base-url"));
    }

    @Test
    void springBootsStartUpReportSaysWhichPropertyToCorrect() {
        runner.withPropertyValues("troubleticket.clients.kosc.provider=kosc", "troubleticket.clients.kosc.username=u",
                        "troubleticket.clients.kosc.password=p")
                .run(context -> {
                    FailureAnalysis analysis = new TroubleTicketFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .contains("setting 'baseUrl' (troubleticket.clients.kosc.base-url) is required");
                    assertThat(analysis.getAction()).contains("'troubleticket.clients.kosc.base-url'");
                });
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class,
                // Boot's own analyzers want arguments that only a running application gives: skipped here.
                SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> { })))
                .as("registered for Spring Boot").hasAtLeastOneElementOfType(TroubleTicketFailureAnalyzer.class);
    }

    @Test
    void aValueThatIsNoDurationFailsTheStartNamingItsProperty() {
        runner.withPropertyValues(Simulators.clientProperties("kosc", "kosc", kosc.clientSettings()))
                .withPropertyValues("troubleticket.clients.kosc.connect-timeout=soon")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("troubleticket.clients.kosc.connect-timeout"));
    }

    @Test
    void theTransportOptionsReachTheClient() {
        runner.withPropertyValues(Simulators.clientProperties("kosc", "kosc", kosc.clientSettings()))
                .withPropertyValues("troubleticket.clients.kosc.max-response-bytes=10B")
                .run(context -> {
                    TicketingClient client = context.getBean("koscTicketingClient", TicketingClient.class);
                    // No login answer fits 10 bytes: the limit set by the property is the client's.
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.get("T-1"))
                            .isInstanceOf(dev.troubleticket.core.error.ResponseTooLargeException.class);
                });
    }

    @Test
    void thePropertiesNeverShowASecret() {
        runner.withPropertyValues(Simulators.clientProperties("kosc", "kosc", kosc.clientSettings()))
                .withPropertyValues("troubleticket.clients.kosc.client-secret=cs-hidden", "troubleticket.clients.kosc.token=tk-hidden",
                        "troubleticket.clients.kosc.settings.listenerSecret=ls-hidden", "troubleticket.clients.kosc.settings.tokenScheme=Bearer")
                .run(context -> {
                    String shown = context.getBean(TroubleTicketProperties.class).toString();
                    assertThat(shown).contains("username=" + KoscSimulator.EMAIL, "tokenScheme=****", "authVersion=v2")
                            .doesNotContain(KoscSimulator.PASSWORD, "cs-hidden", "tk-hidden", "ls-hidden");
                });
    }

    @Test
    void everyInstrumentationBeanIsToldOfTheClientsOperations() {
        runner.withPropertyValues(Simulators.clientProperties("kosc", "kosc", kosc.clientSettings()))
                .withUserConfiguration(RecordingInstrumentation.class)
                .run(context -> {
                    TicketingClient client = context.getBean("koscTicketingClient", TicketingClient.class);
                    client.create(kosc.sampleCreateRequest("REF-INSTR-1"));
                    assertThat(context.getBean(RecordingInstrumentation.class).operations).contains("kosc:create");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class QualifiedUser {
        final TicketingClient client;

        QualifiedUser(@Qualifier("nexera") TicketingClient client) {
            this.client = client;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RecordingInstrumentation implements Instrumentation {
        final List<String> operations = new CopyOnWriteArrayList<>();

        @Override
        public OperationObserver operationStarted(Operation operation) {
            return failure -> operations.add(operation.provider() + ":" + operation.name());
        }
    }
}
