package dev.troubleticket.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.examples.cli.TicketCtlEndToEndTest.Run;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rehearsal as a person runs it: {@code ticketctl simulate} in one "terminal" playing the provider from its stdin,
 * {@code ticketctl} commands in another with the exported variables, walking one ticket to RESOLVED and closing it.
 */
class SimulateProviderConsoleTest {
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final StringWriter simulatorOut = new StringWriter();
    private PipedOutputStream keyboard;
    private Writer typing;
    private Future<Integer> simulating;

    @TempDir
    Path dir;

    @BeforeEach
    void resetStop() {
        SimulateCommand.stop = new CountDownLatch(1);
    }

    @AfterEach
    void stop() throws IOException {
        SimulateCommand.stop.countDown();
        SimulateCommand.stop = new CountDownLatch(1);
        if (typing != null) {
            typing.close();
        }
        pool.shutdownNow();
    }

    private Map<String, String> startSimulator(String provider) throws Exception {
        keyboard = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(keyboard);
        typing = new OutputStreamWriter(keyboard, StandardCharsets.UTF_8);
        simulating = pool.submit(() -> TicketCtl.run(new String[] {"simulate", "--provider", provider}, Map.of(), stdin,
                new PrintWriter(simulatorOut, true), new PrintWriter(new StringWriter())));
        awaitOutput("# This terminal plays the provider", 0);
        Map<String, String> env = new HashMap<>();
        Matcher export = Pattern.compile("(?m)^export (TICKETCTL_[A-Z_]+)='([^']*)'$").matcher(simulatorOut.toString());
        while (export.find()) {
            env.put(export.group(1), export.group(2));
        }
        return env;
    }

    /** Waits until the simulator printed {@code text} for the {@code n+1}th time; fails after 10 s. */
    private void awaitOutput(String text, int seen) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count(simulatorOut.toString(), text) <= seen) {
            assertThat(System.nanoTime()).as("waiting for '" + text + "' in: " + simulatorOut).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static int count(String in, String text) {
        int n = 0;
        for (int at = in.indexOf(text); at >= 0; at = in.indexOf(text, at + 1)) {
            n++;
        }
        return n;
    }

    /** Types a provider command into the simulator and answers its one-line answer. */
    private String type(String command) throws Exception {
        int answers = count(simulatorOut.toString(), "\nok: ") + count(simulatorOut.toString(), "\nerror: ");
        typing.write(command + "\n");
        typing.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count(simulatorOut.toString(), "\nok: ") + count(simulatorOut.toString(), "\nerror: ") <= answers) {
            assertThat(System.nanoTime()).as("no answer to '" + command + "': " + simulatorOut).isLessThan(deadline);
            Thread.sleep(20);
        }
        List<String> lines = simulatorOut.toString().lines().filter(l -> l.startsWith("ok: ") || l.startsWith("error: ")).toList();
        return lines.get(lines.size() - 1);
    }

    private static Run ticketctl(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--output", "json"));
        return TicketCtlEndToEndTest.run(env, all);
    }

    private Path createBody(String provider) throws IOException {
        Path file = dir.resolve(provider + ".json");
        switch (provider) {
            case "kosc", "masstack" -> Files.copy(getClass().getResourceAsStream("/" + provider + "-create-body.json"), file);
            default -> Files.copy(getClass().getResourceAsStream("/nexera-create-body.json"), file);
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"kosc", "masstack", "nexera"})
    void aTicketIsWalkedToResolvedAndClosedFromTheCommandLine(String provider) throws Exception {
        Map<String, String> env = startSimulator(provider);

        Run created = ticketctl(env, "create", "--file", createBody(provider).toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        String id = created.jsonLines().get(0).get("id").asText();

        assertThat(type("ask " + id + " Is the modem powered on?")).startsWith("ok: ");
        Run asked = ticketctl(env, "get", id);
        assertThat(asked.jsonLines().get(0).get("status").asText()).isEqualTo("WAITING_FOR_OPERATOR");

        Run answered = ticketctl(env, "transition", id, "IN_PROGRESS", "--comment", "It is on; the DSL light blinks.");
        assertThat(answered.exitCode()).as(answered.err()).isZero();

        assertThat(type("resolve " + id + " Line resynchronised")).startsWith("ok: ").contains("resolved " + id);
        JsonNode resolved = ticketctl(env, "get", id).jsonLines().get(0);
        assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");

        Run closed = ticketctl(env, "transition", id, "CLOSED", "--comment", "Works again, thanks.");
        assertThat(closed.exitCode()).as(closed.err()).isZero();
        assertThat(closed.jsonLines().get(0).get("status").asText()).isEqualTo("CLOSED");

        SimulateCommand.stop.countDown();
        assertThat(simulating.get(10, TimeUnit.SECONDS)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kosc", "masstack", "nexera"})
    void aCommandTheSimulatorCannotRunGetsOneErrorLineAndTheConsoleGoesOn(String provider) throws Exception {
        startSimulator(provider);

        assertThat(type("resolve NO-SUCH-TICKET")).startsWith("error: cannot resolve NO-SUCH-TICKET: ").doesNotContain("Exception");
        assertThat(type("frobnicate 1")).startsWith("error: unknown command 'frobnicate'").contains("resolve ID");
        assertThat(type("resolve")).startsWith("error: resolve needs a ticket id");
    }
}
