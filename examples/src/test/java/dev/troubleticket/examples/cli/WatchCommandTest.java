package dev.troubleticket.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.examples.cli.TicketCtlEndToEndTest.Run;
import dev.troubleticket.testkit.ProviderSimulator;
import dev.troubleticket.testkit.ProviderSimulators;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ticketctl watch} in-process (and, where a second process or a signal matters, in a child JVM) against each
 * provider's simulator, with the same options for every provider.
 */
class WatchCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private ProviderSimulator simulator;
    private TicketingClient providerSide;
    private int listenPort;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopEverything() throws InterruptedException {
        WatchCommand.stop.countDown();
        WatchCommand.stop = new CountDownLatch(1);
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
        if (providerSide != null) {
            providerSide.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    // ------------------------------------------------------------------ the same behaviour at every provider

    @ParameterizedTest
    @ValueSource(strings = {"kosc", "masstack", "nexera"})
    void watchPrintsTheEventsOfATicketTheProviderMovedAsJsonLines(String provider) throws Exception {
        startSimulator(provider);
        String ticket = openTicket();

        Watch watch = watch(providerOptions(List.of(ticket)));
        if (provider.equals("nexera")) {
            assertThat(nexera().hubs().values()).singleElement().satisfies(hub -> assertThat(hub.get("callback").asText())
                    .as("no caller check configured: the URL carries a token instead")
                    .matches("http://127\\.0\\.0\\.1:" + listenPort + "/listener/[A-Za-z0-9_-]{43}"));
        }
        simulator.askForInformation(ticket, "Is the customer at home on Thursday?");
        JsonNode event = watch.awaitLine(e -> ticket.equals(e.path("ticketId").asText()) && "WAITING_FOR_OPERATOR".equals(e.path("status").asText()));
        Run run = watch.stop();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(event.get("kind").asText()).isEqualTo("STATUS_CHANGE");
        assertThat(event.get("providerStatus").asText()).isNotBlank();
        assertThat(event.get("comment").asText()).isEqualTo("Is the customer at home on Thursday?");
        assertThat(run.out().lines().filter(l -> !l.isBlank())).as("stdout holds only JSON lines").hasSize(run.jsonLines().size());
        if (provider.equals("nexera")) {
            assertThat(nexera().hubs()).as("nothing kept without --store, so the hub is removed on exit").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kosc", "masstack", "nexera"})
    void aSecondWatchWithTheSameStorePrintsOnlyTheNewEvents(String provider) throws Exception {
        startSimulator(provider);
        String asked = openTicket();
        String resolved = openTicket();
        Path store = dir.resolve("watch.store");

        Watch first = watch(with(providerOptions(List.of(asked, resolved)), "--store", store.toString()));
        simulator.askForInformation(asked, "Which floor?");
        first.awaitLine(e -> asked.equals(e.path("ticketId").asText()) && "WAITING_FOR_OPERATOR".equals(e.path("status").asText()));
        Run before = first.stop();
        assertThat(before.exitCode()).as(before.err()).isZero();

        boolean push = provider.equals("nexera");
        if (!push) {
            simulator.resolve(resolved, "Fibre spliced"); // while nobody watches: found by the next poll
        }
        Watch second = watch(with(providerOptions(List.of()), "--store", store.toString()));
        if (push) {
            simulator.resolve(resolved, "Fibre spliced"); // pushed: only what happens while registered comes
        }
        second.awaitLine(e -> resolved.equals(e.path("ticketId").asText()) && "RESOLVED".equals(e.path("status").asText()));
        Run after = second.stop();

        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(identities(after)).as("printed by the first watch").doesNotContainAnyElementsOf(identities(before));
        assertThat(identities(after)).doesNotHaveDuplicates();
        assertThat(after.jsonLines()).noneMatch(e -> asked.equals(e.path("ticketId").asText())
                && "WAITING_FOR_OPERATOR".equals(e.path("status").asText()));
        if (push) {
            assertThat(nexera().hubs()).as("the store keeps the hub for the next watch: reused, not doubled").hasSize(1);
        }
    }

    // ------------------------------------------------------------------ the store

    @Test
    void checkpointIsStillAcceptedAsTheStoresOldName() throws Exception {
        startSimulator("kosc");
        String first = openTicket();
        String second = openTicket();
        Path store = dir.resolve("kosc.checkpoint");

        Watch old = watch(with(providerOptions(List.of()), "--checkpoint", store.toString()));
        kosc().defer(first, "Which floor?");
        old.awaitLine(e -> first.equals(e.path("ticketId").asText()) && "WAITING_FOR_OPERATOR".equals(e.path("status").asText()));
        Run before = old.stop();
        kosc().defer(second, "Which building?");

        Watch renamed = watch(with(providerOptions(List.of()), "--store", store.toString()));
        renamed.awaitLine(e -> second.equals(e.path("ticketId").asText()) && "WAITING_FOR_OPERATOR".equals(e.path("status").asText()));
        Run after = renamed.stop();

        assertThat(before.exitCode()).as(before.err()).isZero();
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(identities(after)).doesNotContainAnyElementsOf(identities(before));
    }

    @Test
    void aCheckpointFileOfTheOldFormatIsRefusedWithTheStoresMessageAndExitCode2() throws Exception {
        startSimulator("kosc");
        // What FileCheckpointStore, behind the old watch --checkpoint, left on disk.
        String oldContent = "#trouble-ticket SDK subscription checkpoints\n#Mon Mar 02 10:00:00 CET 2026\n"
                + "kosc-tickets=2026-03-02T09\\:59\\:58.123Z\nkosc-events=WyIyMDI2LTAzLTAyIiwiZXZ0LTEiXQ\n";
        Path checkpoint = Files.writeString(dir.resolve("kosc.checkpoint"), oldContent);

        Run run = runWatch(with(providerOptions(List.of()), "--checkpoint", checkpoint.toString(), "--stop-after", "10"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).as("the store's message, with what to do")
                .startsWith("ticketctl: subscription store " + checkpoint.toAbsolutePath())
                .contains("--store <new file>").contains("--from 2026-03-02T09:59:58.123Z");
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(checkpoint)).as("the old file is left as it was").isEqualTo(oldContent);
    }

    @Test
    void aStoreHeldByAnotherWatchIsRefused() throws Exception {
        startSimulator("kosc");
        Path store = dir.resolve("held.store");
        Child holder = child(with(providerOptions(List.of()), "--store", store.toString()));
        holder.awaitErr("ticketctl: watching");

        Run second = runWatch(with(providerOptions(List.of()), "--store", store.toString(), "--stop-after", "10"));

        assertThat(second.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(second.err().lines()).hasSize(1);
        assertThat(second.err()).as("the store's message").startsWith("ticketctl: subscription store " + store.toAbsolutePath());
        assertThat(holder.process.isAlive()).as("the holder goes on").isTrue();
    }

    @Test
    void aStoreThatCannotBeWrittenIsAUsageErrorAndNothingIsSent() throws Exception {
        startSimulator("kosc");
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        int requests = simulator.server().requestCount();

        Run run = runWatch(with(providerOptions(List.of()), "--store", notADirectory.resolve("watch.store").toString(), "--stop-after", "10"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).as("the store's message").startsWith("ticketctl: subscription store " + notADirectory.resolve("watch.store"));
        assertThat(simulator.server().requestCount()).isEqualTo(requests);
    }

    // ------------------------------------------------------------------ tickets

    @Test
    void aMasStackTicketNamedOnceIsFollowedByTheNextWatchFromTheStore() throws Exception {
        startSimulator("masstack");
        String ticket = openTicket();
        Path store = dir.resolve("masstack.store");

        Watch named = watch(with(providerOptions(List.of(ticket)), "--store", store.toString()));
        named.awaitLine(e -> ticket.equals(e.path("ticketId").asText()));
        assertThat(named.stop().exitCode()).isZero();
        simulator.askForInformation(ticket, "¿Está el cliente en casa?");

        Watch remembered = watch(with(providerOptions(List.of()), "--store", store.toString()));
        JsonNode event = remembered.awaitLine(e -> ticket.equals(e.path("ticketId").asText())
                && "WAITING_FOR_OPERATOR".equals(e.path("status").asText()));
        Run run = remembered.stop();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).as("no warning: the store follows a ticket").doesNotContain("no ticket is followed");
        assertThat(event.get("comment").asText()).isEqualTo("¿Está el cliente en casa?");
    }

    @Test
    void aMasStackWatchWithNoTicketToFollowSaysSo() throws Exception {
        startSimulator("masstack");

        Watch watch = watch(providerOptions(List.of()));
        Run run = watch.stop();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("no ticket is followed").contains("--ticket");
    }

    @Test
    void atAFeedTheTicketOptionPrintsOnlyThatTicketsEvents() throws Exception {
        startSimulator("kosc");
        String wanted = openTicket();
        String other = openTicket();
        kosc().defer(other, "Which building?");
        kosc().defer(wanted, "Which floor?");

        Watch watch = watch(providerOptions(List.of(wanted)));
        watch.awaitLine(e -> wanted.equals(e.path("ticketId").asText()) && "WAITING_FOR_OPERATOR".equals(e.path("status").asText()));
        Run run = watch.stop();

        assertThat(run.jsonLines()).isNotEmpty().allSatisfy(e -> assertThat(e.path("ticketId").asText()).isEqualTo(wanted));
    }

    @Test
    void koscsOrderAndServiceFeedComesThroughTheSameWatch() throws Exception {
        startSimulator("kosc");
        kosc().emitOrderEvent("order-9", "order-info", Map.of("message", "Technician on site at 10:00"));

        Watch watch = watch(providerOptions(List.of()));
        JsonNode event = watch.awaitLine(e -> "PROVIDER_EVENT".equals(e.path("kind").asText()));
        watch.stop();

        assertThat(event.get("providerType").asText()).isEqualTo("order-info");
        assertThat(event.get("comment").asText()).isEqualTo("Technician on site at 10:00");
        assertThat(event.get("provider").get("object_uuid").asText()).isEqualTo("order-9");
    }

    @Test
    void fromNowLeavesOutWhatHappenedBefore() throws Exception {
        startSimulator("kosc");
        String earlier = openTicket();
        kosc().defer(earlier, "Asked before the watch");

        Watch watch = watch(with(providerOptions(List.of()), "--from", "now"));
        String later = openTicket();
        kosc().defer(later, "Asked while watching");
        watch.awaitLine(e -> later.equals(e.path("ticketId").asText()) && "WAITING_FOR_OPERATOR".equals(e.path("status").asText()));
        Run run = watch.stop();

        assertThat(run.jsonLines()).noneMatch(e -> earlier.equals(e.path("ticketId").asText()));
    }

    // ------------------------------------------------------------------ exit

    @Test
    void onSigtermAWatchWithNothingKeptRemovesItsNexeraHubBeforeTheJvmGoes() throws Exception {
        startSimulator("nexera");
        Child watch = child(providerOptions(List.of()));
        watch.awaitErr("ticketctl: watching");
        assertThat(nexera().hubs()).hasSize(1);

        watch.process.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hooks run
        assertThat(watch.process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(nexera().hubs()).as("the hook waited for the subscription to be cancelled").isEmpty();
    }

    @Test
    void stopAfterEndsTheWatchWithExitCode0() throws Exception {
        startSimulator("kosc");

        Run run = runWatch(with(providerOptions(List.of()), "--stop-after", "1"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("ticketctl: watching kosc as 'ticketctl-kosc' (nothing kept)");
    }

    // ------------------------------------------------------------------ usage errors, nothing sent

    @Test
    void pushOptionsGivenToAPolledProviderAreAUsageErrorNamingThem() {
        startSimulator("kosc");
        int requests = simulator.server().requestCount();

        Run listen = runWatch(with(providerOptions(List.of()), "--listen", "127.0.0.1:8443"));
        Run both = runWatch(with(providerOptions(List.of()), "--listen", "127.0.0.1:8443", "--callback-url", "https://backoffice.example/tt"));

        assertThat(listen.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(listen.err()).isEqualTo("ticketctl: --listen is for providers that push their events; kosc is polled (see --interval)"
                + System.lineSeparator());
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--listen and --callback-url are for providers that push their events");
        assertThat(simulator.server().requestCount()).isEqualTo(requests);
    }

    @Test
    void aPushProviderWithoutAnAddressToListenOnIsAUsageErrorSayingWhichOption() {
        startSimulator("nexera");

        Run run = runWatch(List.of());
        Run withInterval = runWatch(List.of("--listen", "127.0.0.1:0", "--interval", "5"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("ticketctl: nexera pushes its events: give --listen HOST:PORT");
        assertThat(withInterval.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(withInterval.err()).contains("--interval is for providers that are polled");
        assertThat(nexera().hubs()).isEmpty();
    }

    @Test
    void anUnreadableFromOrIntervalIsAUsageError() {
        startSimulator("kosc");

        Run from = runWatch(with(providerOptions(List.of()), "--from", "yesterday"));
        Run interval = runWatch(List.of("--interval", "0"));

        assertThat(from.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(from.err()).contains("--from wants an ISO instant").contains("'yesterday'");
        assertThat(interval.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(interval.err()).contains("--interval must be at least 1 second");
    }

    // ------------------------------------------------------------------ helpers

    private void startSimulator(String provider) {
        simulator = ProviderSimulators.create(provider).start(0);
        providerSide = TicketingClients.create(provider, simulator.clientSettings());
    }

    private KoscSimulator kosc() {
        return (KoscSimulator) simulator;
    }

    private NexeraSimulator nexera() {
        return (NexeraSimulator) simulator;
    }

    /** A ticket opened by another client than the watch's, as by another part of the back office. */
    private String openTicket() {
        String reference = "W" + UUID.randomUUID().toString().substring(0, 8);
        return providerSide.create(simulator.sampleCreateRequest(reference)).id();
    }

    /** What each provider needs to be watched in a test: a short interval when polled, an address when it pushes. */
    private List<String> providerOptions(List<String> tickets) {
        List<String> options = new ArrayList<>();
        if (simulator.provider().equals("nexera")) {
            if (listenPort == 0) {
                // One port for the whole test: a restarted watch listens where the provider's hub points.
                try (ServerSocket socket = new ServerSocket(0)) {
                    listenPort = socket.getLocalPort();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            options.addAll(List.of("--listen", "127.0.0.1:" + listenPort));
        } else {
            options.addAll(List.of("--interval", "1"));
        }
        tickets.forEach(id -> options.addAll(List.of("--ticket", id)));
        return options;
    }

    private static List<String> with(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all;
    }

    /** {@code watch} with the options, connected to the simulator as a user would type it. */
    private List<String> commandLine(List<String> options) {
        List<String> args = new ArrayList<>(List.of("watch"));
        args.addAll(options);
        args.addAll(List.of("--provider", simulator.provider(), "--output", "json"));
        ProviderSettings settings = simulator.clientSettings();
        settings.asMap().forEach((key, value) -> {
            switch (key) {
                case "baseUrl" -> args.addAll(List.of("--base-url", value));
                case "username" -> args.addAll(List.of("--username", value));
                case "password" -> args.addAll(List.of("--password", value));
                case "serviceAccountFile" -> args.addAll(List.of("--service-account", value));
                case "tokenUrl" -> args.addAll(List.of("--token-url", value));
                default -> args.addAll(List.of("--setting", key + "=" + value));
            }
        });
        return args;
    }

    private Run runWatch(List<String> options) {
        return TicketCtlEndToEndTest.run(Map.of(), commandLine(options));
    }

    private static List<String> identities(Run run) {
        List<String> ids = new ArrayList<>();
        for (JsonNode e : run.jsonLines()) {
            ids.add(e.path("ticketId").asText() + "/" + e.path("id").asText());
        }
        return ids;
    }

    private static void eventually(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Starts an in-process watch in the background and waits until it says it is watching. */
    private Watch watch(List<String> options) throws Exception {
        Watch watch = new Watch(commandLine(options));
        eventually("the watch to start; it printed: " + watch.err, () -> watch.err.toString().contains("ticketctl: watching")
                || watch.exit.isDone());
        if (watch.exit.isDone()) {
            Run run = watch.exit.get();
            throw new AssertionError("the watch ended at once with " + run.exitCode() + ": " + run.err());
        }
        return watch;
    }

    /** An in-process {@code ticketctl watch} running in the background. */
    private final class Watch {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CountDownLatch latch = new CountDownLatch(1);
        final Future<Run> exit;

        Watch(List<String> args) {
            WatchCommand.stop = latch;
            exit = pool.submit(() -> {
                int code = TicketCtl.run(args.toArray(String[]::new), Map.of(), new PrintWriter(out), new PrintWriter(err));
                return new Run(code, out.toString(), err.toString());
            });
        }

        /** The first complete JSON line that matches, once printed. */
        JsonNode awaitLine(Predicate<JsonNode> wanted) throws InterruptedException {
            JsonNode[] found = new JsonNode[1];
            eventually("a matching line; printed so far:\n" + out + err, () -> {
                String text = out.toString();
                Run sofar = new Run(0, text.substring(0, text.lastIndexOf('\n') + 1), "");
                for (JsonNode line : sofar.jsonLines()) {
                    if (wanted.test(line)) {
                        found[0] = line;
                        return true;
                    }
                }
                return exit.isDone();
            });
            assertThat(found[0]).as("the watch ended: " + err).isNotNull();
            return found[0];
        }

        /** Stops it as Ctrl-C does and answers what it printed. */
        Run stop() throws Exception {
            latch.countDown();
            return exit.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Starts {@code ticketctl watch} in a child JVM (a process of its own, for file locks and signals). */
    private Child child(List<String> options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TicketCtl.class.getName()));
        command.addAll(commandLine(options));
        Process process = new ProcessBuilder(command).start();
        children.add(process);
        return new Child(process);
    }

    /** A child JVM and what it printed so far. */
    private final class Child {
        final Process process;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();

        Child(Process process) {
            this.process = process;
            pool.submit(() -> copy(process.getInputStream(), out));
            pool.submit(() -> copy(process.getErrorStream(), err));
        }

        void awaitErr(String text) throws InterruptedException {
            eventually("the child to print '" + text + "'; it printed: " + errText(), () -> errText().contains(text) || !process.isAlive());
            assertThat(errText()).as("the child ended").contains(text);
        }

        String errText() {
            synchronized (err) {
                return err.toString(StandardCharsets.UTF_8);
            }
        }

        private Void copy(InputStream from, ByteArrayOutputStream to) {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = from.read(buffer)) > 0; ) {
                    synchronized (to) {
                        to.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        }
    }
}
