package dev.troubleticket.reliability;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.error.TicketingException;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.masstack.MasStackClient;
import dev.troubleticket.masstack.ServiceAccount;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an attacker or a careless log could get: plain HTTP to a remote host, secrets in text the SDK
 * writes, a listener that lets anyone in or falls over, a secret compared in variable time, a private
 * key left on disk.
 */
@ExtendWith({ReliabilityReport.class, SecretRegistry.class})
class SecurityTest {
    /** A documentation address (TEST-NET-3): never contacted, since building a client sends nothing. */
    private static final String REMOTE_HTTP = "http://203.0.113.7/";
    private static final MediaType JSON = MediaType.get("application/json");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kosc", "masstack", "nexera"})
    void plainHttpToARemoteHostIsRefusedUnlessTheCallerOptsIn(String provider) {
        ProviderProfile profile = ProviderProfile.of(provider);
        try (var simulator = profile.newSimulator().start(0)) {
            Map<String, String> settings = new HashMap<>(profile.settings(simulator));
            settings.put("baseUrl", REMOTE_HTTP);
            settings.computeIfPresent("tokenUrl", (k, v) -> REMOTE_HTTP + "token");

            assertThatThrownBy(() -> TicketingClients.create(provider, ProviderSettings.of(settings)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
            assertThatCode(() -> TicketingClients.create(provider, ProviderSettings.of(settings,
                    TransportOptions.builder().allowInsecureHttp(true).build())).close())
                    .as("allowed once the caller opts in").doesNotThrowAnyException();
            assertThatCode(() -> TicketingClients.create(provider, simulator.clientSettings()).close())
                    .as("plain http to loopback is allowed").doesNotThrowAnyException();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kosc", "masstack", "nexera"})
    void noSecretInAnyToStringOrExceptionMessage(String provider) {
        ProviderProfile profile = ProviderProfile.of(provider);
        try (Harness harness = new Harness(profile)) {
            SecretRegistry.register(profile.secrets(harness.simulator));
            Map<String, String> wrong = new HashMap<>(profile.settings(harness.simulator));
            List<String> texts = new ArrayList<>(List.of(harness.client.toString(),
                    ProviderSettings.of(profile.settings(harness.simulator)).toString()));
            // Wrong credentials of every kind: the refusal must not echo them.
            wrong.replaceAll((key, value) -> key.toLowerCase().matches(".*(password|secret).*") ? value + "-WRONG" : value);
            wrong.values().stream().filter(v -> v.endsWith("-WRONG")).forEach(v -> SecretRegistry.register(List.of(v)));
            try (TicketingClient refused = TicketingClients.create(provider, ProviderSettings.of(wrong))) {
                texts.add(refused.toString());
                Ticket ticket = harness.client.create(profile.request("SEC-" + provider.charAt(0)));
                for (Runnable call : List.<Runnable>of(() -> refused.get(ticket.id()), () -> harness.client.get("no-such-ticket"),
                        () -> harness.client.transition(ticket.id(), StatusChange.to(TicketStatus.CLOSED)))) {
                    try {
                        call.run();
                    } catch (TicketingException e) {
                        texts.add(e.toString() + " " + e.details() + " " + e.rawBody());
                    }
                }
            }
            assertThat(texts).hasSizeGreaterThanOrEqualTo(5);
            assertThat(texts).allSatisfy(text -> assertThat(SecretRegistry.leaksIn(text)).as(text).isEmpty());
        }
    }

    @Test
    void listenerRefusesUnauthenticatedOversizedAndMalformedRequestsAndKeepsServing() throws Exception {
        try (Harness harness = new Harness(ProviderProfile.of("nexera"))) {
            NexeraSimulator nexera = (NexeraSimulator) harness.simulator;
            List<TicketEvent> handled = new CopyOnWriteArrayList<>();
            Ticket ticket = harness.client.create(harness.profile.request("LSN-1"));
            int port = freePort();
            try (TicketSubscription listener = harness.client.subscribe(handled::add, SubscriptionOptions.builder("refusals")
                    .callback(new InetSocketAddress("127.0.0.1", port), null).build()).start()) {
                String url = "http://127.0.0.1:" + port + "/listener";
                String secret = NexeraProfile.CALLBACK_SECRET;
                String sameLength = secret.substring(0, secret.length() - 1) + (secret.endsWith("a") ? "b" : "a");
                String valid = "{\"eventId\":\"e-1\",\"eventType\":\"TroubleTicketStatusChangeEvent\",\"event\":{\"troubleTicket\":{\"id\":\""
                        + ticket.id() + "\",\"status\":\"resolved\"}}}";
                OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).retryOnConnectionFailure(false).build();
                try {
                    assertThat(post(http, url, null, valid)).as("no secret").isEqualTo(401);
                    assertThat(post(http, url, sameLength, valid)).as("wrong secret of the same length").isEqualTo(401);
                    assertThat(post(http, url, secret + "x", valid)).as("right secret with more after it").isEqualTo(401);
                    assertThat(post(http, url, secret, "x".repeat(2 * 1024 * 1024))).as("oversized").isEqualTo(413);
                    assertThat(post(http, url, secret, "{\"eventId\": [1, 2")).as("malformed").isEqualTo(400);
                    assertThat(post(http, url, secret, "[1, 2, 3]")).as("JSON, but not an event").isEqualTo(400);
                    assertThat(handled).as("nothing refused reached the handler").isEmpty();
                } finally {
                    http.dispatcher().executorService().shutdown();
                    http.connectionPool().evictAll();
                }
                nexera.resolve(ticket.id(), "fibre spliced");
                awaitFirst(handled);
                assertThat(handled).as("still serving the provider after the refusals").isNotEmpty();
                assertThat(listener.health().delivered()).as("only the provider's notification handled").isEqualTo(handled.size());
            }
        }
    }

    @Test
    void listenerWithoutACallerCheckAnswers404ToEveryPathWithoutItsTokenAndKeepsServing() throws Exception {
        try (NexeraSimulator nexera = new NexeraSimulator().start(0);
             TicketingClient client = TicketingClients.create("nexera", nexera.clientSettings())) {
            List<TicketEvent> handled = new CopyOnWriteArrayList<>();
            Ticket ticket = client.create(ProviderProfile.of("nexera").request("LSN-2"));
            int port = freePort();
            try (TicketSubscription listener = client.subscribe(handled::add, SubscriptionOptions.builder("token")
                    .callback(new InetSocketAddress("127.0.0.1", port), null).build()).start()) {
                String callback = nexera.hubs().values().iterator().next().get("callback").asText();
                String token = callback.substring(callback.lastIndexOf('/') + 1);
                SecretRegistry.register(List.of(token));
                String base = "http://127.0.0.1:" + port + "/listener";
                String sameLength = (token.charAt(0) == 'a' ? "b" : "a") + token.substring(1);
                String valid = "{\"eventId\":\"e-2\",\"eventType\":\"TroubleTicketStatusChangeEvent\",\"event\":{\"troubleTicket\":{\"id\":\""
                        + ticket.id() + "\",\"status\":\"resolved\"}}}";
                OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).retryOnConnectionFailure(false).build();
                try {
                    for (String url : List.of(base, base + "/", base + "/" + sameLength, base + "/" + token + "x",
                            base + "/" + token.substring(0, token.length() - 1), base + "?token=" + token)) {
                        assertThat(post(http, url, null, valid)).as(url.replace(token, "<token>")).isEqualTo(404);
                    }
                    assertThat(handled).as("nothing without the token reached the handler").isEmpty();
                } finally {
                    http.dispatcher().executorService().shutdown();
                    http.connectionPool().evictAll();
                }
                nexera.resolve(ticket.id(), "fibre spliced");
                awaitFirst(handled);
                assertThat(handled).as("the provider, sending no credentials, still reaches the token URL").isNotEmpty();
                assertThat(List.of(listener.toString(), listener.health().toString(), client.toString()))
                        .noneMatch(text -> text.contains(token));
            }
        }
    }

    @Test
    void listenerSecretsAreComparedWithMessageDigestIsEqual() throws IOException {
        // Behaviour alone cannot show constant time; the code path can: the comparison must be MessageDigest.isEqual.
        Path listener = Path.of("..", "sdk-nexera", "src", "main", "java", "dev", "troubleticket", "nexera", "listener");
        for (String file : List.of("CallerCheck.java", "CallbackToken.java")) {
            String code = Files.readString(listener.resolve(file));
            assertThat(code).as(file).contains("MessageDigest.isEqual(");
            assertThat(code).as(file).doesNotContainPattern("secret[A-Za-z]*\\.equals\\(").doesNotContainPattern("\\.equals\\([a-z]*[Ss]ecret")
                    .doesNotContainPattern("value\\.equals\\(").doesNotContainPattern("token[A-Za-z]*\\.equals\\(");
        }
    }

    @Test
    void masStackServiceAccountKeyIsNeverWrittenToALogOrAFile() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        try (MasStackSimulator simulator = new MasStackSimulator().start(0)) {
            String json = simulator.serviceAccountJson();
            String key = PrivateKeyText.body(json);
            SecretRegistry.register(List.of(key));
            ServiceAccount account = ServiceAccount.fromJson(json);
            try (MasStackClient client = MasStackClient.builder().baseUrl(simulator.baseUrl()).tokenUrl(simulator.tokenUrl())
                    .serviceAccount(account).defaultClearencePerson("AGENT").build()) {
                Ticket ticket = client.create(ProviderProfile.of("masstack").request("KEY-1"));
                simulator.revokeAccessTokens(); // a second assertion is signed
                client.get(ticket.id());
                simulator.failWithRemoteException(1, "backend down");
                try {
                    client.get(ticket.id());
                } catch (TicketingException expected) {
                    assertThat(SecretRegistry.leaksIn(expected.toString())).isEmpty();
                }
                assertThat(simulator.tokensIssued()).isEqualTo(2);
                assertThat(account.toString()).doesNotContain(key);
                assertThat(client.toString()).doesNotContain(key);
            }
            assertThat(CapturedLogs.lines()).as("the capture does see the SDK's debug lines").isNotEmpty()
                    .noneMatch(line -> line.contains(key) || line.contains("PRIVATE KEY"));
            List<Path> holding = filesWritten(Path.of(System.getProperty("java.io.tmpdir")), start, key);
            holding.addAll(filesWritten(Path.of("target"), start, key));
            assertThat(holding).as("files written during the run that hold the key").isEmpty();
        }
    }

    private static int post(OkHttpClient http, String url, String secret, String body) throws IOException {
        Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON));
        if (secret != null) {
            request.header(NexeraSimulator.CALLBACK_SECRET_HEADER, secret);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            return response.code();
        }
    }

    /** Regular files under {@code root} modified since {@code since} (up to 10 MB each) whose text holds {@code needle}. */
    private static List<Path> filesWritten(Path root, Instant since, String needle) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(root, 4)) {
            files.filter(Files::isRegularFile).filter(Files::isReadable).forEach(file -> {
                try {
                    FileTime modified = Files.getLastModifiedTime(file);
                    if (modified.toInstant().isAfter(since) && Files.size(file) < 10_000_000
                            && new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(needle)) {
                        found.add(file);
                    }
                } catch (IOException | RuntimeException unreadable) {
                    // another process's file that went away or cannot be read: not ours
                }
            });
        } catch (IOException | RuntimeException walkFailed) {
            // a directory of another process that vanished while walking
        }
        return found;
    }

    /** Waits up to 10 s for the provider's notification to reach the handler. */
    private static void awaitFirst(List<TicketEvent> handled) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (handled.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** A port free now, so that the subscription's receiver binds it and the test knows where to reach it. */
    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
