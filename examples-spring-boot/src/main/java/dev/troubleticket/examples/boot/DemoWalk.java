package dev.troubleticket.examples.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code --demo}: one ticket at each provider, opened through the client beans and moved on by the simulators, until
 * the handlers have seen it resolved (Kosc) and closed (Nexera); then the application's own health and metrics
 * endpoints are read. The exit code is 0 when every step held.
 */
@Component
@ConditionalOnBooleanProperty("backoffice.demo")
public class DemoWalk implements ApplicationRunner, ExitCodeGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(DemoWalk.class);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final TicketingClient kosc;
    private final TicketingClient nexera;
    private final KoscSimulator koscSimulator;
    private final NexeraSimulator nexeraSimulator;
    private final TicketLog koscTickets;
    private final TicketLog nexeraTickets;
    private final Environment environment;
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile int exitCode = 1;

    /** The demo over the application's clients, simulators and handlers. */
    public DemoWalk(@Qualifier("kosc") TicketingClient kosc, @Qualifier("nexera") TicketingClient nexera,
                    KoscSimulator koscSimulator, NexeraSimulator nexeraSimulator,
                    @Qualifier("koscTickets") TicketLog koscTickets, @Qualifier("nexeraTickets") TicketLog nexeraTickets,
                    Environment environment) {
        this.kosc = kosc;
        this.nexera = nexera;
        this.koscSimulator = koscSimulator;
        this.nexeraSimulator = nexeraSimulator;
        this.koscTickets = koscTickets;
        this.nexeraTickets = nexeraTickets;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments arguments) throws Exception {
        Ticket atKosc = kosc.create(koscSimulator.sampleCreateRequest("BO-DEMO-KOSC"));
        LOG.info("demo: opened {} at kosc", atKosc.id());
        koscSimulator.resolve(atKosc.id(), "line repaired");
        boolean koscSeen = await("kosc ticket resolved", () -> saw(koscTickets, atKosc.id(), TicketStatus.RESOLVED));

        Ticket atNexera = nexera.create(nexeraSimulator.sampleCreateRequest("BO-DEMO-NEXERA"));
        LOG.info("demo: opened {} at nexera", atNexera.id());
        nexeraSimulator.acknowledge(atNexera.id());
        nexeraSimulator.startWork(atNexera.id());
        nexeraSimulator.resolve(atNexera.id(), "fibre spliced");
        boolean resolved = await("nexera ticket resolved", () -> saw(nexeraTickets, atNexera.id(), TicketStatus.RESOLVED));
        if (resolved) {
            nexera.transition(atNexera.id(), StatusChange.to(TicketStatus.CLOSED));
        }
        boolean nexeraSeen = resolved && await("nexera ticket closed", () -> saw(nexeraTickets, atNexera.id(), TicketStatus.CLOSED));

        JsonNode health = get("/actuator/health");
        // The application as a whole is not ready before its runners (this one) have returned: the SDK's part is read.
        String status = health.at("/components/troubleticket/status").asText();
        LOG.info("demo: /actuator/health: troubleticket is {}: {}", status, health.at("/components/troubleticket"));
        JsonNode metrics = get("/actuator/metrics");
        LOG.info("demo: /actuator/metrics names {} meters", metrics.path("names").size());
        JsonNode requests = get("/actuator/metrics/troubleticket.client.requests");
        LOG.info("demo: /actuator/metrics/troubleticket.client.requests: {}", requests.path("measurements"));
        boolean timed = requests.path("measurements").path(0).path("value").asDouble() > 0;

        boolean healthy = "UP".equals(status) && metrics.path("names").isArray() && timed;
        exitCode = koscSeen && nexeraSeen && healthy ? 0 : 1;
        LOG.info("demo: {}", exitCode == 0 ? "every step held" : "a step failed");
    }

    private static boolean saw(TicketLog log, String ticketId, TicketStatus status) {
        return log.seen().stream().anyMatch(event -> ticketId.equals(event.ticketId()) && event.status() == status);
    }

    private static boolean await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                LOG.error("demo: {}: not within {}", what, WAIT);
                return false;
            }
            Thread.sleep(50);
        }
        LOG.info("demo: {}", what);
        return true;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + environment.getRequiredProperty("local.server.port") + path);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(answer.body());
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
