package dev.troubleticket.nexera;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.nexera.listener.CallbackRequests;
import dev.troubleticket.nexera.listener.CallerCheck;
import dev.troubleticket.nexera.listener.Tmf621Event;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code listen} against a provider that sends no credentials (TMF621 hubs carry none, Nexera's document
 * names none): the hub is registered with a callback URL holding a token, the simulator delivers to it
 * without credentials, anything without the token gets 404, and the URL appears in no log line or
 * {@code toString()}.
 */
// The deprecated listen API, tested while it lasts (subscribe replaces it).
@SuppressWarnings("removal")
class ListenWithoutCredentialsTest {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private NexeraSimulator simulator;

    @BeforeEach
    void start() {
        captured.start();
        root.addAppender(captured);
        simulator = new NexeraSimulator().start(0);
    }

    @AfterEach
    void stop() {
        simulator.close();
        root.detachAppender(captured);
    }

    private Tmf621Client client() {
        return (Tmf621Client) TicketingClients.create("nexera", simulator.clientSettings());
    }

    @Test
    void listenStartsWithoutACallerCheckAndTheSimulatorDeliversWithoutCredentialsToTheTokenUrl() throws Exception {
        List<TicketEvent> events = new CopyOnWriteArrayList<>();
        List<String> texts = new ArrayList<>();
        String callback;
        try (Tmf621Client client = client()) {
            String id = client.create(CreateRequests.sample("NOCRED-1")).id();
            try (Tmf621Subscription subscription = client.listen(LOOPBACK, null, events::add)) {
                callback = subscription.hub().callback();
                assertThat(simulator.hubs().get(subscription.hub().id()).get("callback").asText()).isEqualTo(callback);
                assertThat(callback).matches("http://(localhost|127\\.0\\.0\\.1):" + subscription.port() + "/listener/[A-Za-z0-9_-]{43}");

                simulator.resolve(id, "fibre spliced");
                await(() -> events.stream().anyMatch(e -> e.status() == TicketStatus.RESOLVED));
                assertThat(simulator.deliveries()).allSatisfy(d -> assertThat(d.lastStatus()).isEqualTo(200));
                assertThat(subscription.handler().refusedCount()).isZero();
                texts.addAll(List.of(subscription.toString(), subscription.hub().toString(), subscription.handler().toString(),
                        client.toString(), simulator.toString()));
            }
        }
        String token = callback.substring(callback.lastIndexOf('/') + 1);
        assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain(token));
        List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).as("the capture sees the listener's own lines").anyMatch(l -> l.contains("listening for events at"));
        assertThat(lines).noneMatch(l -> l.contains(token));
        assertThat(lines).filteredOn(l -> l.contains("listening for events at")).singleElement().asString()
                .contains("/listener/****");
    }

    @Test
    void aNotificationWithoutTheTokenOrWithAWrongOneOfTheSameLengthGets404AndNothingIsDelivered() {
        List<Tmf621Event> events = new CopyOnWriteArrayList<>();
        try (Tmf621Client client = client();
             Tmf621Subscription subscription = client.listenTyped(LOOPBACK, null, null, events::add)) {
            String callback = subscription.hub().callback();
            String base = callback.substring(0, callback.lastIndexOf('/'));
            String token = callback.substring(callback.lastIndexOf('/') + 1);
            String sameLength = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
            CallbackRequests none = CallbackRequests.unauthenticated(Clock.systemUTC());
            var ticket = dev.troubleticket.core.internal.Json.mapper().createObjectNode().put("id", "TT-1").put("status", "resolved");

            assertThat(CallbackRequests.post(base, none.event(Tmf621Event.RESOLVED, ticket))).as("no token").isEqualTo(404);
            assertThat(CallbackRequests.post(base + "/" + sameLength, none.event(Tmf621Event.RESOLVED, ticket)))
                    .as("wrong token of the same length").isEqualTo(404);
            assertThat(CallbackRequests.post(base + "/" + sameLength, none.raw(new byte[2 * 1024 * 1024])))
                    .as("an oversized body without the token").isEqualTo(404);
            assertThat(events).isEmpty();
            assertThat(subscription.handler().refusedCount()).isEqualTo(3);

            assertThat(CallbackRequests.post(callback, none.event("E-OK", Tmf621Event.RESOLVED, ticket, null))).as("the right token").isEqualTo(200);
            await(() -> events.size() == 1);
            assertThat(events).singleElement().satisfies(e -> assertThat(e.eventId()).isEqualTo("E-OK"));
        }
    }

    @Test
    void aConfiguredCallerCheckKeepsWorkingAndRegistersTheUrlAsGiven() throws Exception {
        simulator.callbackSecret("nexera-callback-secret");
        List<TicketEvent> events = new CopyOnWriteArrayList<>();
        try (Tmf621Client client = client()) {
            String id = client.create(CreateRequests.sample("SECRET-1")).id();
            try (Tmf621Subscription subscription = client.listen(LOOPBACK, null, events::add)) {
                assertThat(subscription.hub().callback()).endsWith(":" + subscription.port() + "/listener");
                assertThat(CallbackRequests.post(subscription.hub().callback(), CallbackRequests.unauthenticated(Clock.systemUTC())
                        .raw("{}".getBytes()))).as("no secret").isEqualTo(401);
                simulator.resolve(id, "done");
                await(() -> events.stream().anyMatch(e -> e.status() == TicketStatus.RESOLVED));
            }
        }
    }

    @Test
    void basicCredentialsFromTheProviderAreCheckedWhenConfigured() throws Exception {
        simulator.callbackBasic("nexera", "callback-pw");
        List<TicketEvent> events = new CopyOnWriteArrayList<>();
        try (Tmf621Client client = client()) {
            String id = client.create(CreateRequests.sample("BASIC-1")).id();
            try (Tmf621Subscription subscription = client.listen(LOOPBACK, null, events::add)) {
                assertThat(CallbackRequests.post(subscription.hub().callback(), CallbackRequests.withBasic("nexera", "guess", Clock.systemUTC())
                        .raw("{}".getBytes()))).isEqualTo(401);
                simulator.resolve(id, "done");
                await(() -> events.stream().anyMatch(e -> e.status() == TicketStatus.RESOLVED));
            }
        }
    }

    @Test
    void acceptAllRegistersTheUrlWithoutATokenForAProxyThatAuthenticatesTheProvider() throws Exception {
        List<TicketEvent> events = new CopyOnWriteArrayList<>();
        try (Tmf621Client client = NexeraClient.builder().baseUrl(simulator.baseUrl()).basePath(NexeraSimulator.DEFAULT_BASE_PATH)
                .basicAuth(NexeraSimulator.USERNAME, NexeraSimulator.PASSWORD).callerCheck(CallerCheck.acceptAll()).build()) {
            String id = client.create(CreateRequests.sample("PROXY-1")).id();
            try (Tmf621Subscription subscription = client.listen(LOOPBACK, null, events::add)) {
                assertThat(subscription.hub().callback()).endsWith("/listener");
                simulator.resolve(id, "done");
                await(() -> events.stream().anyMatch(e -> e.status() == TicketStatus.RESOLVED));
            }
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the condition was not met within 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Neutral create requests the simulator accepts. */
    private static final class CreateRequests {
        static dev.troubleticket.core.model.CreateTicketRequest sample(String reference) {
            return dev.troubleticket.core.model.CreateTicketRequest.builder().externalReference(reference).serviceId("FTTH-42")
                    .title("No sync").description("ONT shows LOS").build();
        }
    }
}
