package dev.troubleticket.reliability;

import dev.troubleticket.core.callback.CallbackResponse;
import dev.troubleticket.core.error.TicketingException;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.kosc.EventQuery;
import dev.troubleticket.kosc.KoscApi;
import dev.troubleticket.kosc.KoscClient;
import dev.troubleticket.kosc.TicketListQuery;
import dev.troubleticket.kosc.model.CreateKoscTicketRequest;
import dev.troubleticket.masstack.MasStackApi;
import dev.troubleticket.masstack.MasStackClient;
import dev.troubleticket.masstack.model.CreateTroubleTicketRequest;
import dev.troubleticket.nexera.NexeraClient;
import dev.troubleticket.nexera.Tmf621Api;
import dev.troubleticket.nexera.Tmf621Client;
import dev.troubleticket.nexera.TroubleTicketFilter;
import dev.troubleticket.nexera.listener.CallerCheck;
import dev.troubleticket.nexera.listener.Tmf621EventHandler;
import dev.troubleticket.testkit.SimulatorServer;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every response parser fed seeded mutations of the documents' examples (the adapters' recorded spec
 * examples; for Nexera, the simulator's own TMF621 documents): each call either succeeds or throws a
 * {@link TicketingException}, never another exception, and never hangs.
 */
@ExtendWith({ReliabilityReport.class, SecretRegistry.class})
class ParserFuzzTest {
    private static final int MUTATIONS = Boolean.getBoolean("soak") ? 1_200 : 120;
    private static final Duration NO_HANG = Duration.ofSeconds(5);
    private static SimulatorServer server;
    private static volatile MockResponse answer = new MockResponse.Builder().code(200).build();

    @BeforeAll
    static void start() {
        // The testkit's server: loopback, TCP_NODELAY, answering every request with the current mutation.
        server = new SimulatorServer(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer;
            }
        }).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static TransportOptions quick() {
        return TransportOptions.builder().retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(2))
                .attemptTimeout(Duration.ofSeconds(3)).callTimeout(Duration.ofSeconds(4)).build();
    }

    private static String example(String module, String name) throws IOException {
        return Files.readString(Path.of("..", module, "src", "test", "resources", "spec-examples", name));
    }

    @Test
    void koscAnswersMutatedEitherParseOrFailTyped() throws IOException {
        KoscClient client = KoscClient.builder().baseUrl(server.baseUrl()).staticToken("Token", "fuzz-token")
                .transportOptions(quick()).build();
        KoscApi api = client.api();
        CreateKoscTicketRequest create = CreateKoscTicketRequest.fromJson(Json.mapper().readTree(example("sdk-kosc", "ticket-create-request.json")));
        List<String> breaches = new ArrayList<>();
        fuzz("kosc ticket", example("sdk-kosc", "ticket-get.json"), 200, () -> api.getTicket("T1"), breaches);
        fuzz("kosc create", example("sdk-kosc", "ticket-get.json"), 201, () -> api.createTicket(create), breaches);
        fuzz("kosc ticket list", example("sdk-kosc", "ticket-list.json"), 200, () -> api.ticketPage(TicketListQuery.all(), null), breaches);
        fuzz("kosc comment", example("sdk-kosc", "ticket-comment-response.json"), 201, () -> api.comment("T1", "hello"), breaches);
        fuzz("kosc close", example("sdk-kosc", "ticket-close-response.json"), 201, () -> api.closeTicket("T1", "bye"), breaches);
        fuzz("kosc ticket events", example("sdk-kosc", "ticket-events-list.json"), 200, () -> api.listTicketEvents("T1"), breaches);
        fuzz("kosc event feed", example("sdk-kosc", "events-sorted-list.json"), 200, () -> api.eventPage(EventQuery.all(), null), breaches);
        fuzz("kosc event", example("sdk-kosc", "event-get.json"), 200, () -> api.getEvent("e1"), breaches);
        fuzz("kosc neutral get", example("sdk-kosc", "ticket-get.json"), 200, () -> client.get("T1"), breaches);
        client.close();
        assertThat(breaches).isEmpty();
    }

    @Test
    void masStackTicketsAndErrorsMutatedEitherParseOrFailTyped() throws IOException {
        MasStackClient client = MasStackClient.builder().baseUrl(server.baseUrl()).staticToken("fuzz-token")
                .defaultClearencePerson("AGENT").transportOptions(quick()).build();
        MasStackApi api = client.unwrap(MasStackApi.class);
        CreateTroubleTicketRequest create = Json.mapper().readValue(example("sdk-masstack", "create-request.json"),
                CreateTroubleTicketRequest.class);
        List<String> breaches = new ArrayList<>();
        fuzz("masstack ticket", example("sdk-masstack", "get-response.json"), 200, () -> api.get("RED-1"), breaches);
        fuzz("masstack neutral get", example("sdk-masstack", "get-response.json"), 200, () -> client.get("RED-1"), breaches);
        fuzz("masstack create", example("sdk-masstack", "create-response.json"), 201, () -> api.create(create), breaches);
        fuzz("masstack error", example("sdk-masstack", "create-error-illegal-argument.json"), 400, () -> api.create(create), breaches);
        fuzz("masstack update error", example("sdk-masstack", "update-error-illegal-argument.json"), 400, () -> api.get("RED-1"), breaches);
        client.close();
        assertThat(breaches).isEmpty();
    }

    @Test
    void nexeraAnswersAndCallbacksMutatedEitherParseOrFailTyped() throws Exception {
        String ticket;
        try (NexeraSimulator simulator = new NexeraSimulator().start(0);
             var real = dev.troubleticket.core.TicketingClients.create("nexera", simulator.clientSettings())) {
            Ticket created = real.create(ProviderProfile.of("nexera").request("FUZZ-1"));
            ticket = simulator.ticket(created.id()).toString();
        }
        String event = "{\"eventId\":\"00000000-0000-0000-0000-000000000001\",\"eventTime\":\"2026-11-23T08:00:00Z\","
                + "\"eventType\":\"TroubleTicketStatusChangeEvent\",\"event\":{\"troubleTicket\":" + ticket + "}}";
        Tmf621Client client = NexeraClient.builder().baseUrl(server.baseUrl()).token("fuzz-token")
                .transportOptions(quick()).build();
        Tmf621Api api = client.api();
        List<String> breaches = new ArrayList<>();
        fuzz("nexera ticket", ticket, 200, () -> api.get("TT-1"), breaches);
        fuzz("nexera list", "[" + ticket + "," + ticket + "]", 200, () -> api.listPage(TroubleTicketFilter.all(), 0, 10), breaches);
        fuzz("nexera neutral create", ticket, 201, () -> client.create(ProviderProfile.of("nexera").request("FUZZ-2")), breaches);
        fuzz("nexera error", "{\"code\":\"60\",\"reason\":\"Bad\",\"message\":\"no\",\"status\":\"400\",\"@type\":\"Error\"}", 400,
                () -> api.get("TT-1"), breaches);
        client.close();

        AtomicInteger handed = new AtomicInteger();
        Tmf621EventHandler handler = Tmf621EventHandler.builder(CallerCheck.sharedSecret("X-Fuzz", "fuzz-callback-secret"),
                e -> {
                    handed.incrementAndGet();
                    return true;
                }).build();
        Map<String, List<String>> headers = Map.of("X-Fuzz", List.of("fuzz-callback-secret"));
        for (DocumentMutator.Mutation mutation : new DocumentMutator(FaultPlans.SEED + 7).mutations(event, MUTATIONS * 2)) {
            try {
                CallbackResponse response = assertTimeoutPreemptively(NO_HANG,
                        () -> handler.handle("POST", "/listener", headers, mutation.body()));
                if (response.status() != 400 && response.status() != 413 && (response.status() < 200 || response.status() > 299)) {
                    breaches.add("callback " + mutation + " answered " + response.status());
                }
            } catch (RuntimeException | Error e) {
                breaches.add("callback " + mutation + " threw " + e);
            }
        }
        assertThat(breaches).isEmpty();
        assertThat(handed.get()).as("some mutations are still events").isPositive();
    }

    /** Serves {@code MUTATIONS} mutations of the document, one per call, and records every breach of the contract. */
    private static void fuzz(String probe, String document, int status, Runnable call, List<String> breaches) {
        int succeeded = 0;
        for (DocumentMutator.Mutation mutation : new DocumentMutator(FaultPlans.SEED + probe.hashCode()).mutations(document, MUTATIONS)) {
            answer = new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                    .body(new Buffer().write(mutation.body())).build();
            try {
                assertTimeoutPreemptively(NO_HANG, call::run, probe + " " + mutation);
                succeeded++;
            } catch (TicketingException expected) {
                assertThat(expected.getMessage()).isNotNull();
            } catch (RuntimeException | Error e) {
                breaches.add(probe + ", " + mutation + ": " + e);
            }
        }
        ReliabilityReport.row("parsers").add(MUTATIONS, 0, MUTATIONS - succeeded, Map.of());
        answer = new MockResponse.Builder().code(200).build();
    }

}
