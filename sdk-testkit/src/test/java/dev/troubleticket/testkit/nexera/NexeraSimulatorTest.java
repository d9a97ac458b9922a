package dev.troubleticket.testkit.nexera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.testkit.SimulatorResponses;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator on the wire, without the adapter: its rules, merge patch, paging and callbacks. */
class NexeraSimulatorTest {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("operator:operator-secret".getBytes());
    private static final String VALID = "{\"ticketType\":\"Customer_Trouble_Ticket\",\"name\":\"n\",\"description\":\"d\","
            + "\"severity\":\"Low\",\"relatedEntity\":[{\"id\":\"S1\",\"role\":\"affectedService\",\"@referredType\":\"Service\"}]}";

    // OkHttp would silently send a POST again when its connection is cut (a lost answer, here).
    private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    private NexeraSimulator simulator;

    @BeforeEach
    void start() {
        simulator = new NexeraSimulator().start(0).callbackRetries(3, Duration.ofMillis(10));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private record Answer(int code, String body, String totalCount, String resultCount) {
        JsonNode json() throws Exception {
            return SimulatorResponses.mapper().readTree(body);
        }
    }

    private Answer call(String method, String path, String body, String contentType, boolean authenticated) throws Exception {
        Request.Builder request = new Request.Builder().url(simulator.baseUrl() + NexeraSimulator.DEFAULT_BASE_PATH.substring(1) + path)
                .method(method, body == null ? null : RequestBody.create(body, MediaType.get(contentType)));
        if (authenticated) {
            request.header("Authorization", BASIC);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            return new Answer(response.code(), response.body().string(), response.header("X-Total-Count"), response.header("X-Result-Count"));
        }
    }

    private String create() throws Exception {
        return call("POST", "/troubleTicket", VALID, "application/json", true).json().get("id").asText();
    }

    @Test
    void unauthenticatedCallIsRefusedWithATmfErrorBody() throws Exception {
        Answer answer = call("GET", "/troubleTicket", null, null, false);

        assertThat(answer.code()).isEqualTo(401);
        assertThat(answer.json().get("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(answer.json().has("reason")).isTrue();
        assertThat(answer.json().has("referenceError")).isTrue();
    }

    @Test
    void createRefusesEveryMatrixViolationAtOnce() throws Exception {
        Answer answer = call("POST", "/troubleTicket", "{\"id\":\"X\",\"ticketType\":\"Complaint\",\"status\":\"closed\"}",
                "application/json", true);

        assertThat(answer.code()).isEqualTo(400);
        assertThat(answer.json().get("message").asText()).contains("id: prohibited", "status: prohibited", "name: required",
                "description: required", "ticketSubtype: required");
        assertThat(simulator.ticketsCreated()).isZero();
    }

    @Test
    void patchTakesOnlyMergePatchAndNullRemovesAField() throws Exception {
        String id = create();

        assertThat(call("PATCH", "/troubleTicket/" + id, "{\"severity\":\"High\"}", "application/json", true).code()).isEqualTo(415);
        Answer patched = call("PATCH", "/troubleTicket/" + id, "{\"severity\":\"High\",\"description\":null}",
                "application/merge-patch+json", true);

        assertThat(patched.code()).isEqualTo(200);
        assertThat(patched.json().get("severity").asText()).isEqualTo("High");
        assertThat(patched.json().has("description")).isFalse();
    }

    @Test
    void operatorMayNotCloseATicketThatIsNotResolved() throws Exception {
        String id = create();

        Answer answer = call("PATCH", "/troubleTicket/" + id, "{\"status\":\"closed\"}", "application/merge-patch+json", true);

        assertThat(answer.code()).isEqualTo(409);
        assertThat(simulator.ticket(id).get("status").asText()).isEqualTo("submitted");
    }

    @Test
    void partialPageIsAnswered206WithBothCounts() throws Exception {
        for (int i = 0; i < 3; i++) {
            create();
        }

        Answer first = call("GET", "/troubleTicket?limit=2", null, null, true);
        Answer last = call("GET", "/troubleTicket?offset=2&limit=2", null, null, true);

        assertThat(first.code()).isEqualTo(206);
        assertThat(first.totalCount()).isEqualTo("3");
        assertThat(first.resultCount()).isEqualTo("2");
        assertThat(last.code()).isEqualTo(200);
        assertThat(last.json()).hasSize(1);
    }

    @Test
    void notificationsAreRetriedWithBackoffUntilTheListenerAccepts() throws Exception {
        try (MockWebServer listener = new MockWebServer()) {
            listener.enqueue(new MockResponse.Builder().code(500).build());
            listener.enqueue(new MockResponse.Builder().code(503).build());
            listener.enqueue(new MockResponse.Builder().code(200).build());
            listener.start();
            Answer hub = call("POST", "/hub", "{\"callback\":\"" + listener.url("/cb") + "\"}", "application/json", true);
            assertThat(hub.code()).isEqualTo(201);

            String id = create();

            RecordedRequest firstAttempt = listener.takeRequest(5, TimeUnit.SECONDS);
            assertThat(firstAttempt.getHeaders().get(NexeraSimulator.CALLBACK_SECRET_HEADER)).as("no credentials by default").isNull();
            assertThat(firstAttempt.getHeaders().get("Authorization")).isNull();
            JsonNode event = SimulatorResponses.mapper().readTree(firstAttempt.getBody().utf8());
            assertThat(event.get("eventType").asText()).isEqualTo("TroubleTicketCreateEvent");
            assertThat(event.at("/event/troubleTicket/id").asText()).isEqualTo(id);
            assertThat(listener.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
            RecordedRequest third = listener.takeRequest(5, TimeUnit.SECONDS);
            assertThat(SimulatorResponses.mapper().readTree(third.getBody().utf8()).get("eventId").asText())
                    .as("a retry repeats the same event id").isEqualTo(event.get("eventId").asText());
            awaitDeliveries(1);
            assertThat(simulator.deliveries()).singleElement().satisfies(d -> {
                assertThat(d.attempts()).isEqualTo(3);
                assertThat(d.delivered()).isTrue();
            });
        }
    }

    @Test
    void notificationsCarryTheCredentialsAskedForAndTheClientSettingsSayWhich() throws Exception {
        try (MockWebServer listener = new MockWebServer()) {
            for (int i = 0; i < 3; i++) {
                listener.enqueue(new MockResponse.Builder().code(200).build());
            }
            listener.start();
            call("POST", "/hub", "{\"callback\":\"" + listener.url("/cb/token-in-the-path") + "\"}", "application/json", true);

            assertThat(simulator.clientSettings().asMap()).doesNotContainKeys("listenerSecret", "listenerUsername");
            create();
            RecordedRequest none = listener.takeRequest(5, TimeUnit.SECONDS);
            assertThat(none.getUrl().encodedPath()).isEqualTo("/cb/token-in-the-path");
            assertThat(none.getHeaders().get(NexeraSimulator.CALLBACK_SECRET_HEADER)).isNull();
            assertThat(none.getHeaders().get("Authorization")).isNull();

            simulator.callbackSecret("s3cret");
            assertThat(simulator.clientSettings().asMap()).containsEntry("listenerSecret", "s3cret").doesNotContainKey("listenerUsername");
            create();
            assertThat(listener.takeRequest(5, TimeUnit.SECONDS).getHeaders().get(NexeraSimulator.CALLBACK_SECRET_HEADER)).isEqualTo("s3cret");

            simulator.callbackBasic("nexera", "pw");
            assertThat(simulator.tokenClientSettings().asMap()).containsEntry("listenerUsername", "nexera")
                    .containsEntry("listenerPassword", "pw").doesNotContainKey("listenerSecret");
            create();
            RecordedRequest basic = listener.takeRequest(5, TimeUnit.SECONDS);
            assertThat(basic.getHeaders().get("Authorization")).isEqualTo("Basic bmV4ZXJhOnB3");
            assertThat(basic.getHeaders().get(NexeraSimulator.CALLBACK_SECRET_HEADER)).isNull();

            simulator.callbackWithoutCredentials();
            assertThat(simulator.clientSettings().asMap()).doesNotContainKeys("listenerSecret", "listenerUsername");
        }
    }

    @Test
    void notificationsStopAfterTheLastAttemptAndAfterUnregistering() throws Exception {
        try (MockWebServer listener = new MockWebServer()) {
            for (int i = 0; i < 3; i++) {
                listener.enqueue(new MockResponse.Builder().code(500).build());
            }
            listener.start();
            String hubId = call("POST", "/hub", "{\"callback\":\"" + listener.url("/cb") + "\"}", "application/json", true)
                    .json().get("id").asText();
            create();
            awaitDeliveries(1);
            assertThat(simulator.deliveries().get(0).delivered()).isFalse();
            assertThat(simulator.deliveries().get(0).lastStatus()).isEqualTo(500);

            assertThat(call("DELETE", "/hub/" + hubId, null, null, true).code()).isEqualTo(204);
            create();
            assertThat(listener.getRequestCount()).isEqualTo(3);
            assertThat(call("DELETE", "/hub/" + hubId, null, null, true).code()).isEqualTo(404);
        }
    }

    @Test
    void hubsAreListedUnlessListingIsOffAndALostAnswerStillRegistersTheHub() throws Exception {
        try (MockWebServer first = new MockWebServer(); MockWebServer second = new MockWebServer()) {
            first.enqueue(new MockResponse.Builder().code(500).build());
            first.enqueue(new MockResponse.Builder().code(200).build());
            second.enqueue(new MockResponse.Builder().code(200).build());
            first.start();
            second.start();
            String hubId = call("POST", "/hub", "{\"callback\":\"" + first.url("/a") + "\"}", "application/json", true)
                    .json().get("id").asText();

            simulator.loseNextHubAnswer();
            assertThatThrownBy(() -> call("POST", "/hub", "{\"callback\":\"" + second.url("/b") + "\"}", "application/json", true))
                    .as("the connection is cut before the answer").isInstanceOf(java.io.IOException.class);
            assertThat(simulator.hubs()).as("but the hub is registered").hasSize(2);
            Answer listed = call("GET", "/hub", null, null, true);
            assertThat(listed.code()).isEqualTo(200);
            assertThat(listed.json()).hasSize(2);
            assertThat(listed.json().get(0).get("id").asText()).isEqualTo(hubId);
            assertThat(listed.json().get(1).get("callback").asText()).isEqualTo(second.url("/b").toString());
            assertThat(call("POST", "/hub", "{\"callback\":\"" + second.url("/c") + "\"}", "application/json", true).code())
                    .as("only the next answer is lost").isEqualTo(201);
            call("DELETE", "/hub/" + listed.json().get(1).get("id").asText(), null, null, true);
            call("DELETE", "/hub/" + simulator.hubs().keySet().stream().filter(id -> !id.equals(hubId)).findFirst().orElseThrow(),
                    null, null, true);

            simulator.hubListing(false);
            assertThat(call("GET", "/hub", null, null, true).code()).isEqualTo(405);

            call("POST", "/hub", "{\"callback\":\"" + second.url("/b") + "\"}", "application/json", true);
            create();
            JsonNode toFirst = SimulatorResponses.mapper().readTree(first.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
            JsonNode toSecond = SimulatorResponses.mapper().readTree(second.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
            assertThat(toSecond.get("eventId").asText()).as("one change, one event id at every listener")
                    .isEqualTo(toFirst.get("eventId").asText());
            awaitDeliveries(2);
            assertThat(simulator.callbackAttempts()).as("every attempt, the failed one too")
                    .extracting(CallbackDelivery::lastStatus).containsExactlyInAnyOrder(500, 200, 200);
        }
    }

    private void awaitDeliveries(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (simulator.deliveries().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(simulator.deliveries()).hasSizeGreaterThanOrEqualTo(count);
    }
}
