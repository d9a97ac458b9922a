package dev.troubleticket.testkit.kosc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator on the wire, with a plain HTTP client (no adapter), as the Kosc documents describe it. */
class KoscSimulatorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MediaType JSON = MediaType.get("application/json");

    private final MovableClock clock = new MovableClock();
    private final KoscSimulator simulator = new KoscSimulator(clock).start();
    private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

    @AfterEach
    void stop() {
        simulator.close();
    }

    private record Answer(int status, JsonNode body, Response raw) {
    }

    private Answer call(String method, String path, String authorization, Object body) throws IOException {
        Request.Builder request = new Request.Builder().url(simulator.baseUrl() + path.substring(1));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.method(method, body == null ? null : RequestBody.create(MAPPER.writeValueAsBytes(body), JSON));
        try (Response response = http.newCall(request.build()).execute()) {
            String text = response.body().string();
            return new Answer(response.code(), text.isEmpty() ? null : MAPPER.readTree(text), response);
        }
    }

    private String bearer() throws IOException {
        Answer login = call("POST", "/api/v2/account/token/", null, Map.of("email", KoscSimulator.EMAIL, "password", KoscSimulator.PASSWORD));
        return "Bearer " + login.body().get("access").asText();
    }

    private static Map<String, Object> ticket(String service, String diagnostic) {
        return Map.of("diagnostic_run_id", diagnostic, "type", "service", "service_uuid", service, "operator_ticket_ref", "REF-" + service,
                "description", "slow", "category", "low_rate", "priority", "low",
                "owner_contact", Map.of("first_name", "A", "last_name", "B", "email", "a@b.fr", "phone_number", "0123456789"));
    }

    @Test
    void requestsNeedAValidTokenThatExpiresOnTheSimulatorsClock() throws IOException {
        assertThat(call("GET", "/api/tickets/", null, null).status()).isEqualTo(401);
        assertThat(call("POST", "/api/v2/account/token/", null, Map.of("email", KoscSimulator.EMAIL, "password", "no")).status())
                .isEqualTo(401);
        String token = bearer();
        assertThat(call("GET", "/api/tickets/", token, null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/tickets/", token.replace("Bearer", "JWT"), null).status()).as("v2 token with v1 scheme").isEqualTo(401);

        clock.advance(Duration.ofMinutes(61));

        assertThat(call("GET", "/api/tickets/", token, null).status()).isEqualTo(401);
    }

    @Test
    void refreshGivesANewAccessTokenUntilTheRefreshTokenExpires() throws IOException {
        Answer login = call("POST", "/api/v2/account/token/", null, Map.of("email", KoscSimulator.EMAIL, "password", KoscSimulator.PASSWORD));
        String refresh = login.body().get("refresh").asText();

        Answer renewed = call("POST", KoscSimulator.REFRESH_PATH, null, Map.of("refresh", refresh));
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(call("GET", "/api/tickets/", "Bearer " + renewed.body().get("access").asText(), null).status()).isEqualTo(200);

        clock.advance(Duration.ofHours(12).plusMinutes(1));
        assertThat(call("POST", KoscSimulator.REFRESH_PATH, null, Map.of("refresh", refresh)).status()).isEqualTo(401);
    }

    @Test
    void ticketsGetAliasesAndFollowTheLifecycleRules() throws IOException {
        String token = bearer();
        Answer created = call("POST", "/api/tickets/", token, ticket("svc-1", "D170403_001"));
        assertThat(created.status()).isEqualTo(201);
        String alias = created.body().get("alias").asText();
        assertThat(alias).matches("T\\d{6}_\\d{5}");

        Answer closeOpen = call("POST", "/api/tickets/" + alias + "/events/", token, Map.of("status", "closed"));
        assertThat(closeOpen.status()).isEqualTo(400);
        assertThat(closeOpen.body().get("apirequest_uuid").asText()).startsWith("KOSC_");
        assertThat(closeOpen.body().get("details").get(0).get("field").asText()).isEqualTo("status");

        simulator.defer(alias, "which floor?");
        assertThat(call("GET", "/api/tickets/" + alias + "/", token, null).body().get("next_available_status").get(0).asText())
                .isEqualTo("open");
        assertThat(call("POST", "/api/tickets/" + alias + "/events/", token, Map.of("status", "open")).status()).isEqualTo(200);
        simulator.clear(alias, "modem", null);
        JsonNode cleared = call("GET", "/api/tickets/" + alias + "/", token, null).body();
        assertThat(cleared.get("clear_code").asText()).isEqualTo("modem");
        assertThat(cleared.get("responsability").asText()).isEqualTo("Customer");
        assertThat(call("POST", "/api/tickets/" + alias + "/events/", token, Map.of("status", "closed")).status()).isEqualTo(200);

        JsonNode events = call("GET", "/api/tickets/" + alias + "/events/", token, null).body();
        assertThat(events.get(0).get("status").asText()).isEqualTo("closed");
        assertThat(events.get(events.size() - 1).get("status").asText()).isEqualTo("open");
        assertThatThrownBy(() -> simulator.defer(alias, "too late")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void conflictsAndDiagnosticRulesAreEnforced() throws IOException {
        String token = bearer();
        call("POST", "/api/tickets/", token, ticket("svc-1", "D170403_001"));

        assertThat(call("POST", "/api/tickets/", token, ticket("svc-1", "D170403_002")).status()).isEqualTo(409);
        assertThat(call("POST", "/api/tickets/", token, ticket("svc-2", "D170403_001")).status()).isEqualTo(409);
        Answer unknown = call("POST", "/api/tickets/", token, ticket("svc-3", "nope"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().toString()).contains("does not exist");
        assertThat(simulator.ticketsCreated()).isEqualTo(1);
    }

    @Test
    void listCursorsAreOpaqueBase64AndPageInModificationOrder() throws IOException {
        String token = bearer();
        for (int i = 0; i < 3; i++) {
            call("POST", "/api/tickets/", token, ticket("svc-" + i, "D170403_00" + i));
            clock.advance(Duration.ofSeconds(1));
        }
        JsonNode first = call("GET", "/api/tickets/?limit=2", token, null).body();
        String cursor = first.get(1).get("sort_value").asText();
        assertThat(new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8)).startsWith("p=");

        JsonNode second = call("GET", "/api/tickets/?limit=2&after=" + cursor, token, null).body();

        assertThat(first.get(0).get("service_uuid").asText()).isEqualTo("svc-2");
        assertThat(second).hasSize(1);
        assertThat(second.get(0).get("service_uuid").asText()).isEqualTo("svc-0");
    }

    @Test
    void seededTicketsAreListedAndACommentByKoscMovesEachToTheTop() throws IOException {
        String token = bearer();
        java.util.List<String> ids = simulator.seedTickets(250);
        assertThat(simulator.ticketsCreated()).isEqualTo(250);
        JsonNode first = call("GET", "/api/tickets/?limit=100", token, null).body();
        assertThat(first.get(0).get("id").asText()).isEqualTo(ids.get(249));
        assertThat(first.get(0).get("status").asText()).isEqualTo("open");

        simulator.addKoscComments(java.util.List.of(ids.get(0), ids.get(10)), "line checked");
        JsonNode moved = call("GET", "/api/tickets/?limit=2", token, null).body();
        assertThat(moved.get(0).get("id").asText()).isEqualTo(ids.get(10));
        assertThat(moved.get(1).get("id").asText()).isEqualTo(ids.get(0));
        String alias = moved.get(0).get("alias").asText();
        JsonNode events = call("GET", "/api/tickets/" + alias + "/events/", token, null).body();
        assertThat(events.get(0).get("comment").asText()).isEqualTo("line checked");
        assertThat(events.get(0).get("author").asText()).isEqualTo("Kosc");
        assertThat(events.get(0).get("status").isNull()).isTrue();
        assertThat(events.get(0).get("creation_date").asText()).isEqualTo(moved.get(0).get("modification_date").asText());
        assertThat(simulator.ticketEventCount(ids.get(10))).isEqualTo(2);

        simulator.cancel(ids.get(1), "duplicate");
        assertThatThrownBy(() -> simulator.addKoscComment(ids.get(1), "late")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void feedFollowsCreationOrderAfterACursor() throws IOException {
        String token = bearer();
        simulator.emitOrderEvent("o-1", "order-submitted", Map.of("kosc_order_ref", "O1"));
        simulator.emitOrderEvent("o-1", "order-running", null);
        simulator.emitServiceEvent("s-1", "service-activated", null);

        JsonNode page = call("GET", "/api/events/?sort=creation_date&limit=2", token, null).body();
        JsonNode next = call("GET", "/api/events/?sort=creation_date&limit=2&after=" + page.get(1).get("sort_value").asText(), token, null).body();

        assertThat(page.get(0).get("type").asText()).isEqualTo("order-submitted");
        assertThat(page.get(0).get("data").get("kosc_order_ref").asText()).isEqualTo("O1");
        assertThat(next).hasSize(1);
        assertThat(next.get(0).get("object_type").asText()).isEqualTo("service");
    }

    @Test
    void infoMessagesAreThrottledPerOrderWithRetryAfter() throws IOException {
        String token = bearer();
        assertThat(call("POST", "/api/v2/orders/o-1/events/info", token, Map.of("message", "Hello there")).status()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(2));

        Answer throttled = call("POST", "/api/v2/orders/o-1/events/info", token, Map.of("message", "again"));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.raw().header("Retry-After")).isEqualTo("180");
        clock.advance(Duration.ofMinutes(3));
        assertThat(call("POST", "/api/v2/orders/o-1/events/info", token, Map.of("message", "again")).status()).isEqualTo(201);
        assertThat(simulator.feedSize()).isEqualTo(2);
    }

    @Test
    void droppedAnswerStillCreatesTheTicket() throws IOException {
        String token = bearer();
        simulator.dropNextAnswerAfterProcessing();

        assertThatThrownBy(() -> call("POST", "/api/tickets/", token, ticket("svc-9", "D170403_009"))).isInstanceOf(IOException.class);
        assertThat(simulator.ticketsCreated()).isEqualTo(1);
        assertThat(call("GET", "/api/tickets/", token, null).body()).hasSize(1);
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-03-02T09:00:00Z");

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
