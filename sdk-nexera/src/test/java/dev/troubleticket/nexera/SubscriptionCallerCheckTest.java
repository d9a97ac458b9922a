package dev.troubleticket.nexera;

import static dev.troubleticket.nexera.PushHarness.eventually;
import static dev.troubleticket.nexera.PushHarness.hubOf;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.HubRegistration;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.nexera.PushHarness.Received;
import dev.troubleticket.nexera.listener.CallbackRequests;
import dev.troubleticket.nexera.listener.CallerCheck;
import dev.troubleticket.nexera.listener.Tmf621Event;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The receiver of {@code subscribe} against a provider that sends no credentials (TMF621 hubs carry none, Nexera's
 * document names none): the hub is registered with a callback URL holding a token, the simulator delivers to it
 * without credentials, and anything without the token gets 404, whatever its size. A configured caller check (a
 * shared secret, basic credentials) is used instead of the token, and {@code acceptAll()} registers the URL as given.
 */
class SubscriptionCallerCheckTest {
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private PushHarness harness;

    private void start(PushHarness value) {
        captured.start();
        root.addAppender(captured);
        harness = value;
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        root.detachAppender(captured);
    }

    private static ObjectNode ticket(String id) {
        return Json.mapper().createObjectNode().put("id", id).put("status", "resolved");
    }

    @Test
    void withoutACallerCheckTheHubUrlCarriesATokenAndTheSimulatorDeliversWithoutCredentialsToIt() {
        start(new PushHarness());
        InMemorySubscriptionStore store = new InMemorySubscriptionStore();
        Received received = new Received();
        harness.subscribe(received, harness.options("no-credentials", store).build()).start();
        String id = harness.openTicket();

        HubRegistration registration = hubOf(store, "no-credentials");
        String callback = registration.callbackUrl();
        assertThat(callback).matches("http://(localhost|127\\.0\\.0\\.1):" + harness.bind.getPort() + "/listener/[A-Za-z0-9_-]{43}");
        assertThat(harness.simulator.hubs().get(registration.hubId()).get("callback").asText()).isEqualTo(callback);
        harness.simulator.resolve(id, "fibre spliced");

        eventually("the resolution", () -> received.saw(id, TicketStatus.RESOLVED));
        assertThat(harness.simulator.deliveries()).isNotEmpty().allSatisfy(d -> assertThat(d.lastStatus()).isEqualTo(200));
        List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).filteredOn(l -> l.contains("registered hub")).singleElement().asString().contains("/listener/****");
    }

    @Test
    void aNotificationWithoutTheTokenOrWithAWrongOneOfTheSameLengthGets404WhateverItsSizeAndNothingIsStored() {
        start(new PushHarness());
        InMemorySubscriptionStore store = new InMemorySubscriptionStore();
        Received received = new Received();
        harness.subscribe(received, harness.options("token", store).build()).start();
        String callback = hubOf(store, "token").callbackUrl();
        String base = callback.substring(0, callback.lastIndexOf('/'));
        String token = callback.substring(callback.lastIndexOf('/') + 1);
        String sameLength = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        CallbackRequests none = CallbackRequests.unauthenticated(Clock.systemUTC());

        assertThat(CallbackRequests.post(base, none.event(Tmf621Event.RESOLVED, ticket("TT-1")))).as("no token").isEqualTo(404);
        assertThat(CallbackRequests.post(base + "/" + sameLength, none.event(Tmf621Event.RESOLVED, ticket("TT-1"))))
                .as("wrong token of the same length").isEqualTo(404);
        assertThat(CallbackRequests.post(base + "/" + sameLength, none.raw(new byte[2 * 1024 * 1024])))
                .as("an oversized body without the token").isEqualTo(404);
        assertThat(CallbackRequests.post(callback, none.raw(new byte[2 * 1024 * 1024])))
                .as("an oversized body with the token: over the 1 MiB cap").isEqualTo(413);
        assertThat(store.inboxDepth("token")).isZero();
        assertThat(received.events).isEmpty();

        assertThat(CallbackRequests.post(callback, none.event("E-OK", Tmf621Event.RESOLVED, ticket("TT-1"), null)))
                .as("the right token").isEqualTo(200);
        eventually("the accepted notification", () -> !received.events.isEmpty());
        assertThat(received.events).singleElement().satisfies(e -> assertThat(e.id()).isEqualTo("E-OK"));
    }

    @Test
    void aConfiguredSharedSecretIsCheckedAndTheUrlIsRegisteredAsGiven() {
        NexeraSimulator simulator = new NexeraSimulator().start(0).callbackSecret("nexera-callback-secret");
        start(new PushHarness(simulator));
        InMemorySubscriptionStore store = new InMemorySubscriptionStore();
        Received received = new Received();
        harness.subscribe(received, harness.options("secret", store).build()).start();
        String id = harness.openTicket();
        String callback = hubOf(store, "secret").callbackUrl();

        assertThat(callback).endsWith(":" + harness.bind.getPort() + "/listener");
        assertThat(CallbackRequests.post(callback, CallbackRequests.unauthenticated(Clock.systemUTC())
                .event(Tmf621Event.RESOLVED, ticket(id)))).as("no secret").isEqualTo(401);
        assertThat(CallbackRequests.post(callback, CallbackRequests.withSharedSecret(NexeraSimulator.CALLBACK_SECRET_HEADER,
                "a-guess", Clock.systemUTC()).event(Tmf621Event.RESOLVED, ticket(id)))).as("a wrong secret").isEqualTo(401);
        assertThat(received.saw(id, TicketStatus.RESOLVED)).as("the refused resolutions").isFalse();
        simulator.resolve(id, "done");
        eventually("the resolution, sent with the secret", () -> received.saw(id, TicketStatus.RESOLVED));
    }

    @Test
    void basicCredentialsFromTheProviderAreCheckedWhenConfigured() {
        NexeraSimulator simulator = new NexeraSimulator().start(0).callbackBasic("nexera", "callback-pw");
        start(new PushHarness(simulator));
        InMemorySubscriptionStore store = new InMemorySubscriptionStore();
        Received received = new Received();
        harness.subscribe(received, harness.options("basic", store).build()).start();
        String id = harness.openTicket();
        String callback = hubOf(store, "basic").callbackUrl();

        assertThat(CallbackRequests.post(callback, CallbackRequests.withBasic("nexera", "guess", Clock.systemUTC())
                .event(Tmf621Event.RESOLVED, ticket(id)))).isEqualTo(401);
        assertThat(received.saw(id, TicketStatus.RESOLVED)).as("the refused resolution").isFalse();
        simulator.resolve(id, "done");
        eventually("the resolution, sent with the credentials", () -> received.saw(id, TicketStatus.RESOLVED));
    }

    @Test
    void acceptAllRegistersTheUrlWithoutATokenForAProxyThatAuthenticatesTheProvider() {
        start(new PushHarness());
        InMemorySubscriptionStore store = new InMemorySubscriptionStore();
        Received received = new Received();
        try (Tmf621Client proxied = NexeraClient.builder().baseUrl(harness.simulator.baseUrl())
                .basePath(NexeraSimulator.DEFAULT_BASE_PATH).basicAuth(NexeraSimulator.USERNAME, NexeraSimulator.PASSWORD)
                .callerCheck(CallerCheck.acceptAll()).build()) {
            TicketSubscription subscription = proxied.subscribe(received, SubscriptionOptions.builder("proxied").store(store)
                    .callback(harness.bind, null).build()).start();
            String id = proxied.create(dev.troubleticket.core.model.CreateTicketRequest.builder().externalReference("PROXY-1")
                    .serviceId("FTTH-42").title("No sync").description("ONT shows LOS").build()).id();

            assertThat(hubOf(store, "proxied").callbackUrl()).endsWith(":" + harness.bind.getPort() + "/listener");
            harness.simulator.resolve(id, "done");
            eventually("the resolution", () -> received.saw(id, TicketStatus.RESOLVED));
            subscription.close();
        }
    }
}
