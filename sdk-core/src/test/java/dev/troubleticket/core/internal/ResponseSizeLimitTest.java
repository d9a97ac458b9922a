package dev.troubleticket.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.auth.StaticTokenAuth;
import dev.troubleticket.core.error.ResponseTooLargeException;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answers longer than the response size limit: refused or cut short at the limit, typed, never retried. */
class ResponseSizeLimitTest {
    private static final int LIMIT = 64 * 1024;
    /** What one read may add past the limit before the reader sees it is over (one okio segment). */
    private static final int ONE_READ = 8192;
    private static final long ONE_GIB = 1L << 30;

    private final MockWebServer server = new MockWebServer();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final ConnectionPool pool = new ConnectionPool();
    private final OkHttpClient shared = new OkHttpClient.Builder().connectionPool(pool).build();
    private HttpTransport transport;

    @BeforeEach
    void start() throws Exception {
        server.start();
        transport = new HttpTransport("test", server.url("/api/").toString(), TransportOptions.builder().okHttpClient(shared)
                .maxResponseBytes(LIMIT).retryPolicy(RetryPolicy.defaults().withSleeper(sleeps::add)).build(),
                StaticTokenAuth.bearer("t0ken"), ErrorBodyParser.none(), Json.mapper());
    }

    @AfterEach
    void stop() {
        server.close();
        shared.dispatcher().executorService().shutdown();
    }

    @Test
    void aBodyDeclaredOverTheLimitIsRefusedBeforeAnyOfItIsRead() {
        server.enqueue(GeneratedBody.declared(200, ONE_GIB).build());

        assertThatThrownBy(() -> transport.send(ApiRequest.get("tickets").build()))
                .isInstanceOfSatisfying(ResponseTooLargeException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(200);
                    assertThat(e.limit()).isEqualTo(LIMIT);
                    assertThat(e.declaredLength()).hasValue(ONE_GIB);
                    assertThat(e.bytesRead()).isZero();
                    assertThat(e.rawBody()).isEmpty();
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.reachedProvider()).isTrue();
                    assertThat(e.getMessage()).contains("GET /api/tickets").contains("HTTP 200").contains(String.valueOf(LIMIT))
                            .contains(String.valueOf(ONE_GIB)).contains("maxResponseBytes");
                });
    }

    @Test
    void aBodyWithoutALengthIsReadOnlyUpToTheLimitAndItsFirstBytesAreKept() {
        server.enqueue(GeneratedBody.chunked(200, GeneratedBody.ENDLESS).build());

        assertThatThrownBy(() -> transport.send(ApiRequest.get("tickets").build()))
                .isInstanceOfSatisfying(ResponseTooLargeException.class, e -> {
                    assertThat(e.declaredLength()).isEmpty();
                    assertThat(e.bytesRead()).isGreaterThan(LIMIT).isLessThanOrEqualTo(LIMIT + ONE_READ);
                    assertThat(e.rawBody()).hasSize(ResponseTooLargeException.RAW_BODY_PREFIX_BYTES)
                            .startsWith(GeneratedBody.PATTERN + GeneratedBody.PATTERN);
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("declared no length").contains("maxResponseBytes");
                });
    }

    @Test
    void aBodyOfExactlyTheLimitIsReadWholeWithOrWithoutALength() {
        server.enqueue(GeneratedBody.declared(200, LIMIT).build());
        server.enqueue(GeneratedBody.chunked(200, LIMIT).build());

        assertThat(transport.send(ApiRequest.get("a").build()).utf8Body()).hasSize(LIMIT);
        assertThat(transport.send(ApiRequest.get("b").build()).utf8Body()).hasSize(LIMIT);
    }

    @Test
    void oneByteOverTheLimitIsRefusedWithOrWithoutALength() {
        server.enqueue(GeneratedBody.declared(200, LIMIT + 1).build());
        server.enqueue(GeneratedBody.chunked(200, LIMIT + 1).build());

        assertThatThrownBy(() -> transport.send(ApiRequest.get("a").build()))
                .isInstanceOfSatisfying(ResponseTooLargeException.class, e -> assertThat(e.declaredLength()).hasValue(LIMIT + 1));
        assertThatThrownBy(() -> transport.send(ApiRequest.get("b").build()))
                .isInstanceOfSatisfying(ResponseTooLargeException.class, e -> assertThat(e.bytesRead()).isEqualTo(LIMIT + 1));
    }

    @Test
    void anAnswerOverTheLimitIsNotRetriedEvenWithARetryableStatus() {
        server.enqueue(GeneratedBody.chunked(503, GeneratedBody.ENDLESS).build());
        server.enqueue(GeneratedBody.declared(503, ONE_GIB).build());
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());

        assertThatThrownBy(() -> transport.send(ApiRequest.get("a").build()))
                .isInstanceOfSatisfying(ResponseTooLargeException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
        assertThatThrownBy(() -> transport.send(ApiRequest.get("b").build()))
                .isInstanceOfSatisfying(ResponseTooLargeException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void theNextCallSucceedsAndNoConnectionIsLeftBusyAfterAnAnswerOverTheLimit() {
        server.enqueue(GeneratedBody.chunked(200, GeneratedBody.ENDLESS).build());
        server.enqueue(GeneratedBody.declared(200, ONE_GIB).build());
        server.enqueue(new MockResponse.Builder().code(200).body("{\"ok\":true}").build());

        assertThatThrownBy(() -> transport.send(ApiRequest.get("a").build())).isInstanceOf(ResponseTooLargeException.class);
        assertThatThrownBy(() -> transport.send(ApiRequest.get("b").build())).isInstanceOf(ResponseTooLargeException.class);

        assertThat(transport.send(ApiRequest.get("c").build()).body()).isEqualTo("{\"ok\":true}");
        assertThat(pool.connectionCount()).isEqualTo(pool.idleConnectionCount());
    }

    @Test
    void theLimitIs32MiBByDefaultAndMustBePositive() {
        assertThat(TransportOptions.defaults().maxResponseBytes()).isEqualTo(32L * 1024 * 1024);
        assertThatThrownBy(() -> TransportOptions.builder().maxResponseBytes(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxResponseBytes");
        assertThatThrownBy(() -> TransportOptions.builder().maxResponseBytes(4L << 30).build())
                .as("a body is read into one array").isInstanceOf(IllegalArgumentException.class);
        assertThat(TransportOptions.builder().maxResponseBytes(1024).build().toBuilder().build().maxResponseBytes())
                .as("kept by toBuilder").isEqualTo(1024);
    }

    @Test
    void theSettingsKeySetsTheLimitOverTheTransportOptions() {
        TransportOptions options = TransportOptions.builder().maxResponseBytes(1024).build();

        assertThat(ProviderSettings.of(Map.of("maxResponseBytes", "1000000"), options).transport().maxResponseBytes()).isEqualTo(1_000_000);
        assertThat(ProviderSettings.of(Map.of("maxResponseBytes", "64MiB")).transport().maxResponseBytes()).isEqualTo(64L << 20);
        assertThat(ProviderSettings.of(Map.of("maxResponseBytes", "512 kib")).transport().maxResponseBytes()).isEqualTo(512L << 10);
        assertThat(ProviderSettings.of(Map.of(), options).transport().maxResponseBytes()).isEqualTo(1024);
        assertThatThrownBy(() -> ProviderSettings.of(Map.of("maxResponseBytes", "lots")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxResponseBytes").hasMessageContaining("lots");
        assertThatThrownBy(() -> ProviderSettings.of(Map.of("maxResponseBytes", "99999999999GiB")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxResponseBytes");
    }
}
