package dev.troubleticket.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.TicketEventHandler;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.FileSubscriptionStore;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A subscription per TicketEventHandler bean: bound by property, by qualifier, or to the only client; its store. */
class ManagedSubscriptionsTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static KoscSimulator kosc;
    private static MasStackSimulator masstack;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TroubleTicketAutoConfiguration.class));

    @BeforeAll
    static void startSimulators() {
        kosc = new KoscSimulator().start(0);
        masstack = new MasStackSimulator().start(0);
    }

    @AfterAll
    static void stopSimulators() {
        kosc.close();
        masstack.close();
    }

    private ApplicationContextRunner twoClients() {
        return runner.withPropertyValues(Simulators.clientProperties("kosc", "kosc", kosc.clientSettings()))
                .withPropertyValues(Simulators.clientProperties("masstack", "masstack", masstack.clientSettings()));
    }

    @Test
    void aHandlerBoundByPropertyGetsItsClientsEventsFromTheStartOfTheContextToItsEnd() {
        twoClients().withUserConfiguration(Handlers.class)
                .withPropertyValues("troubleticket.subscriptions.koscEvents.client=kosc",
                        "troubleticket.subscriptions.koscEvents.store=memory",
                        "troubleticket.subscriptions.koscEvents.poll-interval=100ms",
                        "troubleticket.subscriptions.koscEvents.start=now")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ManagedSubscriptions managed = context.getBean(ManagedSubscriptions.class);
                    TicketSubscription subscription = managed.subscription("koscEvents").orElseThrow();
                    assertThat(subscription.health().running()).isTrue();
                    TicketingClient client = context.getBean("koscTicketingClient", TicketingClient.class);
                    Ticket ticket = client.create(kosc.sampleCreateRequest("REF-SUB-1"));
                    kosc.resolve(ticket.id(), "fibre repaired");
                    Recorder recorder = context.getBean(Recorder.class);
                    eventually(() -> recorder.sawTicket(ticket.id()));
                    assertThat(recorder.events).allSatisfy(event -> assertThat(event.provider()).isEqualTo("kosc"));

                    context.close();
                    assertThat(subscription.health().running()).as("stopped with the context").isFalse();
                });
    }

    @Test
    void aHandlerBoundByTheQualifierAnnotationGetsThatClient() {
        twoClients().withUserConfiguration(AnnotatedHandler.class)
                .withPropertyValues("troubleticket.subscriptions.masstackEvents.store=memory")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ManagedSubscriptions.class).subscription("masstackEvents")).isPresent();
                    // The tracker sees the subscription the masstack client was asked for (the adapter wraps it).
                    assertThat(context.getBean(TicketingClientFactory.class).tracker("masstack").subscriptions())
                            .extracting(TicketSubscription::name).containsExactly("masstackEvents");
                    assertThat(context.getBean(TicketingClientFactory.class).tracker("kosc").subscriptions()).isEmpty();
                });
    }

    @Test
    void withOneClientAHandlerNeedsNoBinding() {
        runner.withPropertyValues(Simulators.clientProperties("kosc", "kosc", kosc.clientSettings()))
                .withUserConfiguration(Handlers.class)
                .withPropertyValues("troubleticket.subscriptions.koscEvents.store=memory")
                .run(context -> assertThat(context.getBean(TicketingClientFactory.class).tracker("kosc").subscriptions())
                        .extracting(TicketSubscription::name).containsExactly("koscEvents"));
    }

    @Test
    void withTwoClientsAnUnboundHandlerFailsTheStartNamingTheProperty() {
        twoClients().withUserConfiguration(Handlers.class)
                .withPropertyValues("troubleticket.subscriptions.koscEvents.store=memory")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("troubleticket.subscriptions.koscEvents.client is required")
                        .hasStackTraceContaining("[kosc, masstack]"));
    }

    @Test
    void propertiesForAHandlerThatDoesNotExistFailTheStart() {
        runner.withPropertyValues(Simulators.clientProperties("kosc", "kosc", kosc.clientSettings()))
                .withUserConfiguration(Handlers.class)
                .withPropertyValues("troubleticket.subscriptions.koscEvents.store=memory", "troubleticket.subscriptions.kocsEvents.client=kosc")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("troubleticket.subscriptions.kocsEvents: no TicketEventHandler bean named 'kocsEvents'"));
    }

    @Test
    void withoutAStoreConfiguredTheStartFailsAndSaysWhatToSet() {
        runner.withPropertyValues(Simulators.clientProperties("kosc", "kosc", kosc.clientSettings()))
                .withUserConfiguration(Handlers.class)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("troubleticket.subscriptions.koscEvents.store: no store for the subscription")
                        .hasStackTraceContaining("troubleticket.store.file.directory"));
    }

    @Test
    void withADirectoryTheSubscriptionKeepsItsJournalThere(@TempDir Path directory) {
        runner.withPropertyValues(Simulators.clientProperties("kosc", "kosc", kosc.clientSettings()))
                .withUserConfiguration(Handlers.class)
                .withPropertyValues("troubleticket.store.file.directory=" + directory)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ManagedSubscriptions.class).subscription("koscEvents")).isPresent();
                    assertThat(directory.resolve("koscEvents.journal")).exists();
                });
        // Closed with the context: another store opens the same journal.
        FileSubscriptionStore.open(directory.resolve("koscEvents.journal")).close();
        assertThat(Files.exists(directory.resolve("koscEvents.journal"))).isTrue();
    }

    @Test
    void withoutAHandlerThereIsNoSubscription() {
        runner.withPropertyValues(Simulators.clientProperties("kosc", "kosc", kosc.clientSettings()))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ManagedSubscriptions.class).handlerNames()).isEmpty();
                    assertThat(context.getBean(TicketingClientFactory.class).tracker("kosc").subscriptions()).isEmpty();
                });
    }

    @Test
    void anUnreadableStartFailsTheStartNamingTheProperty() {
        runner.withPropertyValues(Simulators.clientProperties("kosc", "kosc", kosc.clientSettings()))
                .withUserConfiguration(Handlers.class)
                .withPropertyValues("troubleticket.subscriptions.koscEvents.store=memory", "troubleticket.subscriptions.koscEvents.start=yesterday")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("troubleticket.subscriptions.koscEvents.start must be beginning, now or an ISO-8601 instant"));
    }

    static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within " + WAIT);
            }
            Thread.sleep(20);
        }
    }

    /** Keeps the events it is given. */
    static final class Recorder implements TicketEventHandler {
        final List<TicketEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void handle(TicketEvent event) {
            events.add(event);
        }

        boolean sawTicket(String ticketId) {
            return events.stream().anyMatch(event -> ticketId.equals(event.ticketId()));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Handlers {
        @Bean
        Recorder koscEvents() {
            return new Recorder();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class AnnotatedHandler {
        @Bean
        @TicketingSubscription(client = "masstack")
        Recorder masstackEvents() {
            return new Recorder();
        }
    }
}
