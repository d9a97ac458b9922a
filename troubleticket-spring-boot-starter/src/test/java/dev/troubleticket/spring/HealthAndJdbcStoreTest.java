package dev.troubleticket.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.error.AuthenticationException;
import dev.troubleticket.core.error.NotFoundException;
import dev.troubleticket.core.error.TransportException;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import dev.troubleticket.store.jdbc.JdbcSubscriptionStore;
import dev.troubleticket.store.jdbc.testing.EmbeddedDatabase;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health from what the client last did (never a probe of the provider), and the JDBC store over a DataSource. */
class HealthAndJdbcStoreTest {
    private static KoscSimulator kosc;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TroubleTicketAutoConfiguration.class,
                    TroubleTicketJdbcStoreAutoConfiguration.class, TroubleTicketHealthAutoConfiguration.class));

    @BeforeAll
    static void startSimulator() {
        kosc = new KoscSimulator().start(0);
    }

    @AfterAll
    static void stopSimulator() {
        kosc.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Health health, String key) {
        return (Map<String, Object>) health.getDetails().get(key);
    }

    private static Health health(org.springframework.context.ApplicationContext context, String client) {
        CompositeHealthContributor all = context.getBean("troubleticketHealthContributor", CompositeHealthContributor.class);
        return ((HealthIndicator) all.getContributor(client)).health();
    }

    @Test
    void withoutAnyClientConfiguredTheStarterAddsNoClientAndNoIndicator() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(TicketingClient.class)).isEmpty();
            CompositeHealthContributor all = context.getBean("troubleticketHealthContributor", CompositeHealthContributor.class);
            assertThat(all.getContributor("kosc")).isNull();
        });
    }

    @Test
    void aClientIsUpBeforeAnyCallAndAfterAnAnswerAndAProbeCallsNoProvider() {
        runner.withPropertyValues(Simulators.clientProperties("kosc", "kosc", kosc.clientSettings()))
                .run(context -> {
                    int before = kosc.server().requestCount();
                    for (int probe = 0; probe < 5; probe++) {
                        assertThat(health(context, "kosc").getStatus()).isEqualTo(Status.UP);
                    }
                    assertThat(kosc.server().requestCount()).as("probes send nothing").isEqualTo(before);

                    TicketingClient client = context.getBean("koscTicketingClient", TicketingClient.class);
                    assertThatThrownBy(() -> client.get("T-NOT-THERE")).isInstanceOf(NotFoundException.class);
                    Health afterAnswer = health(context, "kosc");
                    assertThat(afterAnswer.getStatus()).as("the provider answered").isEqualTo(Status.UP);
                    assertThat(afterAnswer.getDetails()).containsEntry("provider", "kosc");
                    assertThat(details(afterAnswer, "lastOperation"))
                            .containsEntry("name", "get").containsEntry("outcome", "not_found");
                });
    }

    @Test
    void aClientIsDownAfterACallWithNoAnswerAndUpAgainAfterASuccess() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        runner.withPropertyValues(Simulators.clientProperties("kosc", "kosc", kosc.clientSettings()))
                .withPropertyValues("troubleticket.clients.kosc.max-retries=0")
                .withPropertyValues(Simulators.clientProperties("down", "kosc", kosc.clientSettings()))
                .withPropertyValues("troubleticket.clients.down.base-url=http://127.0.0.1:" + closedPort + "/",
                        "troubleticket.clients.down.max-retries=0")
                .run(context -> {
                    TicketingClient down = context.getBean("downTicketingClient", TicketingClient.class);
                    assertThatThrownBy(() -> down.get("T-1")).isInstanceOf(TransportException.class);
                    Health health = health(context, "down");
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(details(health, "lastOperation")).containsEntry("outcome", "transport_error");
                    assertThat(health(context, "kosc").getStatus()).as("each client its own").isEqualTo(Status.UP);

                    TicketingClient up = context.getBean("koscTicketingClient", TicketingClient.class);
                    Ticket ticket = up.create(kosc.sampleCreateRequest("REF-HEALTH-1"));
                    assertThat(up.get(ticket.id()).id()).isEqualTo(ticket.id());
                    assertThat(health(context, "kosc").getStatus()).isEqualTo(Status.UP);
                });
    }

    @Test
    void aClientIsDownAfterItsCredentialsAreRefused() {
        runner.withPropertyValues(Simulators.clientProperties("kosc", "kosc", kosc.clientSettings()))
                .withPropertyValues("troubleticket.clients.kosc.password=not-the-password")
                .run(context -> {
                    TicketingClient client = context.getBean("koscTicketingClient", TicketingClient.class);
                    assertThatThrownBy(() -> client.get("T-1")).isInstanceOf(AuthenticationException.class);
                    Health health = health(context, "kosc");
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.toString()).doesNotContain("not-the-password");
                });
    }

    @Test
    void withADataSourceTheSubscriptionsStoreIsTheJdbcStoreMigratedAtStartUp() {
        EmbeddedDatabase database = EmbeddedDatabase.shared();
        String prefix = EmbeddedDatabase.uniquePrefix();
        runner.withPropertyValues(Simulators.clientProperties("kosc", "kosc", kosc.clientSettings()))
                .withPropertyValues("troubleticket.store.jdbc.table-prefix=" + prefix,
                        "troubleticket.subscriptions.koscEvents.poll-interval=100ms")
                .withBean(DataSource.class, database::dataSource)
                .withUserConfiguration(Handler.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    SubscriptionStore store = context.getBean(SubscriptionStore.class);
                    assertThat(store).isInstanceOf(JdbcSubscriptionStore.class);
                    assertThat(((JdbcSubscriptionStore) store).schemaVersion()).isEqualTo(JdbcSubscriptionStore.SCHEMA_VERSION);

                    TicketingClient client = context.getBean("koscTicketingClient", TicketingClient.class);
                    Ticket ticket = client.create(kosc.sampleCreateRequest("REF-JDBC-1"));
                    ManagedSubscriptionsTest.Recorder recorder = context.getBean(ManagedSubscriptionsTest.Recorder.class);
                    ManagedSubscriptionsTest.eventually(() -> recorder.sawTicket(ticket.id()));
                    // What was handled is recorded in PostgreSQL, under the handler bean's name.
                    ManagedSubscriptionsTest.eventually(() -> !store.positions("koscEvents").isEmpty());

                    Health health = health(context, "kosc");
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    Map<String, Object> subscription = details(health, "subscriptions");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> koscEvents = (Map<String, Object>) subscription.get("koscEvents");
                    assertThat(koscEvents).containsEntry("running", true).containsEntry("holdsLease", true)
                            .containsEntry("parked", 0L).containsKeys("lag", "lastError");
                });
    }

    @Test
    void withMigrateFalseTheStoresTablesAreNotMade() {
        EmbeddedDatabase database = EmbeddedDatabase.shared();
        String prefix = EmbeddedDatabase.uniquePrefix();
        runner.withPropertyValues(Simulators.clientProperties("kosc", "kosc", kosc.clientSettings()))
                .withPropertyValues("troubleticket.store.jdbc.table-prefix=" + prefix, "troubleticket.store.jdbc.migrate=false")
                .withBean(DataSource.class, database::dataSource)
                .run(context -> assertThat(((JdbcSubscriptionStore) context.getBean(SubscriptionStore.class)).schemaVersion())
                        .as("no tables made").isZero());
    }

    @Configuration(proxyBeanMethods = false)
    static class Handler {
        @Bean
        ManagedSubscriptionsTest.Recorder koscEvents() {
            return new ManagedSubscriptionsTest.Recorder();
        }
    }
}
