package dev.troubleticket.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code ticketctl} in-process against the simulators: every command and every exit code ({@code watch}: {@link WatchCommandTest}). */
class TicketCtlEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KoscSimulator kosc = new KoscSimulator().start(0);
    private final NexeraSimulator nexera = new NexeraSimulator().start(0);
    private final MasStackSimulator masstack = new MasStackSimulator().start(0);

    @AfterEach
    void stop() {
        kosc.close();
        nexera.close();
        masstack.close();
    }

    /** What one run printed and answered. */
    record Run(int exitCode, String out, String err) {
        List<JsonNode> jsonLines() {
            List<JsonNode> lines = new ArrayList<>();
            out.lines().filter(l -> !l.isBlank()).forEach(l -> {
                try {
                    lines.add(JSON.readTree(l));
                } catch (IOException e) {
                    throw new AssertionError("not a JSON line: " + l, e);
                }
            });
            return lines;
        }
    }

    static Run run(Map<String, String> env, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TicketCtl.run(args.toArray(String[]::new), env, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** The connection options for a simulator's built-in account, as a user would type them. */
    private static List<String> connect(String provider, ProviderSettings settings) {
        List<String> args = new ArrayList<>(List.of("--provider", provider));
        settings.asMap().forEach((key, value) -> {
            switch (key) {
                case "baseUrl" -> args.addAll(List.of("--base-url", value));
                case "username" -> args.addAll(List.of("--username", value));
                case "password" -> args.addAll(List.of("--password", value));
                default -> args.addAll(List.of("--setting", key + "=" + value));
            }
        });
        return args;
    }

    private Run kosc(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(connect("kosc", kosc.clientSettings()));
        args.addAll(List.of("--output", "json"));
        return run(Map.of(), args);
    }

    private Run nexera(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(connect("nexera", nexera.clientSettings()));
        args.addAll(List.of("--output", "json"));
        return run(Map.of(), args);
    }

    private Run masstack(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        ProviderSettings settings = masstack.clientSettings();
        args.addAll(List.of("--provider", "masstack", "--base-url", settings.require("baseUrl"),
                "--service-account", settings.require("serviceAccountFile"), "--token-url", settings.require("tokenUrl"),
                "--output", "json"));
        return run(Map.of(), args);
    }

    private Path koscCreateBody(Path dir, String reference, String diagnosticRun) throws IOException {
        ObjectNode body = (ObjectNode) JSON.readTree(getClass().getResourceAsStream("/kosc-create-body.json"));
        body.put("operator_ticket_ref", reference);
        body.put("diagnostic_run_id", diagnosticRun);
        body.put("service_uuid", "svc-" + reference);
        Path file = dir.resolve(reference + ".json");
        Files.writeString(file, body.toString());
        return file;
    }

    private String createKoscTicket(Path dir, String reference, String diagnosticRun) throws IOException {
        Run created = kosc("create", "--file", koscCreateBody(dir, reference, diagnosticRun).toString());
        assertThat(created.exitCode()).as(created.err()).isEqualTo(0);
        return created.jsonLines().get(0).get("id").asText();
    }

    @Test
    void createFromTheDocumentsBodyThenGetPrintsNeutralAndProviderFields(@TempDir Path dir) throws IOException {
        String id = createKoscTicket(dir, "PB12_32", "D170403_001");

        Run get = kosc("get", id);

        assertThat(get.exitCode()).isZero();
        JsonNode ticket = get.jsonLines().get(0);
        assertThat(ticket.get("id").asText()).isEqualTo(id);
        assertThat(ticket.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(ticket.get("providerStatus").asText()).isEqualTo("open");
        assertThat(ticket.get("externalReference").asText()).isEqualTo("PB12_32");
        assertThat(ticket.get("provider").get("alias").asText()).matches("T\\d{6}_\\d+");
        assertThat(ticket.get("provider").get("category").asText()).isEqualTo("low_rate");
    }

    @Test
    void createRunTwiceWithTheSameBodyPrintsTheSameTicketAndOpensOne(@TempDir Path dir) throws IOException {
        Path body = koscCreateBody(dir, "PB12_TWICE", "D170403_009");
        Run first = kosc("create", "--file", body.toString());
        Run second = kosc("create", "--file", body.toString());

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.jsonLines().get(0).get("id").asText()).isEqualTo(first.jsonLines().get(0).get("id").asText());
        assertThat(kosc.ticketsCreated()).isEqualTo(1);
    }

    @Test
    void anInvalidCreateBodyIsRefusedBeforeSendingWithExitCode3ListingEveryField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"type\":\"order\",\"category\":\"weather\",\"description\":\"x\"}");
        int before = kosc.server().requestCount();

        Run run = kosc("create", "--file", file.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("refused before sending").contains("type").contains("category").contains("diagnostic_run_id");
        assertThat(kosc.server().requestCount()).isEqualTo(before);
        assertThat(kosc.ticketsCreated()).isZero();
    }

    @Test
    void listCommentTransitionHistoryAndAllowedWalkATicket(@TempDir Path dir) throws IOException {
        String id = createKoscTicket(dir, "REF-LIST", "D170403_002");
        createKoscTicket(dir, "REF-OTHER", "D170403_003");

        assertThat(kosc("list", "--max", "1").jsonLines()).hasSize(1);
        assertThat(kosc("list").jsonLines()).extracting(t -> t.get("id").asText()).contains(id);

        Run comment = kosc("comment", id, "Technician booked for Thursday");
        assertThat(comment.exitCode()).isZero();
        assertThat(comment.jsonLines().get(0).get("comment").asText()).isEqualTo("Technician booked for Thursday");

        Run tooEarly = kosc("transition", id, "CLOSED");
        assertThat(tooEarly.exitCode()).isEqualTo(3);
        assertThat(tooEarly.err()).contains("refused before sending");

        kosc.clear(id, "modem", "modem replaced");
        assertThat(kosc("list", "--status", "RESOLVED").jsonLines()).extracting(t -> t.get("id").asText()).containsExactly(id);
        assertThat(kosc("list", "--status", "cleared").jsonLines()).extracting(t -> t.get("id").asText()).containsExactly(id);
        assertThat(kosc("allowed", id).jsonLines()).extracting(t -> t.get("status").asText()).contains("CLOSED");

        Run closed = kosc("transition", id, "closed", "--comment", "thanks");
        assertThat(closed.exitCode()).as(closed.err()).isZero();
        assertThat(closed.jsonLines().get(0).get("status").asText()).isEqualTo("CLOSED");

        List<JsonNode> history = kosc("history", id).jsonLines();
        assertThat(history).extracting(e -> e.get("providerStatus").asText(null)).contains("cleared", "closed");
        assertThat(history).extracting(e -> e.get("comment").asText(null)).contains("Technician booked for Thursday");
    }

    @Test
    void tableOutputIsForPeople(@TempDir Path dir) throws IOException {
        String id = createKoscTicket(dir, "REF-TABLE", "D170403_004");
        List<String> args = new ArrayList<>(List.of("get", id));
        args.addAll(connect("kosc", kosc.clientSettings()));
        args.addAll(List.of("--output", "table"));

        Run run = run(Map.of(), args);

        assertThat(run.out().lines().findFirst().orElseThrow()).startsWith("ID").contains("STATUS").contains("PROVIDER STATUS");
        assertThat(run.out()).contains(id).contains("IN_PROGRESS").contains("REF-TABLE");
    }

    @Test
    void theProviderAndBaseUrlMayComeFromTheEnvironment(@TempDir Path dir) throws IOException {
        String id = createKoscTicket(dir, "REF-ENV", "D170403_005");
        Run run = run(Map.of("TICKETCTL_PROVIDER", "kosc", "TICKETCTL_BASE_URL", kosc.baseUrl(),
                "TICKETCTL_USERNAME", KoscSimulator.EMAIL, "TICKETCTL_PASSWORD", KoscSimulator.PASSWORD),
                List.of("get", id, "--output", "json"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.jsonLines().get(0).get("id").asText()).isEqualTo(id);
    }

    @Test
    void aTicketTheProviderDoesNotKnowExitsWith4AndTheProvidersWords() {
        Run run = kosc("get", "424242");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("the provider refused the request").contains("404");
    }

    @Test
    void anUnreachableProviderExitsWith5() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Run run = run(Map.of(), List.of("get", "1", "--provider", "kosc", "--base-url", "http://127.0.0.1:" + closedPort + "/",
                "--token", "abc"));
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.err()).startsWith("ticketctl: the provider or the network failed");
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(run(Map.of(), List.of("get", "1")).exitCode()).isEqualTo(2);
        assertThat(run(Map.of(), List.of("frobnicate")).exitCode()).isEqualTo(2);
        assertThat(run(Map.of(), List.of("get", "1", "--provider", "acme", "--base-url", "https://x")).exitCode()).isEqualTo(2);
        assertThat(kosc("list", "--max", "-1").exitCode()).isEqualTo(2);
        Run plainHttp = run(Map.of(), List.of("get", "1", "--provider", "kosc", "--base-url", "http://extranet.example.com/", "--token", "t"));
        assertThat(plainHttp.exitCode()).isEqualTo(2);
        assertThat(plainHttp.err()).contains("plain http");
    }

    @Test
    void simulateRunsASimulatorUntilStopped() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        SimulateCommand.stop = new CountDownLatch(1);
        StringWriter out = new StringWriter();
        try {
            Future<Integer> simulating = pool.submit(() -> TicketCtl.run(new String[] {"simulate", "--provider", "kosc"}, Map.of(),
                    new PrintWriter(out, true), new PrintWriter(new StringWriter())));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!out.toString().contains("listening on") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            String baseUrl = out.toString().replaceAll("(?s).*listening on (\\S+).*", "$1");
            Run get = run(Map.of(), List.of("get", "1", "--provider", "kosc", "--base-url", baseUrl,
                    "--username", KoscSimulator.EMAIL, "--password", KoscSimulator.PASSWORD, "--output", "json"));
            assertThat(get.exitCode()).isEqualTo(4); // a running Kosc simulator, which has no ticket 1 yet

            SimulateCommand.stop.countDown();
            assertThat(simulating.get(10, TimeUnit.SECONDS)).isZero();
        } finally {
            SimulateCommand.stop = new CountDownLatch(1);
            pool.shutdownNow();
        }
    }

    @Test
    void masStackCreateBodiesAreCheckedAsTheDocumentSaysThenSent(@TempDir Path dir) throws IOException {
        Path asDocumented = dir.resolve("documented.json");
        Files.copy(getClass().getResourceAsStream("/masstack-create-body.json"), asDocumented);
        ObjectNode broken = (ObjectNode) JSON.readTree(asDocumented.toFile());
        broken.put("preferredPriority", 7);
        broken.put("wh1Parameter", "weather");
        broken.remove("clearencePerson");
        Path invalid = Files.writeString(dir.resolve("invalid.json"), broken.toString());

        Run refused = masstack("create", "--file", invalid.toString());
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).contains("preferredPriority").contains("wh1Parameter").contains("clearencePerson");
        assertThat(masstack.ticketsCreated()).isZero();

        // The document's own example, "string" values and all, is a valid body.
        Run created = masstack("create", "--file", asDocumented.toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        JsonNode ticket = created.jsonLines().get(0);
        assertThat(ticket.get("id").asText()).matches("RED-\\d+");
        assertThat(ticket.get("providerStatus").asText()).isEqualTo("OPENACTIVE");
        assertThat(ticket.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(ticket.get("externalReference").asText()).isEqualTo("string");
    }

    @Test
    void listingAtMasStackIsAUsageErrorBecauseTheProviderHasNone() {
        Run run = masstack("list");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("does not support");
    }

    @Test
    void demoWalksEveryProviderAndExitsZero() {
        Run run = run(Map.of(), List.of("demo"));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        for (String provider : List.of("kosc", "masstack", "nexera")) {
            assertThat(run.out()).containsPattern("(?m)^" + provider + " .*CLOSED.* ok$");
        }
    }
}
