package dev.troubleticket.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.auth.StaticTokenAuth;
import dev.troubleticket.core.error.TransportException;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import java.net.ServerSocket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whether a failed call can have reached the provider, against peers on real sockets that read the request
 * and then reset or close the connection, and against a port where nothing listens.
 */
class ReachedProviderTest {
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final OkHttpClient client = new OkHttpClient();

    @AfterEach
    void stop() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private HttpTransport transport(String baseUrl, int maxRetries) {
        TransportOptions options = TransportOptions.builder().okHttpClient(client)
                .retryPolicy(RetryPolicy.defaults().withMaxRetries(maxRetries).withSleeper(sleeps::add)).build();
        return new HttpTransport("test", baseUrl, options, StaticTokenAuth.bearer("t0ken"), ErrorBodyParser.none(), Json.mapper());
    }

    private static ApiRequest create(HttpTransport transport) {
        return ApiRequest.post("tickets", transport.jsonBody(java.util.Map.of("title", "t"))).idempotent(false).build();
    }

    @Test
    void aCreateResetAfterTheRequestWasReadMayHaveReachedTheProviderAndIsNotRepeated() throws Exception {
        try (RawPeer peer = new RawPeer((n, socket, p) -> {
            RawPeer.readRequest(socket);
            RawPeer.reset(socket);
        })) {
            HttpTransport transport = transport(peer.url(), 3);

            assertThatThrownBy(() -> transport.send(create(transport)))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.reachedProvider()).isTrue();
                        assertThat(e.attempts()).isEqualTo(1);
                    });
            assertThat(peer.connections()).isEqualTo(1);
        }
    }

    @Test
    void aCreateClosedWithoutAnAnswerAfterTheRequestWasReadMayHaveReachedTheProvider() throws Exception {
        try (RawPeer peer = new RawPeer((n, socket, p) -> RawPeer.readRequest(socket))) {
            HttpTransport transport = transport(peer.url(), 3);

            assertThatThrownBy(() -> transport.send(create(transport)))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.reachedProvider()).isTrue();
                        assertThat(e.attempts()).isEqualTo(1);
                    });
        }
    }

    @Test
    void aCallWhoseConnectionWasRefusedNeverReachedTheProvider() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        HttpTransport transport = transport("http://127.0.0.1:" + port + "/api/", 1);

        assertThatThrownBy(() -> transport.send(create(transport)))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.reachedProvider()).isFalse();
                    assertThat(e.attempts()).as("a create that cannot have been sent is tried again").isEqualTo(2);
                });
    }

    @Test
    void aCallRefusedAfterAnEarlierAttemptWasReadStillMayHaveReachedTheProvider() throws Exception {
        try (RawPeer peer = new RawPeer((n, socket, p) -> {
            RawPeer.readRequest(socket);
            p.stopListening();
            RawPeer.reset(socket);
        })) {
            HttpTransport transport = transport(peer.url(), 2);

            assertThatThrownBy(() -> transport.send(ApiRequest.get("tickets/1").build()))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.attempts()).isEqualTo(3);
                        assertThat(e.reachedProvider()).as("the first attempt was read").isTrue();
                    });
        }
    }

    @Test
    void aGetResetByThePeerIsStillRetried() throws Exception {
        try (RawPeer peer = new RawPeer((n, socket, p) -> {
            RawPeer.readRequest(socket);
            if (n == 1) {
                RawPeer.reset(socket);
            } else {
                RawPeer.answerOk(socket);
            }
        })) {
            List<Exception> failures = new CopyOnWriteArrayList<>();
            TransportOptions options = TransportOptions.builder().okHttpClient(client)
                    .retryPolicy(RetryPolicy.defaults().withSleeper(sleeps::add))
                    .listener(new dev.troubleticket.core.http.TransportListener() {
                        @Override
                        public void onFailure(String provider, String method, String path, Exception cause, Duration elapsed, int attempt) {
                            failures.add(cause);
                        }
                    }).build();
            HttpTransport transport = new HttpTransport("test", peer.url(), options, StaticTokenAuth.bearer("t0ken"),
                    ErrorBodyParser.none(), Json.mapper());

            JsonNode answer = transport.send(ApiRequest.get("tickets/1").build(), JsonNode.class);

            assertThat(answer.get("ok").asBoolean()).isTrue();
            assertThat(failures).singleElement().isInstanceOf(SocketException.class);
            assertThat(sleeps).hasSize(1);
            assertThat(peer.connections()).isEqualTo(2);
        }
    }
}
