package dev.troubleticket.nexera.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.callback.CallbackResponse;
import dev.troubleticket.core.callback.CallbackServer;
import dev.troubleticket.core.callback.CallbackServers;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.nexera.listener.CallbackRequests.CallbackRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The framework-neutral handler and the embedded receiver: callback token, caller check, size cap, parsing, once-only delivery. */
class Tmf621EventHandlerTest {
    private final List<Tmf621Event> received = new CopyOnWriteArrayList<>();
    private final Set<String> takenIds = ConcurrentHashMap.newKeySet();
    /** Records each event and, like a store's inbox, says {@code false} for an event id it already took. */
    private final Tmf621EventSink sink = event -> {
        if (event.eventId() != null && !takenIds.add(event.eventId())) {
            return false;
        }
        received.add(event);
        return true;
    };
    private final CallbackRequests signed = CallbackRequests.withSharedSecret("X-Callback-Secret", "s3cret", Clock.systemUTC());

    private Tmf621EventHandler handler(CallerCheck check) {
        return Tmf621EventHandler.builder(check, sink).maxBodyBytes(4096).build();
    }

    private static ObjectNode ticket(String id, String status) {
        ObjectNode t = Json.mapper().createObjectNode();
        t.put("id", id);
        t.put("status", status);
        return t;
    }

    private static CallbackResponse send(Tmf621EventHandler handler, CallbackRequest request) {
        return handler.handle("POST", "/listener", request.headerLists(), request.body());
    }

    @Test
    void authenticatedEventIsDeliveredOnceEvenWhenThePostIsRepeated() {
        Tmf621EventHandler handler = handler(CallerCheck.sharedSecret("X-Callback-Secret", "s3cret"));
        CallbackRequest request = signed.event("E-1", Tmf621Event.RESOLVED, ticket("TT-1", "resolved"), null);

        assertThat(send(handler, request).status()).isEqualTo(200);
        assertThat(send(handler, request).status()).isEqualTo(200);

        assertThat(received).hasSize(1);
        assertThat(received.get(0)).isInstanceOfSatisfying(Tmf621Event.Resolved.class, e -> {
            assertThat(e.troubleTicket().id()).isEqualTo("TT-1");
            assertThat(e.eventId()).isEqualTo("E-1");
        });
        assertThat(handler.duplicateCount()).isEqualTo(1);
    }

    @Test
    void callerWithoutTheSecretIsRefusedWith401AndNothingIsDelivered() {
        Tmf621EventHandler handler = handler(CallerCheck.sharedSecret("X-Callback-Secret", "s3cret"));
        CallbackRequest wrong = CallbackRequests.withSharedSecret("X-Callback-Secret", "guess", Clock.systemUTC())
                .event(Tmf621Event.STATUS_CHANGE, ticket("TT-1", "held"));
        CallbackRequest none = CallbackRequests.unauthenticated(Clock.systemUTC()).event(Tmf621Event.STATUS_CHANGE, ticket("TT-1", "held"));

        assertThat(send(handler, wrong).status()).isEqualTo(401);
        assertThat(send(handler, none).status()).isEqualTo(401);
        assertThat(received).isEmpty();
    }

    @Test
    void everySecretOfARotationIsAccepted() {
        Tmf621EventHandler handler = handler(CallerCheck.sharedSecret("X-Callback-Secret", "old-secret", "s3cret"));
        CallbackRequests old = CallbackRequests.withSharedSecret("x-callback-secret", "old-secret", Clock.systemUTC());

        assertThat(send(handler, old.event(Tmf621Event.STATUS_CHANGE, ticket("TT-1", "held"))).status()).isEqualTo(200);
        assertThat(send(handler, signed.event(Tmf621Event.STATUS_CHANGE, ticket("TT-1", "inProgress"))).status()).isEqualTo(200);
        assertThat(received).hasSize(2);
    }

    @Test
    void basicCredentialsAreCheckedAndSecretsNeverPrinted() {
        CallerCheck check = CallerCheck.basic("nexera", "pw-1", "pw-2");
        Tmf621EventHandler handler = handler(check);

        assertThat(send(handler, CallbackRequests.withBasic("nexera", "pw-2", Clock.systemUTC())
                .event(Tmf621Event.CREATE, ticket("TT-1", "submitted"))).status()).isEqualTo(200);
        assertThat(send(handler, CallbackRequests.withBasic("nexera", "pw-3", Clock.systemUTC())
                .event(Tmf621Event.CREATE, ticket("TT-2", "submitted"))).status()).isEqualTo(401);
        assertThat(check.toString()).doesNotContain("pw-1", "pw-2");
        assertThat(CallerCheck.sharedSecret("X-S", "topsecret").toString()).doesNotContain("topsecret");
    }

    @Test
    void oversizedMalformedAndNonPostRequestsAreRefused() {
        Tmf621EventHandler handler = handler(CallerCheck.sharedSecret("X-Callback-Secret", "s3cret"));

        assertThat(send(handler, signed.raw(new byte[5000])).status()).isEqualTo(413);
        assertThat(send(handler, signed.raw("{not json".getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(400);
        assertThat(send(handler, signed.raw("[1,2]".getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(400);
        assertThat(send(handler, signed.raw("{\"eventId\":\"x\"}".getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(400);
        assertThat(handler.handle("GET", "/listener", Map.of("X-Callback-Secret", List.of("s3cret")), null).status()).isEqualTo(405);
        assertThat(received).isEmpty();
        assertThat(handler.refusedCount()).isEqualTo(5);
    }

    @Test
    void unknownEventTypeIsKeptWholeAsAnUnknownEvent() {
        Tmf621EventHandler handler = handler(CallerCheck.sharedSecret("X-Callback-Secret", "s3cret"));

        send(handler, signed.event("E-9", "TroubleTicketEscalatedEvent", ticket("TT-1", "inProgress"), null));

        assertThat(received).singleElement().isInstanceOfSatisfying(Tmf621Event.Unknown.class, e -> {
            assertThat(e.eventType()).isEqualTo("TroubleTicketEscalatedEvent");
            assertThat(e.troubleTicket().id()).isEqualTo("TT-1");
            assertThat(e.raw().json()).contains("TroubleTicketEscalatedEvent");
        });
    }

    @Test
    void withASinkTheAnswerSaysWhatTheSinkDidARepeatIs200AndAFailure503() {
        List<String> taken = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean storeDown = new java.util.concurrent.atomic.AtomicBoolean(true);
        Tmf621EventHandler handler = Tmf621EventHandler.builder(CallerCheck.sharedSecret("X-Callback-Secret", "s3cret"), event -> {
            if (storeDown.get()) {
                throw new IllegalStateException("cannot write /var/lib/store: disk full");
            }
            if (taken.contains(event.eventId())) {
                return false;
            }
            taken.add(event.eventId());
            return true;
        }).build();
        CallbackRequest request = signed.event("E-7", Tmf621Event.RESOLVED, ticket("TT-7", "resolved"), null);

        CallbackResponse refused = send(handler, request);
        assertThat(refused.status()).as("not taken: the provider sends it again").isEqualTo(503);
        assertThat(refused.body()).doesNotContain("/var/lib");
        storeDown.set(false);
        assertThat(send(handler, request).status()).isEqualTo(200);
        CallbackResponse repeat = send(handler, request);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.body()).isEqualTo("duplicate");
        assertThat(taken).containsExactly("E-7");
        assertThat(handler.deliveredCount()).isEqualTo(1);
        assertThat(handler.duplicateCount()).isEqualTo(1);
        assertThat(handler.refusedCount()).isEqualTo(1);
        assertThat(send(handler, signed.raw("{}".getBytes(StandardCharsets.UTF_8))).status()).as("malformed: never given to the sink")
                .isEqualTo(400);
        assertThat(taken).hasSize(1);

        Tmf621EventHandler unusable = Tmf621EventHandler.builder(CallerCheck.acceptAll(), event -> {
            throw new dev.troubleticket.nexera.listener.MalformedEventException("no ticket to map", null);
        }).build();
        assertThat(send(unusable, request).status()).as("sending it again would not help").isEqualTo(400);
    }

    @Test
    void withACallbackTokenEveryPathWithoutItGets404WithNoDetailAndNothingIsDelivered() {
        CallbackToken token = CallbackToken.random();
        Tmf621EventHandler handler = Tmf621EventHandler.builder(CallerCheck.acceptAll(), sink).callbackToken(token).build();
        CallbackRequest request = CallbackRequests.unauthenticated(Clock.systemUTC()).event(Tmf621Event.STATUS_CHANGE, ticket("TT-1", "held"));
        String value = token.value();
        String sameLength = value.substring(0, value.length() - 1) + (value.endsWith("A") ? "B" : "A");

        for (String path : List.of("/listener", "/listener/", "/listener/" + sameLength, "/listener/" + value + "x",
                "/listener/" + value.substring(1), "/listener/x" + value, "/listener?t=" + value)) {
            CallbackResponse answer = handler.handle("POST", path, request.headerLists(), request.body());
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.body()).as("no detail").isEmpty();
        }
        assertThat(handler.handle("GET", "/listener", Map.of(), null).status()).as("before the method is looked at").isEqualTo(404);
        assertThat(handler.bodyTooLarge("POST", "/listener").status()).as("before the size is looked at").isEqualTo(404);
        assertThat(received).isEmpty();
        assertThat(handler.refusedCount()).isEqualTo(9);
    }

    @Test
    void withTheCallbackTokenInThePathANotificationWithoutCredentialsIsDelivered() {
        CallbackToken token = CallbackToken.random();
        Tmf621EventHandler handler = Tmf621EventHandler.builder(CallerCheck.acceptAll(), sink).callbackToken(token).build();
        CallbackRequests none = CallbackRequests.unauthenticated(Clock.systemUTC());

        assertThat(handler.handle("POST", "/listener/" + token.value(), none.event(Tmf621Event.RESOLVED, ticket("TT-1", "resolved")).headerLists(),
                none.event("E-1", Tmf621Event.RESOLVED, ticket("TT-1", "resolved"), null).body()).status()).isEqualTo(200);
        CallbackRequest tmfStyle = none.event("E-2", Tmf621Event.STATUS_CHANGE, ticket("TT-1", "closed"), null);
        assertThat(handler.handle("POST", "/listener/" + token.value() + "/listener/troubleTicketStatusChangeEvent",
                tmfStyle.headerLists(), tmfStyle.body()).status()).as("TMF621 v4 style, below the callback URL").isEqualTo(200);
        assertThat(handler.bodyTooLarge("POST", "/listener/" + token.value()).status()).isEqualTo(413);

        assertThat(received).extracting(Tmf621Event::eventId).containsExactly("E-1", "E-2");
    }

    @Test
    void aCallerCheckStillAppliesBesideTheToken() {
        CallbackToken token = CallbackToken.random();
        Tmf621EventHandler handler = Tmf621EventHandler.builder(CallerCheck.sharedSecret("X-Callback-Secret", "s3cret"), sink)
                .callbackToken(token).build();
        CallbackRequest unsigned = CallbackRequests.unauthenticated(Clock.systemUTC()).event(Tmf621Event.STATUS_CHANGE, ticket("TT-1", "held"));

        assertThat(handler.handle("POST", "/listener/" + token.value(), unsigned.headerLists(), unsigned.body()).status()).isEqualTo(401);
        assertThat(received).isEmpty();
    }

    @Test
    void callbackTokensAreRandom256BitBase64UrlAndNeverPrinted() {
        CallbackToken a = CallbackToken.random();
        CallbackToken b = CallbackToken.random();
        Tmf621EventHandler handler = Tmf621EventHandler.builder(CallerCheck.acceptAll(), sink).callbackToken(a).build();

        assertThat(a.value()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(b.value());
        assertThat(a.appendTo("http://h:1/listener")).isEqualTo("http://h:1/listener/" + a.value());
        assertThat(a.appendTo("https://h/hooks/?x=1")).isEqualTo("https://h/hooks/" + a.value() + "?x=1");
        assertThat(a.toString()).doesNotContain(a.value());
        assertThat(handler.toString()).doesNotContain(a.value()).contains("callbackToken=****");
        assertThat(CallbackToken.of("abcdefghijklmnopqrstuv").isIn("/listener/abcdefghijklmnopqrstuv")).isTrue();
        assertThatThrownBy(() -> CallbackToken.of("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallbackToken.of("not/a/token/not/a/token")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void receiverOnTheEmbeddedServerAnswersOverHttpAndCapsTheBody() throws Exception {
        Tmf621EventHandler handler = handler(CallerCheck.sharedSecret("X-Callback-Secret", "s3cret"));
        try (CallbackServer server = CallbackServers.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/listener", handler)) {
            String url = "http://127.0.0.1:" + server.port() + "/listener";

            assertThat(CallbackRequests.post(url + "/listener/troubleTicketStatusChangeEvent",
                    signed.event(Tmf621Event.STATUS_CHANGE, ticket("TT-1", "held")))).isEqualTo(200);
            assertThat(CallbackRequests.post(url, CallbackRequests.unauthenticated(Clock.systemUTC())
                    .event(Tmf621Event.STATUS_CHANGE, ticket("TT-1", "held")))).isEqualTo(401);
            assertThat(CallbackRequests.post(url, signed.raw(new byte[10_000]))).isEqualTo(413);
        }
        assertThat(received).singleElement().isInstanceOf(Tmf621Event.StatusChange.class);
    }
}
