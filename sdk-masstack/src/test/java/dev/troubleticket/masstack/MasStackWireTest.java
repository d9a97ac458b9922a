package dev.troubleticket.masstack;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.troubleticket.core.contract.MutableClock;
import dev.troubleticket.core.error.AuthenticationException;
import dev.troubleticket.core.error.NotFoundException;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.error.TransportException;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.masstack.model.BinaryAttachment;
import dev.troubleticket.masstack.model.Transaction;
import dev.troubleticket.masstack.model.TransactionInput;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exactly what the adapter sends (method, path, headers, body), and how it reads what comes back. */
class MasStackWireTest {
    private static final Instant START = Instant.parse("2025-01-15T10:00:00Z");
    private static KeyPair keys;

    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock(START);
    private MasStackClient client;
    private MasStackApi api;

    @BeforeAll
    static void generateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = clientBuilder().build();
        api = client.unwrap(MasStackApi.class);
    }

    private MasStackClient.Builder clientBuilder() {
        return MasStackClient.builder()
                .baseUrl(server.url("/").toString())
                .serviceAccount(ServiceAccount.of("isp@sa.example", "key-1", (RSAPrivateKey) keys.getPrivate()))
                .tokenUrl(server.url("/oauth/token").toString())
                .clock(clock)
                .transportOptions(TransportOptions.builder()
                        .readTimeout(Duration.ofMillis(300))
                        .retryPolicy(RetryPolicy.defaults().withSleeper(d -> { }))
                        .build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse token(String value, Long expiresIn) {
        return json(200, "{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\""
                + (expiresIn == null ? "" : ",\"expires_in\":" + expiresIn) + "}");
    }

    private static Map<String, String> form(RecordedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBody().utf8().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return form;
    }

    private static String ticketJson(String state) {
        return MasStackSpecExamplesTest.example("get-response.json").replace("OPENACTIVE", state);
    }

    @Test
    void firstCallExchangesASignedAssertionForTheBearerToken() throws Exception {
        server.enqueue(token("tok-1", 3600L));
        server.enqueue(json(200, MasStackSpecExamplesTest.example("get-response.json")));

        api.get("RED-84");

        RecordedRequest tokenRequest = server.takeRequest();
        assertThat(tokenRequest.getMethod()).isEqualTo("POST");
        assertThat(tokenRequest.getUrl().encodedPath()).isEqualTo("/oauth/token");
        assertThat(tokenRequest.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(tokenRequest.getHeaders().get("Authorization")).isNull();
        Map<String, String> form = form(tokenRequest);
        assertThat(form).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer").containsKey("assertion");
        DecodedJWT assertion = ((com.auth0.jwt.JWTVerifier.BaseVerification) JWT.require(
                Algorithm.RSA256((RSAPublicKey) keys.getPublic(), null))
                .withIssuer("isp@sa.example").withSubject("isp@sa.example")
                .withAudience(server.url("/oauth/token").toString()))
                .build(clock).verify(form.get("assertion"));
        assertThat(assertion.getKeyId()).isEqualTo("key-1");
        assertThat(assertion.getAlgorithm()).isEqualTo("RS256");
        assertThat(assertion.getIssuedAtAsInstant()).isEqualTo(START);
        assertThat(assertion.getExpiresAtAsInstant()).isEqualTo(START.plus(Duration.ofMinutes(5)));

        RecordedRequest get = server.takeRequest();
        assertThat(get.getMethod()).isEqualTo("GET");
        assertThat(get.getUrl().encodedPath()).isEqualTo("/troubleTicket/RED-84");
        assertThat(get.getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
        assertThat(get.getHeaders().get("Accept")).isEqualTo("application/json");
    }

    @Test
    void createPostsTheDocumentBodyOnceEvenAfterAServerError() throws Exception {
        server.enqueue(token("tok-1", 3600L));
        server.enqueue(json(503, "{\"remoteException\":\"JIRA down\"}"));

        assertThatThrownBy(() -> api.create(Fixtures.typedRequest("ONV-1024").build()))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));

        server.takeRequest();
        RecordedRequest post = server.takeRequest();
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getUrl().encodedPath()).isEqualTo("/troubleTicket");
        assertThat(post.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(Json.mapper().readTree(post.getBody().utf8())).isEqualTo(Json.mapper().readTree("""
                {"baseTroubleTicketState":"OPENACTIVE","mirrorKey":"ONV-1024",
                 "dialog":"ERI_MM_OLTZ3562010LAP012_para que se revise","troubleType":"FTTH_PROVISION_RANGED_NO_NAVEGA",
                 "troubleDescription":"ONT sincronizado, pero no navega.","troubleDetectionTime":"2025-01-15T10:30:00Z",
                 "preferredPriority":1,"troubledObject":"CTO","customerTroubleNum":"O99999999999/M9999999999",
                 "homeId":"HOME-0042","wh1Parameter":"cliente","customer":"100","clearencePerson":"AGENT-7"}"""));
        assertThat(server.getRequestCount()).as("token + one POST: a create is never retried blindly").isEqualTo(2);
    }

    @Test
    void createIsNotRetriedAfterATimeout() {
        server.enqueue(token("tok-1", 3600L));
        server.enqueue(new MockResponse.Builder().code(201).headersDelay(1, TimeUnit.SECONDS)
                .body("{\"ticketId\":\"RED-84\",\"mirrorKey\":\"ONV-1024\"}").build());

        assertThatThrownBy(() -> api.create(Fixtures.typedRequest("ONV-1024").build()))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.attempts()).isEqualTo(1));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void getIsRetriedAfterAServerError() {
        server.enqueue(token("tok-1", 3600L));
        server.enqueue(json(503, ""));
        server.enqueue(json(200, MasStackSpecExamplesTest.example("get-response.json")));

        assertThat(api.get("RED-84").ticketId()).isEqualTo("RED-84");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void closeReadsTheStateThenPatchesWithTheCloseOutFields() throws Exception {
        server.enqueue(token("tok-1", 3600L));
        server.enqueue(json(200, ticketJson("CLEARED")));
        server.enqueue(json(200, MasStackSpecExamplesTest.example("update-response.json")));

        api.close("RED-84", TransactionInput.builder().dialog("gracias").closeOutType("FIBRA").closeOutNarr("Fusión")
                .serviceRestoredTime(START).customer(120).build());

        server.takeRequest();
        assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
        RecordedRequest patch = server.takeRequest();
        assertThat(patch.getMethod()).isEqualTo("PATCH");
        assertThat(patch.getUrl().encodedPath()).isEqualTo("/troubleTicket/RED-84");
        assertThat(patch.getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
        assertThat(Json.mapper().readTree(patch.getBody().utf8())).isEqualTo(Json.mapper().readTree("""
                {"baseTroubleTicketState":"CLOSED","ticketId":"RED-84","mirrorKey":"ONV-1024","dialog":"gracias",
                 "closeOutType":"FIBRA","closeOutNarr":"Fusión","serviceRestoredTime":"2025-01-15T10:00:00Z","customer":120}"""));
    }

    @Test
    void sendInformationPatchesTheCurrentStateUnchanged() throws Exception {
        server.enqueue(token("tok-1", 3600L));
        server.enqueue(json(200, ticketJson("DEFERRED.AWAITING-INFORMATION")));
        server.enqueue(json(200, MasStackSpecExamplesTest.example("update-response.json")));

        api.sendInformation("RED-84", "lo consulto");

        server.takeRequest();
        server.takeRequest();
        assertThat(Json.mapper().readTree(server.takeRequest().getBody().utf8())).isEqualTo(Json.mapper().readTree("""
                {"baseTroubleTicketState":"DEFERRED.AWAITING-INFORMATION","ticketId":"RED-84","mirrorKey":"ONV-1024",
                 "dialog":"lo consulto"}"""));
    }

    @Test
    void multipartCreateSendsADataPartAndBinaryAttachmentParts() throws Exception {
        server.enqueue(token("tok-1", 3600L));
        server.enqueue(json(201, MasStackSpecExamplesTest.example("create-response.json")));

        api.createMultipart(Fixtures.typedRequest("ONV-1024").build(),
                List.of(new BinaryAttachment("acta.txt", "text/plain", "hola".getBytes(StandardCharsets.UTF_8))));

        server.takeRequest();
        RecordedRequest post = server.takeRequest();
        assertThat(post.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
        String body = post.getBody().utf8();
        assertThat(body).contains("Content-Disposition: form-data; name=\"data\"")
                .contains("\"mirrorKey\":\"ONV-1024\"")
                .contains("Content-Disposition: form-data; name=\"attachment\"; filename=\"acta.txt\"")
                .contains("Content-Type: text/plain")
                .contains("\r\n\r\nhola\r\n");
    }

    @Test
    void multipartUpdateSendsTheJsonAsDataAndFilesAsAttachmentsParts() throws Exception {
        server.enqueue(token("tok-1", 3600L));
        server.enqueue(json(200, MasStackSpecExamplesTest.example("update-response.json")));
        dev.troubleticket.masstack.model.MasStackTicket known = dev.troubleticket.masstack.model.MasStackTicket.fromJson(
                ticketJson("DEFERRED.AWAITING-INFORMATION"));

        api.performMultipart(Transaction.TU06, known, TransactionInput.dialog("adjunto"),
                List.of(new BinaryAttachment("cto.jpg", "image/jpeg", new byte[] {7, 7})));

        server.takeRequest();
        RecordedRequest patch = server.takeRequest();
        assertThat(patch.getMethod()).isEqualTo("PATCH");
        assertThat(patch.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(patch.getBody().utf8()).contains("Content-Disposition: form-data; name=\"data\"")
                .contains("{\"baseTroubleTicketState\":\"OPENACTIVE\",\"ticketId\":\"RED-84\",\"mirrorKey\":\"ONV-1024\",\"dialog\":\"adjunto\"}")
                .contains("Content-Disposition: form-data; name=\"attachments\"; filename=\"cto.jpg\"")
                .contains("Content-Type: image/jpeg");
    }

    @Test
    void tokenIsRenewedBeforeItExpires() throws Exception {
        server.enqueue(token("tok-1", 600L));
        server.enqueue(json(200, MasStackSpecExamplesTest.example("get-response.json")));
        server.enqueue(token("tok-2", 600L));
        server.enqueue(json(200, MasStackSpecExamplesTest.example("get-response.json")));

        api.get("RED-84");
        clock.advance(Duration.ofMinutes(9).plusSeconds(30)); // within the 60 s renewal margin
        api.get("RED-84");

        server.takeRequest();
        server.takeRequest();
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/oauth/token");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer tok-2");
    }

    @Test
    void tokenWithoutExpiresInIsRenewedByItsJwtExpiry() throws Exception {
        String jwt = JWT.create().withExpiresAt(START.plusSeconds(120)).sign(Algorithm.HMAC256("x"));
        server.enqueue(token(jwt, null));
        server.enqueue(json(200, MasStackSpecExamplesTest.example("get-response.json")));
        server.enqueue(token("tok-2", 600L));
        server.enqueue(json(200, MasStackSpecExamplesTest.example("get-response.json")));

        api.get("RED-84");
        clock.advance(Duration.ofSeconds(61));
        api.get("RED-84");

        assertThat(server.getRequestCount()).isEqualTo(4);
        server.takeRequest();
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + jwt);
        server.takeRequest();
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer tok-2");
    }

    @Test
    void refusedTokenIsReplacedOnceAfterA401() throws Exception {
        server.enqueue(token("tok-1", 3600L));
        server.enqueue(json(401, "{\"error\":\"invalid_token\"}"));
        server.enqueue(token("tok-2", 3600L));
        server.enqueue(json(200, MasStackSpecExamplesTest.example("get-response.json")));

        api.get("RED-84");

        server.takeRequest();
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
        server.takeRequest();
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer tok-2");
    }

    @Test
    void tokenEndpointRefusalIsAnAuthenticationFailureAndNothingElseIsSent() {
        server.enqueue(json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"unknown key id\"}"));

        assertThatThrownBy(() -> api.get("RED-84")).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.getMessage()).contains("invalid_grant").contains("unknown key id");
            assertThat(e.httpStatus()).isEqualTo(400);
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void errorBodiesNameTheExceptionAndKeepTheMessage() {
        server.enqueue(token("tok-1", 3600L));
        server.enqueue(json(400, MasStackSpecExamplesTest.example("create-error-illegal-argument.json")));
        server.enqueue(json(400, "{\"objectNotFoundException\":\"ticket RED-1 not found\"}"));
        server.enqueue(json(400, "{\"remoteException\":\"JIRA timeout\"}"));
        server.enqueue(new MockResponse.Builder().code(502).body("<html>Bad gateway</html>").build());
        server.enqueue(json(200, "[not a ticket"));

        assertThatThrownBy(() -> api.create(Fixtures.typedRequest("ONV-1").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.reachedProvider()).isTrue();
                    assertThat(e.getMessage()).contains("required fields: baseTroubleTicketState,mirrorKey,dialog");
                    assertThat(e.violations()).extracting(v -> v.field()).containsExactly("baseTroubleTicketState", "mirrorKey", "dialog");
                });
        assertThatThrownBy(() -> api.get("RED-1")).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.getMessage()).contains("ticket RED-1 not found"));
        assertThatThrownBy(() -> api.get("RED-2")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.details().providerMessage()).isEqualTo("JIRA timeout"));
        client = clientBuilder().transportOptions(TransportOptions.builder().retryPolicy(RetryPolicy.none()).build()).build();
        api = client.unwrap(MasStackApi.class);
        server.enqueue(token("tok-2", 3600L));
        assertThatThrownBy(() -> api.get("RED-3")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.rawBody()).isEqualTo("<html>Bad gateway</html>"));
        assertThatThrownBy(() -> api.get("RED-4")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.rawBody()).isEqualTo("[not a ticket"));
    }

    @Test
    void createAnswerWithoutTicketIdIsAProviderFailureKeepingTheBody() {
        server.enqueue(token("tok-1", 3600L));
        server.enqueue(json(201, "{\"mirrorKey\":\"ONV-1\"}"));

        assertThatThrownBy(() -> api.create(Fixtures.typedRequest("ONV-1").build()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(201);
                    assertThat(e.rawBody()).isEqualTo("{\"mirrorKey\":\"ONV-1\"}");
                });
    }

    @Test
    void staticTokenIsSentAsIsAndNeverShown() throws Exception {
        MasStackClient withToken = MasStackClient.builder().baseUrl(server.url("/").toString())
                .staticToken("s3cr3t-token").build();
        server.enqueue(json(200, MasStackSpecExamplesTest.example("get-response.json")));

        withToken.get("RED-84");

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer s3cr3t-token");
        assertThat(withToken.toString()).doesNotContain("s3cr3t-token");
    }
}
