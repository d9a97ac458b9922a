package dev.troubleticket.nexera;

import static dev.troubleticket.nexera.PushHarness.eventually;
import static dev.troubleticket.nexera.PushHarness.hubOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.Capability;
import dev.troubleticket.core.error.TicketingException;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.HubRegistration;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.nexera.PushHarness.Received;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The hub is kept in the store: a restart reuses it, a changed callback replaces it, {@code cancel()} removes it, and
 * one whose registration answer was lost is found at the next start, with or without {@code GET /hub}; the callback
 * token is in no log line and no {@code toString()}.
 */
class SubscriptionHubTest {
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private PushHarness harness;

    private void start(NexeraSimulator simulator) {
        captured.start();
        root.addAppender(captured);
        harness = new PushHarness(simulator);
    }

    @AfterEach
    void stop() {
        harness.close();
        root.detachAppender(captured);
    }

    private String callbackAt(String host) {
        return "http://" + host + ":" + harness.bind.getPort() + "/listener";
    }

    @Test
    void closeKeepsTheHubAndARestartReusesItWhileCancelRemovesIt() {
        start(new NexeraSimulator().start(0));
        assertThat(harness.client.capabilities()).contains(Capability.PUSH_NOTIFICATIONS);
        InMemorySubscriptionStore store = new InMemorySubscriptionStore();
        Received received = new Received();
        TicketSubscription first = harness.subscribe(received, harness.options("hub", store).build()).start();
        HubRegistration registered = hubOf(store, "hub");
        assertThat(registered.hubId()).isNotNull();
        assertThat(harness.simulator.hubs()).containsOnlyKeys(registered.hubId());
        first.close();
        assertThat(harness.simulator.hubs()).as("close keeps the hub").containsOnlyKeys(registered.hubId());

        String ticket = harness.openTicket();
        harness.simulator.resolve(ticket, "done while stopped");
        TicketSubscription second = harness.subscribe(received, harness.options("hub", store).build()).start();
        assertThat(harness.simulator.hubs()).as("reused, not registered again").containsOnlyKeys(registered.hubId());
        assertThat(hubOf(store, "hub")).isEqualTo(registered);
        eventually("the event pushed while stopped, retried to the restarted receiver",
                () -> received.saw(ticket, TicketStatus.RESOLVED));

        second.cancel();
        assertThat(harness.simulator.hubs()).as("cancel removes the hub").isEmpty();
        assertThat(store.hub("hub")).isEmpty();
    }

    @Test
    void aChangedCallbackUrlUnregistersTheOldHubAndRegistersTheNewOne() {
        start(new NexeraSimulator().start(0));
        InMemorySubscriptionStore store = new InMemorySubscriptionStore();
        Received received = new Received();
        harness.subscribe(received, SubscriptionOptions.builder("moved").store(store)
                .callback(harness.bind, callbackAt("127.0.0.1")).build()).start().close();
        HubRegistration old = hubOf(store, "moved");

        harness.subscribe(received, SubscriptionOptions.builder("moved").store(store)
                .callback(harness.bind, callbackAt("localhost")).build()).start();
        HubRegistration moved = hubOf(store, "moved");
        assertThat(moved.hubId()).isNotEqualTo(old.hubId());
        assertThat(moved.callbackToken()).as("a new URL gets a new token").isNotEqualTo(old.callbackToken());
        assertThat(harness.simulator.hubs()).containsOnlyKeys(moved.hubId());
        assertThat(harness.simulator.hubs().get(moved.hubId()).get("callback").asText())
                .startsWith(callbackAt("localhost") + "/").isEqualTo(moved.callbackUrl());

        String ticket = harness.openTicket();
        harness.simulator.resolve(ticket, "done");
        eventually("the event through the new hub", () -> received.saw(ticket, TicketStatus.RESOLVED));
        assertThat(received.count(ticket, TicketStatus.RESOLVED)).isEqualTo(1);
    }

    @Test
    void aHubWhoseAnswerWasLostIsFoundByItsTokenAndTakenOverAtTheNextStart() {
        start(new NexeraSimulator().start(0));
        InMemorySubscriptionStore store = new InMemorySubscriptionStore();
        Received received = new Received();
        harness.simulator.loseNextHubAnswer();
        TicketSubscription lost = harness.subscribe(received, harness.options("lost", store).build());
        assertThatThrownBy(lost::start).isInstanceOf(TicketingException.class);
        HubRegistration pending = hubOf(store, "lost");
        assertThat(pending.hubId()).as("the answer never came").isNull();
        assertThat(harness.simulator.hubs()).as("but the provider registered it").hasSize(1);
        String orphan = harness.simulator.hubs().keySet().iterator().next();
        assertThat(harness.simulator.hubs().get(orphan).get("callback").asText()).isEqualTo(pending.callbackUrl());

        TicketSubscription next = harness.subscribe(received, harness.options("lost", store).build()).start();
        assertThat(harness.simulator.hubs()).as("no second hub").containsOnlyKeys(orphan);
        assertThat(hubOf(store, "lost").hubId()).isEqualTo(orphan);
        assertThat(next.health().holdsLease()).as("the failed start gave its lease back").isTrue();

        String ticket = harness.openTicket();
        harness.simulator.resolve(ticket, "done");
        eventually("the event", () -> received.saw(ticket, TicketStatus.RESOLVED));
        next.cancel();
        assertThat(harness.simulator.hubs()).isEmpty();
    }

    @Test
    void aHubWhoseAnswerWasLostIsRemovedWhenTheNextStartUsesAnotherUrl() {
        start(new NexeraSimulator().start(0));
        InMemorySubscriptionStore store = new InMemorySubscriptionStore();
        Received received = new Received();
        harness.simulator.loseNextHubAnswer();
        assertThatThrownBy(harness.subscribe(received, SubscriptionOptions.builder("lost-moved").store(store)
                .callback(harness.bind, callbackAt("127.0.0.1")).build())::start).isInstanceOf(TicketingException.class);
        String orphan = harness.simulator.hubs().keySet().iterator().next();

        harness.subscribe(received, SubscriptionOptions.builder("lost-moved").store(store)
                .callback(harness.bind, callbackAt("localhost")).build()).start();
        HubRegistration registered = hubOf(store, "lost-moved");
        assertThat(harness.simulator.hubs()).as("the lost hub removed, the new one registered")
                .containsOnlyKeys(registered.hubId()).doesNotContainKey(orphan);
        assertThat(registered.callbackUrl()).startsWith(callbackAt("localhost"));

        String ticket = harness.openTicket();
        harness.simulator.resolve(ticket, "done");
        eventually("the event", () -> received.saw(ticket, TicketStatus.RESOLVED));
        assertThat(received.count(ticket, TicketStatus.RESOLVED)).isEqualTo(1);
    }

    @Test
    void withoutHubListingALostHubKeepsPushingToTheSameTokenAndEachEventIsDeliveredOnce() {
        start(new NexeraSimulator().hubListing(false).start(0));
        InMemorySubscriptionStore store = new InMemorySubscriptionStore();
        Received received = new Received();
        harness.simulator.loseNextHubAnswer();
        assertThatThrownBy(harness.subscribe(received, harness.options("unlisted", store).build())::start)
                .isInstanceOf(TicketingException.class);
        HubRegistration pending = hubOf(store, "unlisted");

        harness.subscribe(received, harness.options("unlisted", store).build()).start();
        HubRegistration registered = hubOf(store, "unlisted");
        assertThat(registered.hubId()).isNotNull();
        assertThat(registered.callbackToken()).as("registered again with the lost one's token").isEqualTo(pending.callbackToken());
        Map<String, ObjectNode> hubs = harness.simulator.hubs();
        assertThat(hubs).hasSize(2);
        assertThat(hubs.values()).as("both push to this receiver").allSatisfy(hub ->
                assertThat(hub.get("callback").asText()).isEqualTo(registered.callbackUrl()));

        String ticket = harness.openTicket();
        harness.simulator.resolve(ticket, "done");
        eventually("both hubs' notifications answered", () -> harness.simulator.deliveries().stream()
                .filter(d -> d.ticketId().equals(ticket) && d.eventType().equals("TroubleTicketResolvedEvent") && d.delivered())
                .count() == 2);
        eventually("the event", () -> received.saw(ticket, TicketStatus.RESOLVED));
        assertThat(received.count(ticket, TicketStatus.RESOLVED)).as("kept once by event id").isEqualTo(1);
    }

    @Test
    void hubListingTurnedOffInTheSettingsIsNotAskedForEvenWhereTheServerOffersIt() {
        captured.start();
        root.addAppender(captured);
        harness = new PushHarness(new NexeraSimulator().start(0), Map.of("hubListing", "false"));
        InMemorySubscriptionStore store = new InMemorySubscriptionStore();
        harness.simulator.loseNextHubAnswer();
        assertThatThrownBy(harness.subscribe(new Received(), harness.options("no-listing", store).build())::start)
                .isInstanceOf(TicketingException.class);

        harness.subscribe(new Received(), harness.options("no-listing", store).build()).start();
        assertThat(harness.simulator.hubs()).as("registered again, the lost one not looked for").hasSize(2);
    }

    @Test
    void theCallbackTokenIsInNoLogLineAndNoToString() {
        start(new NexeraSimulator().start(0));
        InMemorySubscriptionStore store = new InMemorySubscriptionStore();
        Received received = new Received();
        harness.simulator.loseNextHubAnswer();
        SubscriptionOptions options = harness.options("secret", store).build();
        TicketSubscription lost = harness.subscribe(received, options);
        assertThatThrownBy(lost::start).isInstanceOf(TicketingException.class);
        TicketSubscription subscription = harness.subscribe(received, options).start();
        String ticket = harness.openTicket();
        harness.simulator.resolve(ticket, "done");
        eventually("the event", () -> received.saw(ticket, TicketStatus.RESOLVED));
        HubRegistration registration = hubOf(store, "secret");
        List<String> texts = new ArrayList<>(List.of(subscription.toString(), registration.toString(), options.toString(),
                harness.client.toString(), String.valueOf(subscription.health()), String.valueOf(lost.health())));
        subscription.cancel();

        String token = registration.callbackToken();
        assertThat(token).hasSize(43);
        assertThat(registration.callbackUrl()).endsWith("/listener/" + token);
        assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain(token));
        List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).as("the subscription's own lines are captured").anyMatch(l -> l.contains("taken over"));
        assertThat(lines).noneMatch(l -> l.contains(token));
    }
}
