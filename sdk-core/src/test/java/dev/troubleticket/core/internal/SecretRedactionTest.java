package dev.troubleticket.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.auth.AccessToken;
import dev.troubleticket.core.auth.BasicAuth;
import dev.troubleticket.core.auth.RenewingTokenAuth;
import dev.troubleticket.core.auth.TokenSource;
import dev.troubleticket.core.error.TicketingException;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.FormBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Runs the transport with secrets configured through logins, renewals, 401s and failures, captures
 * every log line the SDK writes at debug, and proves that no secret and no personal data reaches one.
 */
class SecretRedactionTest {
    private static final String PASSWORD = "pa55-W0rd-never-logged";
    private static final String CLIENT_SECRET = "client-secret-never-logged";
    private static final String PHONE = "0785655656";

    private final MockWebServer server = new MockWebServer();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final AtomicInteger tokenCalls = new AtomicInteger();
    private final List<String> issuedTokens = new ArrayList<>();
    private Logger sdkLogger;

    @BeforeEach
    void start() throws Exception {
        sdkLogger = (Logger) LoggerFactory.getLogger("dev.troubleticket");
        captured.start();
        sdkLogger.addAppender(captured);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.equals("/token")) {
                    tokenCalls.incrementAndGet();
                    String token = JWT.create().withSubject("noc").withJWTId(java.util.UUID.randomUUID().toString()).withExpiresAt(Instant.now().plusSeconds(3600))
                            .sign(Algorithm.HMAC256("server-key"));
                    synchronized (issuedTokens) {
                        issuedTokens.add(token);
                    }
                    return new MockResponse.Builder().code(200).body("{\"access_token\":\"" + token + "\"}").build();
                }
                String auth = request.getHeaders().get("Authorization");
                if (path.equals("/expired") && auth != null && auth.equals("Bearer " + firstToken())) {
                    return new MockResponse.Builder().code(401).body("{\"error\":\"token expired\"}").build();
                }
                if (path.equals("/fail")) {
                    return new MockResponse.Builder().code(400).body("{\"error\":\"bad phone " + PHONE + "\"}").build();
                }
                return new MockResponse.Builder().code(200).body("{\"ok\":true}").build();
            }
        });
        server.start();
    }

    private String firstToken() {
        synchronized (issuedTokens) {
            return issuedTokens.isEmpty() ? "" : issuedTokens.get(0);
        }
    }

    @AfterEach
    void stop() {
        sdkLogger.detachAppender(captured);
        server.close();
    }

    /** Obtains tokens with client credentials through an unauthenticated transport, as adapters do. */
    private TokenSource clientCredentials(HttpTransport tokenTransport) {
        return () -> {
            JsonNode answer = tokenTransport.send(ApiRequest.post("token", new FormBody.Builder()
                    .add("grant_type", "client_credentials").add("client_secret", CLIENT_SECRET).build())
                    .authenticated(false).build(), JsonNode.class);
            return AccessToken.fromJwt(answer.get("access_token").asText(), null, Instant.now(), null);
        };
    }

    private HttpTransport transport(dev.troubleticket.core.auth.AuthProvider auth) {
        return new HttpTransport("test", server.url("/").toString(),
                TransportOptions.builder().retryPolicy(RetryPolicy.defaults().withSleeper(d -> { })).build(),
                auth, ErrorBodyParser.none(), Json.mapper());
    }

    @Test
    void thirtyTwoThreadsThroughTheTransportCauseOneTokenCall() throws Exception {
        HttpTransport tokenTransport = transport(dev.troubleticket.core.auth.AuthProvider.none());
        HttpTransport api = transport(RenewingTokenAuth.bearer(clientCredentials(tokenTransport)));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<ApiResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            calls.add(pool.submit(() -> api.send(ApiRequest.get("data").build())));
        }
        for (Future<ApiResponse> call : calls) {
            assertThat(call.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        pool.shutdownNow();
        assertThat(tokenCalls).hasValue(1);
    }

    @Test
    void noSecretOrPersonalDataReachesALogLineOrAnExceptionMessage() {
        HttpTransport tokenTransport = transport(dev.troubleticket.core.auth.AuthProvider.none());
        RenewingTokenAuth tokens = RenewingTokenAuth.bearer(clientCredentials(tokenTransport));
        HttpTransport api = transport(tokens);
        HttpTransport basic = transport(new BasicAuth("noc", PASSWORD));

        api.send(ApiRequest.get("data").build());
        api.send(ApiRequest.get("expired").build()); // 401, renewal, retry
        basic.send(ApiRequest.get("data").query("phone", PHONE).build());
        TicketingException failure = org.assertj.core.api.Assertions.catchThrowableOfType(TicketingException.class,
                () -> basic.send(ApiRequest.get("fail").build()));
        assertThatThrownBy(() -> transport(new BasicAuth("noc", PASSWORD)).send(ApiRequest.get("fail").build()))
                .isInstanceOf(TicketingException.class);

        assertThat(tokenCalls).hasValue(2);
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, CLIENT_SECRET, PHONE,
                java.util.Base64.getEncoder().encodeToString(("noc:" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        synchronized (issuedTokens) {
            secrets.addAll(issuedTokens);
        }
        assertThat(captured.list).isNotEmpty();
        for (ILoggingEvent event : captured.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
            for (String secret : secrets) {
                assertThat(line).as("log line").doesNotContain(secret);
            }
        }
        String texts = tokens + " " + failure.details() + " " + ProviderSettings.of(Map.of("password", PASSWORD,
                "clientSecret", CLIENT_SECRET, "token", firstToken(), "baseUrl", "https://x"));
        for (String secret : List.of(PASSWORD, CLIENT_SECRET, firstToken())) {
            assertThat(texts).doesNotContain(secret);
        }
        // The provider's own words are kept in the raw body, where the caller (not a log) can read them.
        assertThat(failure.rawBody()).contains(PHONE);
    }
}
