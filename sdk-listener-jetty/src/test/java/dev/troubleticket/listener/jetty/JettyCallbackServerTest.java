package dev.troubleticket.listener.jetty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.troubleticket.core.callback.CallbackServer;
import dev.troubleticket.core.callback.CallbackServerOptions;
import dev.troubleticket.core.callback.CallbackServers;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Jetty server on real sockets: what reaches the handler, the body cap, deadlines, the connection limit. */
class JettyCallbackServerTest {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private static final String EVENT = "{\"eventId\":\"e-1\",\"eventType\":\"TroubleTicketStatusChangeEvent\"}";

    private final RecordingHandler handler = new RecordingHandler(4096);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private JettyCallbackServer start(CallbackServerOptions options) {
        JettyCallbackServer server = JettyCallbackServer.start(LOOPBACK, "/listener", handler, options);
        open.add(server);
        return server;
    }

    private RawPeer peer(JettyCallbackServer server) throws Exception {
        RawPeer peer = new RawPeer(server.port());
        open.add(peer);
        return peer;
    }

    @Test
    void theHandlerGetsMethodPathHeadersAndBodyAndItsStatusIsAnswered() throws Exception {
        JettyCallbackServer server = start(CallbackServerOptions.defaults());
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/listener/tok/listener/troubleTicketStatusChangeEvent"))
                .header("X-Callback-Secret", "s").POST(HttpRequest.BodyPublishers.ofString(EVENT)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(handler.received).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/listener/tok/listener/troubleTicketStatusChangeEvent");
            assertThat(r.headers()).containsEntry("X-Callback-Secret", List.of("s"));
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(EVENT);
        });
    }

    @Test
    void pathsOutsideTheListenerPathGet404AndNeverReachTheHandler() throws Exception {
        JettyCallbackServer server = start(CallbackServerOptions.defaults());

        assertThat(peer(server).send(RawPeer.post("/listenerX", EVENT)).status()).isEqualTo(404);
        assertThat(peer(server).send(RawPeer.post("/", EVENT)).status()).isEqualTo(404);
        assertThat(handler.received).isEmpty();
    }

    @Test
    void aDeclaredLengthOverTheCapGets413BeforeAnyOfTheBodyIsSent() throws Exception {
        JettyCallbackServer server = start(CallbackServerOptions.defaults());
        RawPeer peer = peer(server).send("POST /listener HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n");

        assertThat(peer.status()).isEqualTo(413);
        assertThat(handler.oversized).containsExactly("/listener");
        assertThat(handler.received).isEmpty();
    }

    @Test
    void aChunkedBodyIsCountedAsItArrivesAndGets413OnceOverTheCap() throws Exception {
        JettyCallbackServer server = start(CallbackServerOptions.defaults());
        RawPeer peer = peer(server).send("POST /listener HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        String chunk = "x".repeat(1000);
        for (int i = 0; i < 5; i++) {
            peer.send(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
        }

        assertThat(peer.status()).isEqualTo(413);
        assertThat(handler.received).isEmpty();
        assertThat(peer.closedByServer(5_000)).as("the rest of a refused body is not read").isTrue();
    }

    @Test
    void aChunkedBodyUnderTheCapIsDeliveredWhole() throws Exception {
        JettyCallbackServer server = start(CallbackServerOptions.defaults());
        RawPeer peer = peer(server).send("POST /listener HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        peer.send("5\r\n{\"a\":\r\n").send("3\r\n12}\r\n").send("0\r\n\r\n");

        assertThat(peer.status()).isEqualTo(204);
        assertThat(new String(handler.received.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":12}");
    }

    @Test
    void slowBodiesHoldNoThreadSoAValidRequestIsAnsweredMeanwhile() throws Exception {
        // Four threads in all: were each slow body to hold one, twenty of them would leave none.
        JettyCallbackServer server = start(CallbackServerOptions.builder().maxThreads(4).build());
        List<RawPeer> slow = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            slow.add(peer(server).send("POST /listener HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"part"));
        }

        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThat(peer(server).send(RawPeer.post("/listener", EVENT)).status()).isEqualTo(204));
        for (RawPeer peer : slow) {
            assertThat(peer.closedByServer(1)).isFalse();
        }
    }

    @Test
    void headersSentOneByteAtATimeOrNotAtAllLoseTheirConnectionAtTheHeaderDeadline() throws Exception {
        JettyCallbackServer server = start(CallbackServerOptions.builder().headerTimeout(Duration.ofMillis(300)).build());
        RawPeer silent = peer(server).send("P");
        RawPeer slowloris = peer(server).send("POST /listener HTTP/1.1\r\n");

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            boolean closed = false;
            while (!closed) {
                try {
                    slowloris.send("X");
                    Thread.sleep(50);
                } catch (java.io.IOException reset) {
                    closed = true;
                }
                closed = closed || slowloris.closedByServer(1);
            }
            assertThat(silent.closedByServer(5_000)).isTrue();
        });
        assertThat(server.connectionsClosedByDeadline()).isEqualTo(2);
        assertThat(handler.received).isEmpty();
    }

    @Test
    void aKeptAliveConnectionWithNothingArrivingIsNotCutByTheHeaderDeadline() throws Exception {
        JettyCallbackServer server = start(CallbackServerOptions.builder().headerTimeout(Duration.ofMillis(200)).build());
        RawPeer peer = peer(server);

        assertThat(peer.send(RawPeer.post("/listener", EVENT)).status()).isEqualTo(204);
        Thread.sleep(800);
        assertThat(peer.send(RawPeer.post("/listener", EVENT)).status()).isEqualTo(204);
        assertThat(handler.received).hasSize(2);
    }

    @Test
    void aBodyThatStallsLosesItsConnectionAtTheBodyDeadline() throws Exception {
        JettyCallbackServer server = start(CallbackServerOptions.builder().bodyTimeout(Duration.ofMillis(300)).build());
        RawPeer peer = peer(server).send("POST /listener HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{");

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            while (!peer.closedByServer(100)) {
                peer.send(" ");
            }
        });
        assertThat(handler.received).isEmpty();
        assertThat(server.connectionsClosedByDeadline()).isEqualTo(1);
    }

    @Test
    void connectionsBeyondTheLimitWaitUntilASlotFrees() throws Exception {
        JettyCallbackServer server = start(CallbackServerOptions.builder().maxConnections(3).headerTimeout(Duration.ofMillis(500)).build());
        List<RawPeer> silent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            silent.add(peer(server).send("P"));
        }
        RawPeer waiting = peer(server).send(RawPeer.post("/listener", EVENT));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThat(waiting.status()).isEqualTo(204));
        assertThat(server.openConnections()).isLessThanOrEqualTo(3);
        // The waiting peer is answered as soon as the first silent connection is closed; the others reach the same
        // 500 ms header deadline a moment later (more on a loaded machine), far sooner than the 30 s idle timeout.
        for (RawPeer peer : silent) {
            assertThat(peer.closedByServer(2_000)).as("silent connections closed at their header deadline").isTrue();
        }
    }

    @Test
    void theServiceLoaderFindsThisServerAndItsThreadsAreDaemons() throws Exception {
        try (CallbackServer server = CallbackServers.start(LOOPBACK, "/listener", handler)) {
            assertThat(server).isInstanceOf(JettyCallbackServer.class);
            assertThat(peer((JettyCallbackServer) server).send(RawPeer.post("/listener", EVENT)).status()).isEqualTo(204);
            assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith("callback-server"))
                    .isNotEmpty().allMatch(Thread::isDaemon);
        }
    }

    @Test
    void aPortInUseIsATypedError() {
        JettyCallbackServer first = start(CallbackServerOptions.defaults());
        InetSocketAddress taken = new InetSocketAddress(InetAddress.getLoopbackAddress(), first.port());

        assertThatThrownBy(() -> JettyCallbackServer.start(taken, "/listener", handler, CallbackServerOptions.defaults()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot listen on");
    }
}
