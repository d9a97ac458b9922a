package dev.troubleticket.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring MVC back office on a random port: a Nexera client from properties, a handler bean whose subscription's
 * receiver is mounted on the application's own server, a ticket walked from open to closed, and the actuator's health
 * endpoint answering with the client and its subscription.
 */
@SpringBootTest(classes = BackOfficeLifecycleTest.BackOffice.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackOfficeLifecycleTest {
    private static final NexeraSimulator NEXERA = new NexeraSimulator().start(0);
    @TempDir
    static Path journals;

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("nexera")
    TicketingClient client;
    @Autowired
    ManagedSubscriptionsTest.Recorder events;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        for (String property : Simulators.clientProperties("nexera", "nexera", NEXERA.clientSettings())) {
            int equals = property.indexOf('=');
            registry.add(property.substring(0, equals), () -> property.substring(equals + 1));
        }
        registry.add("troubleticket.store.file.directory", () -> journals.toString());
        registry.add("troubleticket.subscriptions.tickets.callback-path", () -> "/hooks/nexera");
        registry.add("troubleticket.subscriptions.tickets.callback-url", () -> "http://127.0.0.1:${local.server.port}/hooks/nexera");
        registry.add("management.endpoints.web.exposure.include", () -> "health");
        registry.add("management.endpoint.health.show-details", () -> "always");
    }

    @AfterAll
    static void stopSimulator() {
        NEXERA.close();
    }

    @Test
    void aTicketWalkedFromOpenToClosedReachesTheHandlerThroughTheApplicationsOwnServer() throws Exception {
        assertThat(NEXERA.hubs().values()).singleElement().satisfies(hub -> assertThat(hub.get("callback").asText())
                .startsWith("http://127.0.0.1:" + port + "/hooks/nexera/"));

        Ticket ticket = client.create(NEXERA.sampleCreateRequest("REF-BOOT-1"));
        NEXERA.acknowledge(ticket.id());
        NEXERA.startWork(ticket.id());
        NEXERA.askForInformation(ticket.id(), "which port?");
        client.comment(ticket.id(), "port 3 of the ONT");
        NEXERA.resolve(ticket.id(), "fibre spliced");
        ManagedSubscriptionsTest.eventually(() -> statuses(ticket.id()).contains(TicketStatus.RESOLVED));
        client.transition(ticket.id(), StatusChange.to(TicketStatus.CLOSED));
        ManagedSubscriptionsTest.eventually(() -> statuses(ticket.id()).contains(TicketStatus.CLOSED));

        assertThat(statuses(ticket.id())).containsSubsequence(TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS,
                TicketStatus.WAITING_FOR_OPERATOR, TicketStatus.RESOLVED, TicketStatus.CLOSED);
        assertThat(NEXERA.deliveries()).as("every notification taken by the mounted receiver").isNotEmpty()
                .allSatisfy(delivery -> assertThat(delivery.lastStatus()).isEqualTo(200));

        JsonNode health = get("/actuator/health");
        JsonNode nexera = health.at("/components/troubleticket/components/nexera");
        assertThat(nexera.path("status").asText()).isEqualTo("UP");
        assertThat(nexera.at("/details/provider").asText()).isEqualTo("nexera");
        JsonNode subscription = nexera.at("/details/subscriptions/tickets");
        assertThat(subscription.path("running").asBoolean()).isTrue();
        assertThat(subscription.path("holdsLease").asBoolean()).isTrue();
        assertThat(subscription.path("delivered").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(health.toString()).doesNotContain(NexeraSimulator.PASSWORD);
    }

    @Test
    void aRequestWithoutTheCallbackTokenIsRefusedByTheMountedReceiver() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/hooks/nexera/not-the-token"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(404);
    }

    private List<TicketStatus> statuses(String ticketId) {
        return events.events.stream().filter(event -> ticketId.equals(event.ticketId()))
                .map(TicketEvent::status).filter(Objects::nonNull).toList();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return new ObjectMapper().readTree(answer.body());
    }

    /** The back office: nothing but a handler bean; the starter does the rest. */
    @SpringBootApplication
    static class BackOffice {
        @Bean
        ManagedSubscriptionsTest.Recorder tickets() {
            return new ManagedSubscriptionsTest.Recorder();
        }
    }
}
