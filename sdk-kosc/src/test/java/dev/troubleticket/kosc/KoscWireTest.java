package dev.troubleticket.kosc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.error.ConflictException;
import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.core.error.NotFoundException;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.error.RateLimitedException;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.kosc.model.CreateKoscTicketRequest;
import dev.troubleticket.kosc.model.KoscContact;
import dev.troubleticket.kosc.model.KoscTicket;
import dev.troubleticket.kosc.model.KoscTicketStatus;
import dev.troubleticket.kosc.model.OrderInfoMessage;
import dev.troubleticket.kosc.model.TicketCategory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the adapter puts on the wire (method, path, query, headers, body) and how it reads Kosc's answers, with MockWebServer. */
class KoscWireTest {
    private static final ObjectMapper MAPPER = Json.mapper();
    private final MockWebServer server = new MockWebServer();
    private final TransportOptions fast = TransportOptions.builder()
            .retryPolicy(RetryPolicy.defaults().withSleeper(delay -> { }))
            .attemptTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(20))
            .build();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private KoscClient.Builder builder() {
        return KoscClient.builder().baseUrl(server.url("/").toString()).transportOptions(fast);
    }

    private KoscApi staticApi() {
        return builder().staticToken("JWT", "static-token").build().api();
    }

    private static String example(String name) {
        try (InputStream in = KoscWireTest.class.getResourceAsStream("/spec-examples/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static String jwt(Instant expiry) {
        return JWT.create().withSubject("op").withExpiresAt(Date.from(expiry)).sign(Algorithm.HMAC256("test-key"));
    }

    private RecordedRequest take() throws InterruptedException {
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    private static JsonNode body(RecordedRequest request) throws IOException {
        return MAPPER.readTree(request.getBody().utf8());
    }

    @Test
    void v2LoginSendsTheCredentialsWithoutAuthorizationThenUsesTheBearerToken() throws Exception {
        String access = jwt(Instant.now().plusSeconds(3600));
        server.enqueue(json(200, "{\"access\":\"" + access + "\",\"refresh\":\"r1\",\"user\":{}}"));
        server.enqueue(json(200, example("ticket-get")));

        builder().v2Login("op@isp.example", "pw-123").build().api().getTicket("T190517_08006");

        RecordedRequest login = take();
        assertThat(login.getMethod()).isEqualTo("POST");
        assertThat(login.getUrl().encodedPath()).isEqualTo("/api/v2/account/token/");
        assertThat(login.getHeaders().get("Authorization")).isNull();
        assertThat(body(login)).isEqualTo(MAPPER.readTree("{\"email\":\"op@isp.example\",\"password\":\"pw-123\"}"));
        RecordedRequest get = take();
        assertThat(get.getMethod()).isEqualTo("GET");
        assertThat(get.getTarget()).isEqualTo("/api/tickets/T190517_08006/");
        assertThat(get.getHeaders().get("Authorization")).isEqualTo("Bearer " + access);
        assertThat(get.getHeaders().get("Accept")).isEqualTo("application/json");
    }

    @Test
    void v1LoginUsesTheJwtScheme() throws Exception {
        String token = jwt(Instant.now().plusSeconds(86_400));
        server.enqueue(json(200, "{\"token\":\"" + token + "\",\"user\":{}}"));
        server.enqueue(json(200, example("ticket-get")));

        builder().v1Login("op@isp.example", "pw-123").build().api().getTicket("989");

        assertThat(take().getUrl().encodedPath()).isEqualTo("/api/account/token/");
        assertThat(take().getHeaders().get("Authorization")).isEqualTo("JWT " + token);
    }

    @Test
    void v2TokenCloseToExpiryIsRenewedOnTheConfiguredRefreshPath() throws Exception {
        server.enqueue(json(200, "{\"access\":\"" + jwt(Instant.now().plusSeconds(30)) + "\",\"refresh\":\"r1\"}"));
        server.enqueue(json(200, example("ticket-get")));
        String renewed = jwt(Instant.now().plusSeconds(3600));
        server.enqueue(json(200, "{\"access\":\"" + renewed + "\"}"));
        server.enqueue(json(200, example("ticket-get")));
        KoscApi api = builder().v2Login("op@isp.example", "pw").refreshPath("/api/v2/token/refresh/").build().api();

        api.getTicket("989");
        api.getTicket("989");

        take();
        take();
        RecordedRequest refresh = take();
        assertThat(refresh.getUrl().encodedPath()).isEqualTo("/api/v2/token/refresh/");
        assertThat(refresh.getHeaders().get("Authorization")).isNull();
        assertThat(body(refresh)).isEqualTo(MAPPER.readTree("{\"refresh\":\"r1\"}"));
        assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer " + renewed);
    }

    @Test
    void createSendsTheDocumentsBodyExactly() throws Exception {
        server.enqueue(json(200, "[]")); // the look-up by operator reference finds nothing
        server.enqueue(json(201, example("ticket-get")));

        KoscTicket created = staticApi().createTicket(CreateKoscTicketRequest.builder()
                .diagnosticRunId("D170403_001").type("service").serviceUuid("t5y7r8ut").operatorTicketRef("PB12_32")
                .description("Customer complains about low rate")
                .initialComment("Hello, customer plains about a low bitrate issue.\n\nCould you check please?")
                .category(TicketCategory.LOW_RATE).priority("low")
                .ownerContact(new KoscContact("Patrick", "Bousso", "patrick.bousso@colibrix.fr", "0785655656")).build());

        assertThat(take().getTarget()).isEqualTo("/api/tickets/?limit=100");
        RecordedRequest post = take();
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getTarget()).isEqualTo("/api/tickets/");
        assertThat(post.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(post.getHeaders().get("Authorization")).isEqualTo("JWT static-token");
        assertThat(body(post)).isEqualTo(MAPPER.readTree(example("ticket-create-request")));
        assertThat(created.alias()).isEqualTo("T190517_08006");
    }

    @Test
    void missingDiagnosticRunIsSentAsAnExplicitNull() throws Exception {
        server.enqueue(json(200, "[]"));
        server.enqueue(json(201, example("ticket-get")));

        staticApi().createTicket(KoscTestData.typedRequest("NULL-DIAG").category("moving_otp").diagnosticRunId(null).build());

        take();
        String sent = take().getBody().utf8();
        assertThat(sent).contains("\"diagnostic_run_id\":null");
    }

    @Test
    void ticketListSendsStatusLimitAndAfter() throws Exception {
        server.enqueue(json(200, "[]"));

        staticApi().ticketPage(new TicketListQuery(KoscTicketStatus.DEFERRED, 50), "cD0yMDE5");

        assertThat(take().getTarget()).isEqualTo("/api/tickets/?status=deferred&limit=50&after=cD0yMDE5");
    }

    @Test
    void eventFeedSendsSortAfterObjectFiltersAndPageSize() throws Exception {
        server.enqueue(json(200, "[]"));
        server.enqueue(json(200, "[]"));

        staticApi().eventPage(EventQuery.all().withObject("order", "e73cafe9").withPageSize(2), "WyIy");
        builder().staticToken("JWT", "t").eventPageSizeParameter("size").build().api().eventPage(EventQuery.all().withPageSize(2), null);

        assertThat(take().getTarget()).isEqualTo("/api/events/?sort=creation_date&after=WyIy&object_type=order&object_uuid=e73cafe9&limit=2");
        assertThat(take().getTarget()).isEqualTo("/api/events/?sort=creation_date&size=2");
    }

    @Test
    void commentAndEndOfDeferredSendTheDocumentsBodies() throws Exception {
        server.enqueue(json(200, example("ticket-comment-response")));
        server.enqueue(json(200, example("ticket-get").replace("\"status\": \"open\"", "\"status\": \"deferred\"")));
        server.enqueue(json(200, example("ticket-end-deferred-response")));
        KoscApi api = staticApi();

        api.comment("989", "this is a comment");
        api.endDeferred("989", null);

        RecordedRequest comment = take();
        assertThat(comment.getMethod()).isEqualTo("POST");
        assertThat(comment.getTarget()).isEqualTo("/api/tickets/989/events/");
        assertThat(body(comment)).isEqualTo(MAPPER.readTree(example("ticket-comment-request")));
        assertThat(take().getMethod()).isEqualTo("GET");
        RecordedRequest open = take();
        assertThat(body(open)).isEqualTo(MAPPER.readTree("{\"status\":\"open\"}"));
    }

    @Test
    void infoMessageIsPostedToTheOrdersInfoPath() throws Exception {
        server.enqueue(json(201, "{}"));

        staticApi().sendOrderInfo("o-1", OrderInfoMessage.of("Hello there"));

        RecordedRequest post = take();
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getTarget()).isEqualTo("/api/v2/orders/o-1/events/info");
        assertThat(body(post)).isEqualTo(MAPPER.readTree(example("info-message-request")));
    }

    @Test
    void throttledInfoMessageIsNotRetriedAndSaysFiveMinutesWhenKoscGivesNoRetryAfter() {
        server.enqueue(json(429, "{\"detail\":\"Request was throttled.\"}"));

        assertThatThrownBy(() -> staticApi().sendOrderInfo("o-1", OrderInfoMessage.of("again")))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofMinutes(5));
                    assertThat(e.rawBody()).contains("throttled");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void throttledInfoMessageKeepsKoscsRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "120").body("{\"detail\":\"throttled\"}").build());

        assertThatThrownBy(() -> staticApi().sendOrderInfo("o-1", OrderInfoMessage.of("again")))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));
    }

    @Test
    void koscErrorBodyBecomesAValidationExceptionWithFieldErrorsAndRequestId() {
        String body = "{\"apirequest_uuid\": \"KOSC_5f1c\", \"error\": \"Invalid input\", \"details\": [{\"field\": \"reference\", "
                + "\"errors\": [\"This field is required.\"]}, {\"field\": \"category\", \"errors\": [\"bad\", \"worse\"]}]}";
        server.enqueue(json(400, body));

        assertThatThrownBy(() -> staticApi().comment("989", "x")).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.violations()).containsExactly(new FieldViolation("reference", "This field is required."),
                    new FieldViolation("category", "bad; worse"));
            assertThat(e.details().requestId()).isEqualTo("KOSC_5f1c");
            assertThat(e.details().providerMessage()).isEqualTo("Invalid input");
            assertThat(e.rawBody()).isEqualTo(body);
            assertThat(e.reachedProvider()).isTrue();
        });
    }

    @Test
    void olderErrorShapesAreReadToo() {
        server.enqueue(json(404, "{\"detail\": \"Not found.\"}"));
        server.enqueue(json(400, "{\"comment\": [\"This field may not be blank.\"]}"));
        server.enqueue(json(400, "{\"apirequest_uuid\": \"KOSC_1\", \"error\": \"A ticket is already open on this service\", \"details\": null}"));
        KoscApi api = staticApi();

        assertThatThrownBy(() -> api.getTicket("1")).isInstanceOf(NotFoundException.class).hasMessageContaining("Not found.");
        assertThatThrownBy(() -> api.comment("1", "x")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).containsExactly(new FieldViolation("comment", "This field may not be blank.")));
        assertThatThrownBy(() -> api.comment("1", "x")).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(400));
    }

    @Test
    void plainTextServerErrorKeepsTheRawBody() {
        KoscApi api = builder().staticToken("JWT", "t").transportOptions(fast.toBuilder().retryPolicy(RetryPolicy.none()).build()).build().api();
        server.enqueue(new MockResponse.Builder().code(502).body("Bad Gateway (nginx)").build());

        assertThatThrownBy(() -> api.getTicket("1")).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(502);
            assertThat(e.rawBody()).isEqualTo("Bad Gateway (nginx)");
            assertThat(e.getMessage()).contains("Bad Gateway");
        });
    }

    @Test
    void successfulAnswerThatIsNotTheDocumentedShapeKeepsStatusAndBody() {
        server.enqueue(json(200, "<html>maintenance</html>"));
        server.enqueue(json(200, "{\"id\": 1}"));
        KoscApi api = staticApi();

        assertThatThrownBy(() -> api.getTicket("1")).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(200);
            assertThat(e.rawBody()).isEqualTo("<html>maintenance</html>");
        });
        assertThatThrownBy(() -> api.listTicketEvents("1")).isInstanceOf(ProviderException.class).hasMessageContaining("JSON array");
    }

    @Test
    void createWhoseAnswerIsLostIsLookedUpByOperatorReferenceAndNotSentAgain() throws Exception {
        server.enqueue(json(200, "[]"));
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
        server.enqueue(json(200, example("ticket-list").replace("779b14bd-d9e9-48e5-9ad1-86929c4d5890", "LOST-1")));

        KoscTicket found = staticApi().createTicket(KoscTestData.typedRequest("LOST-1").serviceUuid("cgjcbeva").category("synchro").build());

        assertThat(found.operatorTicketRef()).isEqualTo("LOST-1");
        assertThat(take().getTarget()).isEqualTo("/api/tickets/?limit=100");
        assertThat(take().getMethod()).isEqualTo("POST");
        assertThat(take().getTarget()).isEqualTo("/api/tickets/?limit=100");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void createWithAReferenceAlreadyOpenedIsAnsweredWithThatTicketAndNothingIsPosted() throws Exception {
        server.enqueue(json(200, example("ticket-list").replace("779b14bd-d9e9-48e5-9ad1-86929c4d5890", "AGAIN-1")));

        KoscTicket found = staticApi().createTicket(KoscTestData.typedRequest("AGAIN-1").serviceUuid("cgjcbeva").category("synchro").build());

        assertThat(found.operatorTicketRef()).isEqualTo("AGAIN-1");
        assertThat(take().getMethod()).isEqualTo("GET");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aReferenceFoundOnATicketForAnotherServiceIsAConflictNamingBoth() {
        server.enqueue(json(200, example("ticket-list").replace("779b14bd-d9e9-48e5-9ad1-86929c4d5890", "REUSED-1")));

        assertThatThrownBy(() -> staticApi().createTicket(KoscTestData.typedRequest("REUSED-1").serviceUuid("other-service")
                .category("synchro").build()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains("REUSED-1")
                        .contains("'cgjcbeva' on the ticket").contains("'other-service' in this request").doesNotContain("category"));
        assertThat(server.getRequestCount()).as("nothing posted").isEqualTo(1);
    }

    @Test
    void createWhoseTicketIsNotFoundAfterALostAnswerIsSentExactlyOnceMore() throws Exception {
        server.enqueue(json(200, "[]"));
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
        server.enqueue(json(200, "[]"));
        server.enqueue(json(201, example("ticket-get")));

        staticApi().createTicket(KoscTestData.typedRequest("LOST-2").build());

        assertThat(take().getMethod()).isEqualTo("GET");
        assertThat(take().getMethod()).isEqualTo("POST");
        assertThat(take().getMethod()).isEqualTo("GET");
        assertThat(take().getMethod()).isEqualTo("POST");
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void safeCreateScansAsManyListPagesAsConfigured() throws Exception {
        ArrayNode fullPage = MAPPER.createArrayNode();
        ObjectNode template = (ObjectNode) MAPPER.readTree(example("ticket-get"));
        for (int i = 0; i < 100; i++) {
            fullPage.add(template.deepCopy().put("operator_ticket_ref", "OTHER-" + i).put("sort_value", "c" + i));
        }
        String secondPage = "[" + template.deepCopy().put("operator_ticket_ref", "DEEP-1") + "]";
        server.enqueue(json(200, fullPage.toString()));
        server.enqueue(json(200, secondPage));

        KoscTicket found = builder().staticToken("JWT", "t").safeCreateLookupPages(2).build().api()
                .createTicket(KoscTestData.typedRequest("DEEP-1").serviceUuid(template.get("service_uuid").asText())
                        .category(template.get("category").asText()).build());

        assertThat(found.operatorTicketRef()).isEqualTo("DEEP-1");
        take();
        assertThat(take().getTarget()).isEqualTo("/api/tickets/?limit=100&after=c99");
        assertThat(server.getRequestCount()).as("two pages looked at, nothing posted").isEqualTo(2);
    }

    @Test
    void createAnsweredWithAGatewayErrorIsLookedUpThenSentOnceMore() throws Exception {
        server.enqueue(json(200, "[]"));
        server.enqueue(json(504, "<html>Gateway Timeout</html>"));
        server.enqueue(json(200, "[]"));
        server.enqueue(json(201, example("ticket-get")));

        KoscTicket created = staticApi().createTicket(KoscTestData.typedRequest("GW-1").build());

        assertThat(created.id().asLong()).isEqualTo(989L);
        assertThat(take().getMethod()).isEqualTo("GET");
        assertThat(take().getMethod()).isEqualTo("POST");
        assertThat(take().getMethod()).isEqualTo("GET");
        assertThat(take().getMethod()).isEqualTo("POST");
    }

    @Test
    void createRefusedBecauseOfAnOpenTicketIsLookedUpOnceMoreAndNotSentAgain() {
        server.enqueue(json(200, "[]"));
        server.enqueue(json(409, "{\"apirequest_uuid\": \"KOSC_2\", \"error\": \"A ticket is already open on this service\", \"details\": null}"));
        server.enqueue(json(200, "[]"));

        assertThatThrownBy(() -> staticApi().createTicket(KoscTestData.typedRequest("CONFLICT-1").build()))
                .isInstanceOf(ConflictException.class);
        assertThat(server.getRequestCount()).as("look-up, POST, look-up").isEqualTo(3);
    }

    @Test
    void createRefusedWithAValidationErrorIsNeitherLookedUpAgainNorSentAgain() {
        server.enqueue(json(200, "[]"));
        server.enqueue(json(400, "{\"apirequest_uuid\": \"KOSC_3\", \"error\": \"Invalid input\", \"details\": null}"));

        assertThatThrownBy(() -> staticApi().createTicket(KoscTestData.typedRequest("BAD-1").build()))
                .isInstanceOf(ValidationException.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
