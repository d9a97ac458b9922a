package dev.troubleticket.nexera;

import static dev.troubleticket.nexera.PushHarness.eventually;
import static dev.troubleticket.nexera.PushHarness.hubOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.troubleticket.core.callback.CallbackHandler;
import dev.troubleticket.core.callback.CallbackResponse;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.nexera.PushHarness.Received;
import dev.troubleticket.nexera.listener.CallbackRequests;
import dev.troubleticket.nexera.listener.Tmf621Event;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The subscription's handler mounted in the application's own web server (here the JDK's): the hub is registered
 * for the public URL with the token below it, the provider's notifications reach the handler through that server,
 * and once the subscription is closed the handler answers 503, so that the provider keeps them for the next start.
 */
class MountedSubscriptionTest {
    private final PushHarness harness = new PushHarness();
    private final AtomicReference<CallbackHandler> mounted = new AtomicReference<>();
    private HttpServer server;

    @BeforeEach
    void startTheApplicationsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks/nexera", this::route);
        server.start();
    }

    @AfterEach
    void stop() {
        harness.close();
        server.stop(0);
    }

    /** What an application's route does: hand method, path, headers and body to the mounted handler. */
    private void route(HttpExchange exchange) throws IOException {
        CallbackHandler handler = mounted.get();
        CallbackResponse answer;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(handler == null ? 0 : handler.maxBodyBytes() + 1);
            answer = handler == null ? new CallbackResponse(404, "")
                    : body.length > handler.maxBodyBytes() ? handler.bodyTooLarge(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath())
                    : handler.handle(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), exchange.getRequestHeaders(), body);
        }
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
        try (OutputStream response = exchange.getResponseBody()) {
            response.write(out);
        }
    }

    @Test
    void notificationsReachTheHandlerMountedInTheApplicationsServerAndAreRefusedOnceClosed() {
        String publicUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/nexera";
        InMemorySubscriptionStore store = new InMemorySubscriptionStore();
        Received received = new Received();
        TicketSubscription subscription = harness.subscribe(received, SubscriptionOptions.builder("mounted").store(store)
                .mountedCallback(publicUrl).build()).start();
        CallbackHandler handler = subscription.callbackHandler().orElseThrow();
        mounted.set(handler);

        String callback = hubOf(store, "mounted").callbackUrl();
        assertThat(callback).startsWith(publicUrl + "/").hasSize(publicUrl.length() + 1 + 43);
        assertThat(harness.simulator.hubs().values()).singleElement()
                .satisfies(hub -> assertThat(hub.get("callback").asText()).isEqualTo(callback));

        String ticket = harness.openTicket();
        harness.simulator.askForInformation(ticket, "which port?");
        eventually("the event through the application's server", () -> received.saw(ticket, TicketStatus.WAITING_FOR_OPERATOR));
        assertThat(CallbackRequests.post(publicUrl + "/not-the-token", CallbackRequests.unauthenticated(Clock.systemUTC())
                .event(Tmf621Event.RESOLVED, Json.mapper().createObjectNode().put("id", ticket)))).as("no token").isEqualTo(404);

        subscription.close();
        assertThat(subscription.callbackHandler()).isEmpty();
        assertThat(CallbackRequests.post(callback, CallbackRequests.unauthenticated(Clock.systemUTC())
                .event("E-AFTER", Tmf621Event.RESOLVED, Json.mapper().createObjectNode().put("id", ticket).put("status", "resolved"), null)))
                .as("closed: the provider is told to send again").isEqualTo(503);
        assertThat(store.inboxDepth("mounted")).isZero();
        assertThat(harness.simulator.hubs()).as("close keeps the hub").hasSize(1);
    }
}
