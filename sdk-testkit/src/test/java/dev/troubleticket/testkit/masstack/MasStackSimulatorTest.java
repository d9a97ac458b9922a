package dev.troubleticket.testkit.masstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator on the wire, driven with plain OkHttp and java-jwt (no adapter): it must hold the provider's rules. */
class MasStackSimulatorTest {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String VALID = """
            {"baseTroubleTicketState":"OPENACTIVE","mirrorKey":"ONV-1024","dialog":"no navega","troubleType":"FTTH",
             "troubleDescription":"ONT sincronizado","troubleDetectionTime":"2025-01-15T10:30:00Z","preferredPriority":1,
             "troubledObject":"CTO","customerTroubleNum":"O999","wh1Parameter":"red","customer":"100",
             "clearencePerson":"AGENT"}""";

    private final MovableClock clock = new MovableClock(Instant.parse("2025-01-15T10:00:00Z"));
    private final OkHttpClient http = new OkHttpClient();
    private MasStackSimulator simulator;

    @BeforeEach
    void start() {
        simulator = new MasStackSimulator(clock).start(0);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private record Answer(int status, String body) {
        JsonNode json() throws IOException {
            return Json.mapper().readTree(body);
        }
    }

    private Answer call(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            return new Answer(response.code(), response.body().string());
        }
    }

    private RSAPrivateKey simulatorKey() {
        try {
            String pem = Json.mapper().readTree(simulator.serviceAccountJson()).get("private_key").asText();
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            return (RSAPrivateKey) java.security.KeyFactory.getInstance("RSA")
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String assertion(RSAPrivateKey key, String kid, String audience, Instant issuedAt) {
        return JWT.create().withKeyId(kid).withIssuer(MasStackSimulator.CLIENT_EMAIL).withSubject(MasStackSimulator.CLIENT_EMAIL)
                .withAudience(audience).withIssuedAt(issuedAt).withExpiresAt(issuedAt.plus(Duration.ofMinutes(5)))
                .sign(Algorithm.RSA256(null, key));
    }

    private Answer exchange(String assertion, String grantType) throws IOException {
        return call(new Request.Builder().url(simulator.tokenUrl())
                .post(new FormBody.Builder().add("grant_type", grantType).add("assertion", assertion).build()).build());
    }

    private String accessToken() throws IOException {
        Answer answer = exchange(assertion(simulatorKey(), simulator.keyId(), simulator.tokenUrl(), clock.instant()),
                MasStackSimulator.GRANT_TYPE);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().get("access_token").asText();
    }

    private Request.Builder api(String path, String token) {
        return new Request.Builder().url(simulator.baseUrl() + path.substring(1)).header("Authorization", "Bearer " + token);
    }

    @Test
    void validAssertionIsExchangedForAnExpiringToken() throws IOException {
        Answer answer = exchange(assertion(simulatorKey(), simulator.keyId(), simulator.tokenUrl(), clock.instant()),
                MasStackSimulator.GRANT_TYPE);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(answer.json().get("expires_in").asLong()).isEqualTo(3600);
        assertThat(JWT.decode(answer.json().get("access_token").asText()).getExpiresAtAsInstant())
                .isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(simulator.tokensIssued()).isEqualTo(1);
    }

    @Test
    void assertionsThatAreNotTheAccountsAreRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateKey otherKey = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
        Instant now = clock.instant();

        assertThat(exchange(assertion(otherKey, simulator.keyId(), simulator.tokenUrl(), now), MasStackSimulator.GRANT_TYPE).body())
                .contains("invalid_grant").contains("SignatureVerification");
        assertThat(exchange(assertion(simulatorKey(), "other-kid", simulator.tokenUrl(), now), MasStackSimulator.GRANT_TYPE).body())
                .contains("unknown key id");
        assertThat(exchange(assertion(simulatorKey(), simulator.keyId(), "https://elsewhere/token", now), MasStackSimulator.GRANT_TYPE).body())
                .contains("invalid_grant");
        assertThat(exchange(assertion(simulatorKey(), simulator.keyId(), simulator.tokenUrl(), now.minus(Duration.ofMinutes(6))),
                MasStackSimulator.GRANT_TYPE).body()).contains("TokenExpired");
        assertThat(exchange(assertion(simulatorKey(), simulator.keyId(), simulator.tokenUrl(), now), "client_credentials").body())
                .contains("unsupported_grant_type");
        assertThat(simulator.tokensIssued()).isZero();
    }

    @Test
    void apiRefusesMissingExpiredAndRevokedTokens() throws IOException {
        assertThat(call(new Request.Builder().url(simulator.baseUrl() + "troubleTicket/RED-84").build()).status()).isEqualTo(401);
        String token = accessToken();
        assertThat(call(api("/troubleTicket/RED-84", token).build()).status()).isEqualTo(404);

        clock.advance(Duration.ofHours(1));
        assertThat(call(api("/troubleTicket/RED-84", token).build()).body()).contains("expired");

        String fresh = accessToken();
        simulator.revokeAccessTokens();
        assertThat(call(api("/troubleTicket/RED-84", fresh).build()).status()).isEqualTo(401);
    }

    @Test
    void createAnswersJiraIdsAndGetUsesTheAnswersSpelling() throws IOException {
        String token = accessToken();
        Answer first = call(api("/troubleTicket", token).post(RequestBody.create(VALID, JSON)).build());
        Answer second = call(api("/troubleTicket", token).post(RequestBody.create(VALID, JSON)).build());

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("ticketId").asText()).isEqualTo("RED-84");
        assertThat(second.json().get("ticketId").asText()).isEqualTo("RED-85");
        JsonNode ticket = call(api("/troubleTicket/RED-84", token).build()).json();
        assertThat(ticket.get("troubleDectectionTime").asText()).isEqualTo("2025-01-15T10:30:00Z");
        assertThat(ticket.has("troubleDetectionTime")).isFalse();
        assertThat(ticket.get("customer").isNumber()).isTrue();
        assertThat(ticket.get("baseTroubleTicketState").asText()).isEqualTo("OPENACTIVE");
        assertThat(simulator.ticketsCreated()).isEqualTo(2);
    }

    @Test
    void createConstraintsAnswerTheDocumentsErrorBody() throws IOException {
        String token = accessToken();
        Answer missing = call(api("/troubleTicket", token).post(RequestBody.create("{\"troubleType\":\"FTTH\"}", JSON)).build());
        Answer priority = call(api("/troubleTicket", token)
                .post(RequestBody.create(VALID.replace("\"preferredPriority\":1", "\"preferredPriority\":4"), JSON)).build());
        Answer client = call(api("/troubleTicket", token)
                .post(RequestBody.create(VALID.replace("\"red\"", "\"cliente\""), JSON)).build());

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("illegalArgumentException").asText()).isEqualTo("required fields: baseTroubleTicketState,"
                + "mirrorKey,dialog,troubleDescription,troubleDetectionTime,preferredPriority,troubledObject,customerTroubleNum,"
                + "wh1Parameter,clearencePerson");
        assertThat(priority.json().get("illegalArgumentException").asText()).contains("preferredPriority");
        assertThat(client.json().get("illegalArgumentException").asText()).isEqualTo("required fields: homeId");
        assertThat(simulator.ticketsCreated()).isZero();
    }

    @Test
    void multipartCreateKeepsTheBinaryAttachments() throws IOException {
        String token = accessToken();
        MultipartBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("data", null, RequestBody.create(VALID, JSON))
                .addFormDataPart("attachment", "foto.jpg", RequestBody.create(new byte[] {1, 2, 3}, MediaType.get("image/jpeg")))
                .build();

        Answer created = call(api("/troubleTicket", token).post(body).build());

        assertThat(created.status()).isEqualTo(201);
        JsonNode attachment = call(api("/troubleTicket/RED-84", token).build()).json().get("attachments").get(0);
        assertThat(attachment.get("name").asText()).isEqualTo("foto.jpg");
        assertThat(attachment.get("mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(attachment.get("content").asText()).isEqualTo(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}));
    }

    @Test
    void patchIsAcceptedOnlyAsAnOperatorTransactionFromTheCurrentState() throws IOException {
        String token = accessToken();
        call(api("/troubleTicket", token).post(RequestBody.create(VALID, JSON)).build());
        String close = "{\"baseTroubleTicketState\":\"CLOSED\",\"ticketId\":\"RED-84\",\"mirrorKey\":\"ONV-1024\",\"dialog\":\"fin\","
                + "\"closeOutType\":\"T\",\"closeOutNarr\":\"N\",\"serviceRestoredTime\":\"2025-01-16T08:00:00Z\"}";

        Answer refused = call(api("/troubleTicket/RED-84", token).patch(RequestBody.create(close, JSON)).build());
        assertThat(refused.json().get("illegalArgumentException").asText()).contains("from OPENACTIVE to CLOSED is not allowed");

        simulator.resolve("RED-84", "reparada");
        Answer withoutCloseOut = call(api("/troubleTicket/RED-84", token).patch(RequestBody.create(
                "{\"baseTroubleTicketState\":\"CLOSED\",\"ticketId\":\"RED-84\",\"mirrorKey\":\"ONV-1024\",\"dialog\":\"fin\"}",
                JSON)).build());
        assertThat(withoutCloseOut.json().get("illegalArgumentException").asText())
                .isEqualTo("required fields: closeOutType,closeOutNarr,serviceRestoredTime");

        Answer closed = call(api("/troubleTicket/RED-84", token).patch(RequestBody.create(close, JSON)).build());
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("preferredPriority").isTextual()).as("the document's update answer quirk").isTrue();
        assertThat(simulator.transactions("RED-84")).containsExactly("TU01", "TO07", "TU09");
        assertThat(simulator.state("RED-84")).isEqualTo("CLOSED");
    }

    @Test
    void unknownTicketAndRemoteFailuresAnswerTheirExceptionBodies() throws IOException {
        String token = accessToken();
        Answer patch = call(api("/troubleTicket/RED-1", token).patch(RequestBody.create("{}", JSON)).build());
        assertThat(patch.status()).isEqualTo(400);
        assertThat(patch.json().has("objectNotFoundException")).isTrue();

        simulator.failWithRemoteException(1, "JIRA down");
        Answer remote = call(api("/troubleTicket/RED-1", token).build());
        assertThat(remote.status()).isEqualTo(400);
        assertThat(remote.json().get("remoteException").asText()).isEqualTo("JIRA down");
        assertThat(call(api("/troubleTicket/RED-1", token).build()).json().has("objectNotFoundException")).isTrue();
    }

    @Test
    void answersTooManyRequestsWhenToldWithItsRetryAfterThenServesAgain() throws IOException {
        String token = accessToken();
        call(api("/troubleTicket", token).post(RequestBody.create(VALID, JSON)).build());
        simulator.answerTooManyRequests(2, Duration.ofMillis(2_500));

        for (int i = 0; i < 2; i++) {
            try (Response throttled = http.newCall(api("/troubleTicket/RED-84", token).build()).execute()) {
                assertThat(throttled.code()).isEqualTo(429);
                assertThat(throttled.header("Retry-After")).isEqualTo("3");
                assertThat(throttled.body().string()).doesNotContain("remoteException");
            }
        }
        assertThat(call(api("/troubleTicket/RED-84", token).build()).status()).isEqualTo(200);

        simulator.answerTooManyRequests(1, null);
        try (Response throttled = http.newCall(api("/troubleTicket/RED-84", token).build()).execute()) {
            assertThat(throttled.code()).isEqualTo(429);
            assertThat(throttled.header("Retry-After")).isNull();
        }
    }

    @Test
    void territoryOwnerTransactionsFollowTheTable() throws IOException {
        String token = accessToken();
        call(api("/troubleTicket", token).post(RequestBody.create(VALID, JSON)).build());
        simulator.askForInformation("RED-84", "¿Horario?");

        assertThatThrownBy(() -> simulator.resolve("RED-84", "x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TO07");
        assertThat(simulator.dialogHistory("RED-84")).containsExactly("TU: no navega", "TO: ¿Horario?");
        assertThat(simulator.ticket("RED-84")).containsEntry("dialog", "¿Horario?");
    }

    @Test
    void clientSettingsPointAtTheSimulatorAndItsServiceAccountFile() throws IOException {
        var settings = simulator.clientSettings();

        assertThat(settings.require("baseUrl")).isEqualTo(simulator.baseUrl());
        assertThat(settings.require("tokenUrl")).isEqualTo(simulator.tokenUrl());
        String file = java.nio.file.Files.readString(java.nio.file.Path.of(settings.require("serviceAccountFile")),
                StandardCharsets.UTF_8);
        assertThat(Json.mapper().readTree(file).get("private_key_id").asText()).isEqualTo(simulator.keyId());
        assertThat(settings.toString()).doesNotContain("PRIVATE KEY");
    }
}
