package dev.troubleticket.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.troubleticket.examples.cli.TicketCtlEndToEndTest.Run;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a person meets at the command line: help everywhere, plain-word errors, no silent case, --timeout, --verbose, simulate. */
class TicketCtlUsabilityTest {
    private final KoscSimulator kosc = new KoscSimulator().start(0);
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
        kosc.close();
    }

    private static Run run(Map<String, String> env, List<String> args) {
        return TicketCtlEndToEndTest.run(env, args);
    }

    private static Run run(String... args) {
        return run(Map.of(), List.of(args));
    }

    private Run kosc(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--provider", "kosc", "--base-url", kosc.baseUrl(), "--username", KoscSimulator.EMAIL,
                "--password", KoscSimulator.PASSWORD));
        if (!args.contains("--output")) {
            args.addAll(List.of("--output", "json"));
        }
        return run(Map.of(), args);
    }

    private String createKoscTicket(String reference) {
        try (var client = dev.troubleticket.core.TicketingClients.create("kosc", kosc.clientSettings())) {
            return client.create(kosc.sampleCreateRequest(reference)).id();
        }
    }

    /** Every command's path below the root ({@code [list]}, {@code [store, migrate]}), read from the command line itself. */
    private static List<List<String>> everySubcommand() {
        List<List<String>> paths = new ArrayList<>();
        CommandLine root = TicketCtl.commandLine(Map.of(), java.io.InputStream.nullInputStream(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        collect(root, new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            paths.add(subPath);
            collect(sub, subPath, paths);
        });
    }

    // ------------------------------------------------------------------ a. help

    @Test
    void helpOnEverySubcommandPrintsItsUsageOnStdoutAndExitsZero() {
        List<List<String>> commands = everySubcommand();
        assertThat(commands).contains(List.of("list"), List.of("watch"), List.of("simulate"), List.of("store", "migrate"),
                List.of("store", "replay"), List.of("help"));
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            Run run = run(Map.of(), args);
            assertThat(run.exitCode()).as(args + ": " + run.err()).isZero();
            assertThat(run.err()).as(args.toString()).isEmpty();
            assertThat(run.out()).as(args.toString()).contains("Usage: ticketctl " + String.join(" ", command) + " ");
        }
    }

    @Test
    void helpCommandShowsTheUsageOfTheNamedCommand() {
        Run list = run("help", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).startsWith("Usage: ticketctl list").contains("--status");

        Run migrate = run("store", "help", "migrate");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).startsWith("Usage: ticketctl store migrate");
    }

    @Test
    void completionPrintsABashScriptThatKnowsEveryCommand(@TempDir Path dir) throws Exception {
        Run run = run("completion");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("complete -F");
        for (List<String> command : everySubcommand()) {
            assertThat(run.out()).as(command.toString()).contains(command.get(command.size() - 1));
        }
        assertThat(run.out()).contains("--status").contains("--timeout");
        // bash itself reads it without a syntax error
        Path script = Files.writeString(dir.resolve("ticketctl.bash"), run.out());
        Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        String said = new String(bash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(said).isZero();
    }

    // ------------------------------------------------------------------ b. messages without Java

    @Test
    void aMissingCreateFileSaysNoSuchFile(@TempDir Path dir) {
        Path missing = dir.resolve("nonexistent.json");
        Run run = kosc("create", "--file", missing.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("ticketctl: no such file: " + missing + System.lineSeparator());
    }

    @Test
    void aMissingServiceAccountFileSaysNoSuchFileAndTheOption(@TempDir Path dir) {
        Path missing = dir.resolve("account.json");
        Run run = run("get", "RED-1", "--provider", "masstack", "--base-url", "http://127.0.0.1:1/", "--service-account",
                missing.toString(), "--token-url", "http://127.0.0.1:1/token");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("ticketctl: no such file: " + missing).contains("--service-account");
    }

    @Test
    void malformedJsonGivesLineAndColumnOnOneLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), "{\n  \"type\": \"service\",\n  \"category\": ,\n}\n");
        Run run = kosc("create", "--file", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("ticketctl: " + file + " is not valid JSON at line 3, column ")
                .doesNotContain("com.fasterxml").doesNotContain("Source:");
    }

    @Test
    void anUnexpectedFailureIsOneLineWithoutTheClassName() {
        String sentence = ExitCodes.sentence(new IllegalStateException("the cache is gone"));
        assertThat(sentence).isEqualTo("ticketctl: unexpected failure: the cache is gone (--debug shows where)");
        assertThat(ExitCodes.sentence(new NullPointerException())).isEqualTo("ticketctl: unexpected failure: no message (--debug shows where)");
    }

    @Test
    void anAddressThatCannotBeListenedOnIsAUsageErrorNamingListen() throws IOException {
        try (dev.troubleticket.testkit.nexera.NexeraSimulator nexera = new dev.troubleticket.testkit.nexera.NexeraSimulator().start(0);
             ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<String> args = new ArrayList<>(List.of("watch", "--provider", "nexera", "--listen", "127.0.0.1:" + taken.getLocalPort(),
                    "--stop-after", "0"));
            nexera.clientSettings().asMap().forEach((key, value) -> {
                switch (key) {
                    case "baseUrl" -> args.addAll(List.of("--base-url", value));
                    case "username" -> args.addAll(List.of("--username", value));
                    case "password" -> args.addAll(List.of("--password", value));
                    default -> args.addAll(List.of("--setting", key + "=" + value));
                }
            });
            Run run = run(Map.of(), args);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()).contains("--listen")
                    .doesNotContain("Exception").doesNotContain("java.");
        }
    }

    // ------------------------------------------------------------------ c. no silent case

    @Test
    void anUnknownStatusIsAUsageErrorListingTheValidOnes() {
        Run run = kosc("list", "--status", "NOPE");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown --status 'NOPE'").contains("RESOLVED").contains("IN_PROGRESS").contains("cleared")
                .contains("deferred").doesNotContain("UNKNOWN");
    }

    @Test
    void theProvidersOwnStatusIsAcceptedInAnyCase() {
        Run run = kosc("list", "--status", "Cleared");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void anEmptyListSaysNoTicketsOnStderrInJsonAndOnStdoutInATable() {
        Run json = kosc("list");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).isEmpty();
        assertThat(json.err()).isEqualTo("ticketctl: no tickets" + System.lineSeparator());

        Run table = kosc("list", "--status", "RESOLVED", "--output", "table");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).isEqualTo("no tickets with status RESOLVED" + System.lineSeparator());
    }

    @Test
    void aLongListingCountsOnStderrWhileTheTicketsAloneGoToStdout() {
        kosc.seedTickets(1_203);

        Run run = kosc("list", "--progress");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(1_203).allMatch(line -> line.startsWith("{"));
        assertThat(run.err()).contains("\r500 tickets so far...").contains("\r1000 tickets so far...")
                .endsWith("\r1203 tickets listed" + System.lineSeparator());
        Run quiet = kosc("list", "--no-progress", "--max", "3");
        assertThat(quiet.err()).as("not asked for, and not on a terminal").isEmpty();
    }

    @Test
    void aTicketTheOperatorCannotMoveSaysTheProviderMustAct() {
        String id = createKoscTicket("REF-WAIT");
        kosc.clear(id, "modem", "modem replaced");
        assertThat(kosc("transition", id, "closed").exitCode()).isZero();

        Run run = kosc("allowed", id);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("nothing the operator may do now: the provider must act");
    }

    @Test
    void watchingMasStackWithNothingFollowedSaysToGiveTicket() {
        try (MasStackSimulator masstack = new MasStackSimulator().start(0)) {
            var settings = masstack.clientSettings();
            Run run = run("watch", "--provider", "masstack", "--base-url", settings.require("baseUrl"), "--service-account",
                    settings.require("serviceAccountFile"), "--token-url", settings.require("tokenUrl"), "--stop-after", "0");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("no ticket is followed").contains("--ticket ID");
        }
    }

    // ------------------------------------------------------------------ d. --timeout, --verbose

    @Test
    void timeoutEndsACallToAServerThatNeverAnswers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            pool.submit(() -> {
                while (!silent.isClosed()) {
                    held.add(silent.accept()); // accepted, never answered
                }
                return null;
            });
            Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("get", "1", "--provider", "kosc", "--base-url",
                    "http://127.0.0.1:" + silent.getLocalPort() + "/", "--token", "t", "--timeout", "1"));
            assertThat(run.exitCode()).as(run.err()).isEqualTo(5);
            assertThat(run.err()).startsWith("ticketctl: the provider or the network failed");
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aTimeoutThatIsNotANumberOfSecondsIsAUsageError() {
        Run run = kosc("get", "1", "--timeout", "soon");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--timeout").contains("'soon'");
    }

    @Test
    void verbosePrintsEachRequestOnStderrWithoutCredentials() {
        String id = createKoscTicket("REF-VERBOSE");
        Run run = kosc("get", id, "--verbose");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).containsPattern("(?m)^ticketctl: GET " + Pattern.quote(kosc.baseUrl().replaceAll("/+$", ""))
                + "/\\S*" + id + "\\S* -> 200 in \\d+ ms$");
        assertThat(run.err()).doesNotContain(KoscSimulator.PASSWORD);
        assertThat(run.jsonLines()).hasSize(1);
    }

    // ------------------------------------------------------------------ e. simulate

    @Test
    void simulatePrintsAnExportBlockThatAnotherCommandCanUseAsItIs() throws Exception {
        for (String provider : List.of("kosc", "masstack", "nexera")) {
            SimulateCommand.stop = new CountDownLatch(1);
            StringWriter out = new StringWriter();
            try {
                Future<Integer> simulating = pool.submit(() -> TicketCtl.run(new String[] {"simulate", "--provider", provider},
                        Map.of(), new PrintWriter(out, true), new PrintWriter(new StringWriter())));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!out.toString().contains("export TICKETCTL_BASE_URL") && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(out.toString()).contains("not secrets").doesNotContain("****");
                Map<String, String> env = new HashMap<>();
                Matcher export = Pattern.compile("(?m)^export (TICKETCTL_[A-Z_]+)='([^']*)'$").matcher(out.toString());
                while (export.find()) {
                    env.put(export.group(1), export.group(2));
                }
                assertThat(env).containsEntry("TICKETCTL_PROVIDER", provider).containsKey("TICKETCTL_BASE_URL");

                Run get = run(env, List.of("get", provider.equals("masstack") ? "RED-999999" : "999999", "--output", "json"));
                // Authenticated and answered by the running simulator: it has no such ticket.
                assertThat(get.exitCode()).as(provider + ": " + get.err()).isEqualTo(4);
                SimulateCommand.stop.countDown();
                assertThat(simulating.get(10, TimeUnit.SECONDS)).isZero();
            } finally {
                SimulateCommand.stop = new CountDownLatch(1);
            }
        }
    }
}
