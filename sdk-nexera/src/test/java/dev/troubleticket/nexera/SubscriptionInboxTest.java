package dev.troubleticket.nexera;

import static dev.troubleticket.nexera.PushHarness.eventually;
import static dev.troubleticket.nexera.PushHarness.hubOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.core.subscription.store.SubscriptionStoreException;
import dev.troubleticket.nexera.PushHarness.Received;
import dev.troubleticket.nexera.listener.CallbackRequests;
import dev.troubleticket.nexera.listener.CallbackRequests.CallbackRequest;
import dev.troubleticket.nexera.listener.Tmf621Event;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pushed notification is in the store's inbox before the provider gets its 2xx, and is handled from there: the
 * answer waits for the store, a store that fails makes the provider send again, a handler that throws leaves the
 * notification in the inbox for the next start, and a notification sent twice is delivered once.
 */
class SubscriptionInboxTest {
    private static final String INFORMATION_REQUIRED = Tmf621Event.INFORMATION_REQUIRED;

    private final PushHarness harness = new PushHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void theProviderIsAnsweredOnlyOnceTheInboxHoldsTheNotification() throws Exception {
        HookedStore store = new HookedStore();
        Received received = new Received();
        harness.subscribe(received, harness.options("blocking", store).build()).start();
        String ticket = harness.openTicket();
        eventually("the create event", () -> received.events.stream().anyMatch(e -> ticket.equals(e.ticketId())));

        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        store.beforeInboxWrite(event -> {
            writing.countDown();
            release.await(10, TimeUnit.SECONDS);
        });
        harness.simulator.askForInformation(ticket, "which port?");
        assertThat(writing.await(10, TimeUnit.SECONDS)).as("the notification reached the store").isTrue();

        assertThat(harness.attempts(ticket, INFORMATION_REQUIRED)).as("the provider's POST has no answer yet").isEmpty();
        assertThat(store.inboxDepth("blocking")).isZero();
        assertThat(received.saw(ticket, TicketStatus.WAITING_FOR_OPERATOR)).isFalse();

        release.countDown();
        eventually("the event handled", () -> received.saw(ticket, TicketStatus.WAITING_FOR_OPERATOR));
        eventually("the provider's POST answered", () -> !harness.attempts(ticket, INFORMATION_REQUIRED).isEmpty());
        assertThat(harness.attempts(ticket, INFORMATION_REQUIRED)).singleElement()
                .satisfies(a -> assertThat(a.lastStatus()).isEqualTo(200));
    }

    @Test
    void aStoreThatCannotTakeTheNotificationGets503AndTheProviderSendsItAgainToTheNextStart() {
        harness.simulator.callbackRetries(12, Duration.ofMillis(100));
        HookedStore store = new HookedStore();
        Received received = new Received();
        TicketSubscription first = harness.subscribe(received, harness.options("failing", store).build()).start();
        String ticket = harness.openTicket();
        eventually("the create event", () -> received.events.stream().anyMatch(e -> ticket.equals(e.ticketId())));

        AtomicInteger refusals = new AtomicInteger();
        store.beforeInboxWrite(event -> {
            if (refusals.getAndIncrement() == 0) {
                throw new SubscriptionStoreException("cannot write /var/lib/test/inbox: disk full");
            }
        });
        harness.simulator.askForInformation(ticket, "which port?");
        eventually("the provider answered 503", () -> harness.attempts(ticket, INFORMATION_REQUIRED).stream()
                .anyMatch(a -> a.lastStatus() == 503));
        eventually("the subscription stopped", () -> !first.health().running());
        assertThat(first.health().lastError()).contains("the store could not write a received notification").contains("disk full");
        first.close();
        assertThat(received.saw(ticket, TicketStatus.WAITING_FOR_OPERATOR)).isFalse();

        TicketSubscription second = harness.subscribe(received, harness.options("failing", store).build()).start();
        eventually("the notification sent again, handled", () -> received.saw(ticket, TicketStatus.WAITING_FOR_OPERATOR));
        assertThat(received.count(ticket, TicketStatus.WAITING_FOR_OPERATOR)).isEqualTo(1);
        // The provider records the delivery once it has read our answer, which may be just after the handler ran.
        eventually("the provider recorded the delivery", () -> harness.simulator.deliveries().stream()
                .anyMatch(d -> d.eventType().equals(INFORMATION_REQUIRED) && d.delivered()));
        assertThat(harness.simulator.deliveries()).filteredOn(d -> d.eventType().equals(INFORMATION_REQUIRED)).singleElement()
                .satisfies(d -> {
                    assertThat(d.delivered()).isTrue();
                    assertThat(d.attempts()).isGreaterThan(1);
                });
        assertThat(second.health().running()).isTrue();
    }

    @Test
    void aNotificationWhoseHandlerThrowsStaysInTheInboxAndIsHandledAfterARestart() {
        InMemorySubscriptionStore store = new InMemorySubscriptionStore();
        AtomicInteger attempts = new AtomicInteger();
        TicketSubscription failing = harness.subscribe(event -> {
            if (event.status() == TicketStatus.WAITING_FOR_OPERATOR) {
                attempts.incrementAndGet();
                throw new IllegalStateException("back office down");
            }
        }, harness.options("crash", store).retry(1000, Duration.ofMillis(20), Duration.ofMillis(50)).build()).start();
        String ticket = harness.openTicket();
        harness.simulator.askForInformation(ticket, "which port?");
        eventually("the handler tried", () -> attempts.get() >= 2);
        eventually("the provider's POST answered", () -> !harness.attempts(ticket, INFORMATION_REQUIRED).isEmpty());
        assertThat(harness.attempts(ticket, INFORMATION_REQUIRED)).as("acknowledged once, when stored").singleElement()
                .satisfies(a -> assertThat(a.lastStatus()).isEqualTo(200));
        assertThat(store.inboxDepth("crash")).isEqualTo(1);
        failing.close();
        assertThat(store.inboxDepth("crash")).as("kept for the next start").isEqualTo(1);

        Received received = new Received();
        TicketSubscription restarted = harness.subscribe(received, harness.options("crash", store).build()).start();
        eventually("handled from the inbox", () -> received.saw(ticket, TicketStatus.WAITING_FOR_OPERATOR));
        eventually("removed from the inbox", () -> store.inboxDepth("crash") == 0);
        assertThat(received.count(ticket, TicketStatus.WAITING_FOR_OPERATOR)).isEqualTo(1);
        assertThat(restarted.health().inboxDepth()).isZero();
        assertThat(harness.attempts(ticket, INFORMATION_REQUIRED)).as("the provider was not asked again").hasSize(1);
    }

    @Test
    void aNotificationSentAgainIsAnswered200AndDeliveredOnceAcrossARestart() {
        InMemorySubscriptionStore store = new InMemorySubscriptionStore();
        Received received = new Received();
        TicketSubscription first = harness.subscribe(received, harness.options("repeat", store).build()).start();
        String callback = hubOf(store, "repeat").callbackUrl();
        ObjectNode ticket = Json.mapper().createObjectNode().put("id", "TT-REPEAT").put("status", "resolved");
        CallbackRequest once = CallbackRequests.unauthenticated(Clock.systemUTC())
                .event("E-REPEAT", Tmf621Event.RESOLVED, ticket, null);

        assertThat(CallbackRequests.post(callback, once)).isEqualTo(200);
        assertThat(CallbackRequests.post(callback, once)).as("again, before it is handled or after").isEqualTo(200);
        eventually("delivered", () -> received.saw("TT-REPEAT", TicketStatus.RESOLVED));
        eventually("removed from the inbox", () -> store.inboxDepth("repeat") == 0);
        assertThat(CallbackRequests.post(callback, once)).as("again, once handled").isEqualTo(200);
        first.close();

        harness.subscribe(received, harness.options("repeat", store).build()).start();
        assertThat(hubOf(store, "repeat").callbackUrl()).as("the same URL after the restart").isEqualTo(callback);
        assertThat(CallbackRequests.post(callback, once)).as("again, after a restart").isEqualTo(200);
        CallbackRequest other = CallbackRequests.unauthenticated(Clock.systemUTC())
                .event("E-OTHER", Tmf621Event.STATUS_CHANGE, ticket.deepCopy().put("status", "closed"), null);
        assertThat(CallbackRequests.post(callback, other)).isEqualTo(200);
        eventually("the next event", () -> received.saw("TT-REPEAT", TicketStatus.CLOSED));

        assertThat(received.count("TT-REPEAT", TicketStatus.RESOLVED)).isEqualTo(1);
    }

    @Test
    void aNotificationWithoutAnEventIdIsKeyedByItsBodyAndDeliveredOnce() {
        InMemorySubscriptionStore store = new InMemorySubscriptionStore();
        Received received = new Received();
        harness.subscribe(received, harness.options("no-id", store).build()).start();
        String callback = hubOf(store, "no-id").callbackUrl();
        ObjectNode ticket = Json.mapper().createObjectNode().put("id", "TT-NOID").put("status", "resolved");
        ObjectNode root = Json.mapper().createObjectNode().put("eventType", Tmf621Event.RESOLVED);
        root.putObject("event").set("troubleTicket", ticket);
        CallbackRequest noId = CallbackRequests.unauthenticated(Clock.systemUTC()).raw(root.toString().getBytes());

        assertThat(CallbackRequests.post(callback, noId)).isEqualTo(200);
        assertThat(CallbackRequests.post(callback, noId)).isEqualTo(200);
        eventually("delivered", () -> received.saw("TT-NOID", TicketStatus.RESOLVED));
        eventually("removed from the inbox", () -> store.inboxDepth("no-id") == 0);
        assertThat(CallbackRequests.post(callback, noId)).as("again, once handled").isEqualTo(200);

        assertThat(received.count("TT-NOID", TicketStatus.RESOLVED)).isEqualTo(1);
        assertThat(received.events).filteredOn(e -> "TT-NOID".equals(e.ticketId())).singleElement()
                .satisfies(e -> assertThat(e.id()).as("a stable id derived from the body").startsWith("body-sha256:"));
    }

    @Test
    void aMalformedNotificationGets400AndNothingIsStored() {
        InMemorySubscriptionStore store = new InMemorySubscriptionStore();
        harness.subscribe(new Received(), harness.options("malformed", store).build()).start();
        String callback = hubOf(store, "malformed").callbackUrl();
        CallbackRequests none = CallbackRequests.unauthenticated(Clock.systemUTC());

        assertThat(CallbackRequests.post(callback, none.raw("{\"no\":\"eventType\"}".getBytes()))).isEqualTo(400);
        assertThat(CallbackRequests.post(callback, none.raw("not json".getBytes()))).isEqualTo(400);
        assertThat(CallbackRequests.post(callback.substring(0, callback.lastIndexOf('/')),
                none.event(Tmf621Event.RESOLVED, Json.mapper().createObjectNode().put("id", "TT-1")))).as("no token").isEqualTo(404);
        assertThat(store.inboxDepth("malformed")).isZero();
    }
}
