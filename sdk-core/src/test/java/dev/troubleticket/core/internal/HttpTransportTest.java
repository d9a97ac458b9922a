package dev.troubleticket.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.auth.AuthProvider;
import dev.troubleticket.core.auth.StaticTokenAuth;
import dev.troubleticket.core.error.AuthenticationException;
import dev.troubleticket.core.error.ConflictException;
import dev.troubleticket.core.error.NotFoundException;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.error.RateLimitedException;
import dev.troubleticket.core.error.TransportException;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
    private final MockWebServer server = new MockWebServer();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final ConnectionPool pool = new ConnectionPool();
    private final OkHttpClient shared = new OkHttpClient.Builder().connectionPool(pool).build();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        shared.dispatcher().executorService().shutdown();
    }

    private TransportOptions.Builder options() {
        return TransportOptions.builder().okHttpClient(shared)
                .retryPolicy(RetryPolicy.defaults().withSleeper(sleeps::add));
    }

    private HttpTransport transport(TransportOptions options, AuthProvider auth) {
        return new HttpTransport("test", server.url("/api/").toString(), options, auth, ErrorBodyParser.none(), Json.mapper());
    }

    private HttpTransport transport() {
        return transport(options().build(), StaticTokenAuth.bearer("t0ken"));
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("{\"error\":\"" + code + "\"}").build();
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void aUtf8AnswerKeepsItsBytesBesideItsTextAndAnotherCharsetKeepsTextOnly() {
        server.enqueue(ok("{\"name\":\"Chlo\u00e9\"}"));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json; charset=iso-8859-1")
                .body(new okio.Buffer().write("{\"name\":\"Chlo\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))).build());
        server.enqueue(new MockResponse.Builder().code(200)
                .body(new okio.Buffer().write("\uFEFF{}".getBytes(java.nio.charset.StandardCharsets.UTF_16BE))).build());
        server.enqueue(new MockResponse.Builder().code(200)
                .body(new okio.Buffer().write("\uFEFF{\"a\":\"\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))).build());

        ApiResponse utf8 = transport().send(ApiRequest.get("/t").build());
        ApiResponse latin1 = transport().send(ApiRequest.get("/t").build());
        ApiResponse utf16 = transport().send(ApiRequest.get("/t").build());
        ApiResponse utf8WithBom = transport().send(ApiRequest.get("/t").build());

        assertThat(utf8.body()).isEqualTo("{\"name\":\"Chlo\u00e9\"}");
        assertThat(utf8.utf8Body()).isEqualTo(utf8.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(latin1.body()).isEqualTo("{\"name\":\"Chlo\u00e9\"}");
        assertThat(latin1.utf8Body()).isNull();
        assertThat(utf16.body()).isEqualTo("{}");
        assertThat(utf16.utf8Body()).isNull();
        assertThat(utf8WithBom.body()).as("the mark is not text").isEqualTo("{\"a\":\"\u00e9\"}");
        assertThat(utf8WithBom.utf8Body()).hasSize(3 + 10);
    }

    @Test
    void getIsRetriedOnEachRetryableStatusUntilItSucceeds() {
        for (int code : new int[] {408, 500, 502, 504}) {
            server.enqueue(status(code));
        }
        server.enqueue(ok("{\"id\":1}"));
        HttpTransport transport = transport(options().retryPolicy(RetryPolicy.defaults().withMaxRetries(4).withSleeper(sleeps::add)).build(),
                StaticTokenAuth.bearer("t"));

        JsonNode body = transport.send(ApiRequest.get("tickets/1/").build(), JsonNode.class);

        assertThat(body.get("id").asInt()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(5);
        assertThat(sleeps).hasSize(4);
    }

    @Test
    void backoffGrowsExponentiallyWithJitterAndIsCapped() {
        RetryPolicy policy = RetryPolicy.defaults().withBackoff(Duration.ofMillis(100), Duration.ofMillis(1000));
        for (int i = 0; i < 200; i++) {
            assertThat(policy.backoff(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(policy.backoff(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(policy.backoff(10)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        }
    }

    @Test
    void retryAfterSecondsIsHonoured() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "7").build());
        server.enqueue(ok("{}"));

        transport().send(ApiRequest.get("x").build());

        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterLongerThanTheLimitIsHandedBackAsRateLimited() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "300").body("slow down").build());

        assertThatThrownBy(() -> transport().send(ApiRequest.get("x").build()))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(300));
                    assertThat(e.httpStatus()).isEqualTo(429);
                    assertThat(e.rawBody()).isEqualTo("slow down");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void createIsNotRetriedOnServerError() {
        server.enqueue(status(503));
        server.enqueue(ok("{}"));

        assertThatThrownBy(() -> transport().send(ApiRequest.post("tickets/", transport().jsonBody("{}")).build()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.attempts()).isEqualTo(1);
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void createIsRetriedOn429BecauseTheProviderDidNotProcessIt() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
        server.enqueue(ok("{\"id\":5}"));

        JsonNode created = transport().send(ApiRequest.post("tickets/", transport().jsonBody("{}")).build(), JsonNode.class);

        assertThat(created.get("id").asInt()).isEqualTo(5);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void connectionResetOnAGetIsRetried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(ok("{\"ok\":true}"));

        JsonNode body = transport().send(ApiRequest.get("x").build(), JsonNode.class);

        assertThat(body.get("ok").asBoolean()).isTrue();
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void connectionResetAfterAPostWasReadIsNotRetried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(ok("{}"));

        assertThatThrownBy(() -> transport().send(ApiRequest.post("tickets/", transport().jsonBody("{}")).build()))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.reachedProvider()).as("the server read the request before the reset").isTrue();
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesStopAtTheBudgetAndTheExceptionCountsAttempts() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(status(500));
        }
        HttpTransport transport = transport(options().retryPolicy(RetryPolicy.defaults().withMaxRetries(2).withSleeper(sleeps::add)).build(),
                StaticTokenAuth.bearer("t"));

        assertThatThrownBy(() -> transport.send(ApiRequest.get("x").build()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.isRetryable()).isTrue();
                });
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void retriesStopWhenTheWaitWouldOutlastTheCallTimeout() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "30").build());
        HttpTransport transport = transport(options().attemptTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(10)).build(),
                StaticTokenAuth.bearer("t"));

        assertThatThrownBy(() -> transport.send(ApiRequest.get("x").build())).isInstanceOf(ProviderException.class);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aStalledAnswerTimesOutAsATransportException() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"slow\":true}").bodyDelay(3, TimeUnit.SECONDS).build());
        HttpTransport transport = transport(options().readTimeout(Duration.ofMillis(200)).retryPolicy(RetryPolicy.none()).build(),
                StaticTokenAuth.bearer("t"));

        assertThatThrownBy(() -> transport.send(ApiRequest.get("x").build()))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("timed out");
    }

    @Test
    void anAttemptIsCancelledAtItsDeadline() {
        assertTimesOutAfter(Duration.ofSeconds(1));
    }

    @Test
    void aRetryGetsOnlyWhatIsLeftOfTheCallTimeout() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(20, TimeUnit.SECONDS).build());
        }
        HttpTransport transport = transport(options().readTimeout(Duration.ofSeconds(30)).attemptTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofMillis(2500)).retryPolicy(RetryPolicy.defaults().withMaxRetries(2)
                        .withBackoff(Duration.ofMillis(1), Duration.ofMillis(1)).withSleeper(sleeps::add)).build(),
                StaticTokenAuth.bearer("t"));

        long started = System.nanoTime();
        assertThatThrownBy(() -> transport.send(ApiRequest.get("x").build()))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.attempts()).isEqualTo(2))
                .hasMessageContaining("timed out");
        // A second full attempt would end after 4 s; the call's limit ends it at 2.5 s.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(2500))
                .isLessThan(Duration.ofMillis(3500));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    /** Headers that never come in time, and a read timeout longer than the attempt's: only the attempt timeout can stop it. */
    private void assertTimesOutAfter(Duration attemptTimeout) {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(20, TimeUnit.SECONDS).build());
        HttpTransport transport = transport(options().readTimeout(Duration.ofSeconds(30)).attemptTimeout(attemptTimeout)
                .callTimeout(Duration.ofSeconds(30)).retryPolicy(RetryPolicy.none()).build(), StaticTokenAuth.bearer("t"));

        long started = System.nanoTime();
        assertThatThrownBy(() -> transport.send(ApiRequest.get("x").build()))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(attemptTimeout)
                .isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void a401LeadsToOneReauthenticationThenSucceeds() throws Exception {
        AtomicInteger issued = new AtomicInteger();
        AuthProvider auth = new AuthProvider() {
            @Override
            public String authorization() {
                return "Bearer token-" + issued.get();
            }

            @Override
            public boolean onUnauthorized(String rejected) {
                issued.incrementAndGet();
                return true;
            }
        };
        server.enqueue(status(401));
        server.enqueue(ok("{}"));

        transport(options().build(), auth).send(ApiRequest.get("x").build());

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer token-0");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
    }

    @Test
    void aSecond401EndsInAnAuthenticationException() {
        AuthProvider auth = new AuthProvider() {
            @Override
            public String authorization() {
                return "Bearer stale";
            }

            @Override
            public boolean onUnauthorized(String rejected) {
                return true;
            }
        };
        server.enqueue(status(401));
        server.enqueue(status(401));
        server.enqueue(ok("{}"));

        assertThatThrownBy(() -> transport(options().build(), auth).send(ApiRequest.get("x").build()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void statusesMapOntoTheExceptionHierarchyKeepingStatusAndRawBody() {
        record Case(int status, Class<?> type) {
        }
        for (Case c : List.of(new Case(400, ValidationException.class), new Case(422, ValidationException.class),
                new Case(403, AuthenticationException.class), new Case(404, NotFoundException.class),
                new Case(409, ConflictException.class), new Case(418, ProviderException.class))) {
            server.enqueue(new MockResponse.Builder().code(c.status()).body("body of " + c.status()).build());
            assertThatThrownBy(() -> transport().send(ApiRequest.get("x").build()))
                    .isInstanceOf(c.type())
                    .satisfies(e -> {
                        dev.troubleticket.core.error.TicketingException t = (dev.troubleticket.core.error.TicketingException) e;
                        assertThat(t.httpStatus()).isEqualTo(c.status());
                        assertThat(t.rawBody()).isEqualTo("body of " + c.status());
                        assertThat(t.provider()).contains("test");
                        assertThat(t.getMessage()).contains("body of " + c.status());
                    });
        }
    }

    @Test
    void theProvidersErrorBodyParserNamesCodeMessageAndRequestId() {
        ErrorBodyParser parser = response -> new ProviderError("E42", "service already has an open ticket", "req-1",
                List.of(), ProviderError.Kind.CONFLICT);
        HttpTransport transport = new HttpTransport("test", server.url("/").toString(), options().build(),
                AuthProvider.none(), parser, Json.mapper());
        server.enqueue(new MockResponse.Builder().code(400).body("{\"whatever\":1}").build());

        assertThatThrownBy(() -> transport.send(ApiRequest.get("x").build()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.details().providerCode()).isEqualTo("E42");
                    assertThat(e.details().requestId()).isEqualTo("req-1");
                    assertThat(e.getMessage()).contains("service already has an open ticket").contains("HTTP 400");
                });
    }

    @Test
    void anHtmlErrorPageFromAProxyIsKeptWhole() {
        String html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html").body(html).build());
        }

        assertThatThrownBy(() -> transport().send(ApiRequest.get("x").build()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.rawBody()).isEqualTo(html);
                    assertThat(e.getMessage()).contains("502 Bad Gateway");
                });
    }

    @Test
    void aSuccessfulAnswerThatIsNotJsonBecomesAProviderExceptionKeepingTheBody() {
        server.enqueue(ok("{\"id\": 12, \"status\": "));

        assertThatThrownBy(() -> transport().send(ApiRequest.get("x").build(), JsonNode.class))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(200);
                    assertThat(e.rawBody()).isEqualTo("{\"id\": 12, \"status\": ");
                });
    }

    @Test
    void requestsCarryUserAgentAuthorizationAndResolveBelowTheBasePath() throws Exception {
        server.enqueue(ok("{}"));

        transport().send(ApiRequest.get("/tickets/").query("status", "open").query("skipped", null).build());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/tickets/");
        assertThat(request.getUrl().query()).isEqualTo("status=open");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer t0ken");
        assertThat(request.getHeaders().get("User-Agent")).startsWith("troubleticket-sdk/").contains("(test; Java ");
    }

    @Test
    void plainHttpIsRefusedForHostsOtherThanLoopbackUnlessAllowed() {
        assertThatThrownBy(() -> HttpTransport.checkBaseUrl("http://extranet.kosc-telecom.fr/", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain http");
        assertThatCode(() -> HttpTransport.checkBaseUrl("http://extranet.kosc-telecom.fr/", true)).doesNotThrowAnyException();
        assertThatCode(() -> HttpTransport.checkBaseUrl("https://extranet.kosc-telecom.fr/", false)).doesNotThrowAnyException();
        assertThatCode(() -> HttpTransport.checkBaseUrl("http://127.0.0.1:8080/", false)).doesNotThrowAnyException();
        assertThatCode(() -> HttpTransport.checkBaseUrl("http://localhost:8080/", false)).doesNotThrowAnyException();
        assertThatCode(() -> HttpTransport.checkBaseUrl("http://[::1]:8080/", false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> HttpTransport.checkBaseUrl("ftp://x/", false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noConnectionIsLeakedAfterSuccessesAndFailures() {
        server.enqueue(ok("{}"));
        server.enqueue(status(404));
        server.enqueue(ok("not json"));
        HttpTransport transport = transport();
        transport.send(ApiRequest.get("a").build());
        assertThatThrownBy(() -> transport.send(ApiRequest.get("b").build())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> transport.send(ApiRequest.get("c").build(), JsonNode.class)).isInstanceOf(ProviderException.class);

        // Every connection is back in the pool, idle: none was left open by an unread body.
        assertThat(pool.connectionCount()).isEqualTo(pool.idleConnectionCount());
    }
}
