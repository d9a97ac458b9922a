package dev.troubleticket.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.model.RawPayload;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.store.Commit;
import dev.troubleticket.core.subscription.store.DeadLetter;
import dev.troubleticket.examples.cli.TicketCtlEndToEndTest.Run;
import dev.troubleticket.store.jdbc.JdbcSubscriptionStore;
import dev.troubleticket.store.jdbc.testing.EmbeddedDatabase;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import java.io.StringWriter;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ticketctl watch --store jdbc:...} and {@code ticketctl store ...} against a real PostgreSQL server (embedded),
 * each test on tables of its own prefix, the watches against the Kosc simulator.
 */
class JdbcStoreCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The embedded server trusts local connections, so any password is accepted: this one must never be printed. */
    private static final String PASSWORD = "s3cret-Pa55word";

    private final EmbeddedDatabase db = EmbeddedDatabase.shared();
    private final String prefix = EmbeddedDatabase.uniquePrefix();
    private final String url = db.jdbcUrl() + "?user=" + db.user() + "&password=" + PASSWORD;
    private final KoscSimulator kosc = new KoscSimulator().start(0);
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Run> printed = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        WatchCommand.stop.countDown();
        WatchCommand.stop = new CountDownLatch(1);
        pool.shutdownNow();
        kosc.close();
        assertThat(printed).as("nothing printed shows the password")
                .allSatisfy(run -> assertThat(run.out() + run.err()).doesNotContain(PASSWORD));
    }

    // ------------------------------------------------------------------ store migrate / status

    @Test
    void migrateCreatesTheTablesOnceAndStatusShowsEachSubscriptionsLeaseAndProgress() throws Exception {
        Run migrate = store("migrate");
        Run again = store("migrate");
        Run empty = store("status");

        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).startsWith("applied schema versions 1, 2 to " + db.jdbcUrl() + "?user=postgres&password=****")
                .contains("(table prefix " + prefix + ")");
        assertThat(again.out()).startsWith("schema already at version 2");
        assertThat(empty.out()).contains("schema version 2").contains("no subscription yet");

        kosc.emitOrderEvent("order-1", "order-running", Map.of("message", "Technician booked"));
        Watch watch = watch(List.of("--name", "noc"));
        watch.awaitLine(e -> "order-1".equals(e.path("provider").path("object_uuid").asText()));
        Run status = store("status");
        watch.stop();
        Run afterStop = store("status", "--name", "noc");

        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("subscription 'noc'")
                .containsPattern("lease: +held \\(owner .+, token 1, expires ")
                .containsPattern("positions: +.*feed=")
                .contains("inbox:        0 waiting").contains("dead letters: 0");
        assertThat(afterStop.out()).containsPattern("lease: +released \\(owner .+, token 1,");
    }

    @Test
    void watchOnADatabaseWithoutTheTablesIsAUsageErrorSayingToRunMigrate() {
        int requests = kosc.server().requestCount();

        Run run = runWatch(List.of("--stop-after", "5"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("has no tables with prefix '" + prefix + "'")
                .contains("ticketctl store migrate --store " + db.jdbcUrl() + "?user=postgres&password=**** --prefix " + prefix);
        assertThat(kosc.server().requestCount()).as("nothing sent to the provider").isEqualTo(requests);
    }

    @Test
    void anUnreachableStoreSaysWhereAndWhyWithoutThePasswordOrAJavaClassName() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String unreachable = "jdbc:postgresql://127.0.0.1:" + closedPort + "/fleet";
        Map<String, String> env = Map.of(StoreUrl.USER_ENV, "noc", StoreUrl.PASSWORD_ENV, PASSWORD);

        Run status = record(TicketCtlEndToEndTest.run(env, List.of("store", "status", "--store", unreachable)));
        Run watch = record(TicketCtlEndToEndTest.run(env, with(commandLine(List.of()), "--store", unreachable + "?password=" + PASSWORD)));

        for (Run run : List.of(status, watch)) {
            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).contains("127.0.0.1:" + closedPort).contains("refused")
                    .doesNotContain("Exception").doesNotContain("org.postgresql").doesNotContain("\tat ");
        }
        assertThat(watch.err()).contains(unreachable + "?password=****");
    }

    // ------------------------------------------------------------------ watch

    @Test
    void aSecondWatchOnTheSameDatabasePrintsOnlyTheNewEvents() throws Exception {
        migrate();
        kosc.emitOrderEvent("order-1", "order-running", Map.of("message", "first"));

        Watch first = watch(List.of());
        first.awaitLine(e -> "order-1".equals(e.path("provider").path("object_uuid").asText()));
        Run before = first.stop();
        kosc.emitOrderEvent("order-2", "order-running", Map.of("message", "second"));
        Watch second = watch(List.of());
        second.awaitLine(e -> "order-2".equals(e.path("provider").path("object_uuid").asText()));
        Run after = second.stop();

        assertThat(before.exitCode()).as(before.err()).isZero();
        assertThat(before.err()).contains("(kept in " + db.jdbcUrl() + "?user=postgres&password=****)")
                .contains("this watch holds the lease of 'ticketctl-kosc'");
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(after.jsonLines()).as("order-1 was printed by the first watch")
                .noneMatch(e -> "order-1".equals(e.path("provider").path("object_uuid").asText()));
    }

    @Test
    void twoWatchesUnderOneNameShareItOnlyTheLeaseHolderPrintsAndTheOtherTakesOverWhenItStops() throws Exception {
        migrate();
        Watch holder = watch(List.of("--name", "fleet", "--lease-ttl", "1"));
        Watch standby = watch(List.of("--name", "fleet", "--lease-ttl", "1"));
        assertThat(standby.err.toString()).contains("another instance holds the lease of 'fleet': this watch waits");

        kosc.emitOrderEvent("order-1", "order-running", Map.of("message", "while both run"));
        holder.awaitLine(e -> "order-1".equals(e.path("provider").path("object_uuid").asText()));
        Run stopped = holder.stop();
        kosc.emitOrderEvent("order-2", "order-running", Map.of("message", "after the holder stopped"));
        standby.awaitLine(e -> "order-2".equals(e.path("provider").path("object_uuid").asText()));
        standby.awaitErr("this watch holds the lease of 'fleet': it reads the provider");
        Run tookOver = standby.stop();

        assertThat(stopped.exitCode()).as(stopped.err()).isZero();
        assertThat(tookOver.exitCode()).as(tookOver.err()).isZero();
        assertThat(tookOver.err()).contains("this watch holds the lease of 'fleet': it reads the provider");
        assertThat(tookOver.jsonLines()).as("order-1 was the holder's")
                .noneMatch(e -> "order-1".equals(e.path("provider").path("object_uuid").asText()));
        assertThat(stopped.jsonLines()).noneMatch(e -> "order-2".equals(e.path("provider").path("object_uuid").asText()));
    }

    // ------------------------------------------------------------------ dead letters

    @Test
    void deadLettersAreListedAndAWatchWithReplayDeadLettersPrintsThemAndEmptiesTheList() throws Exception {
        migrate();
        JdbcSubscriptionStore store = JdbcSubscriptionStore.builder(db.dataSource()).tablePrefix(prefix).build();
        TicketEvent event = new TicketEvent("kosc", "evt-7", "T-42", TicketEvent.Kind.COMMENT, Instant.parse("2026-03-02T08:00:00Z"),
                "noc", "parked comment", null, null, "comment", new RawPayload("kosc", "{\"event_uuid\":\"evt-7\"}"));
        Instant parkedAt = Instant.parse("2026-03-02T08:01:00Z");
        store.commit(null, Commit.handled("ticketctl-kosc", "feed:evt-7")
                .withDeadLetter(new DeadLetter("feed:evt-7", event, "java.io.IOException: disk full", 5, parkedAt)));

        Run listed = store("dead-letters", "--name", "ticketctl-kosc", "--output", "json");
        Run table = store("dead-letters", "--name", "ticketctl-kosc", "--output", "table");
        Watch watch = watch(List.of("--replay-dead-letters"));
        JsonNode replayed = watch.awaitLine(e -> "evt-7".equals(e.path("id").asText()));
        Run run = watch.stop();
        Run after = store("dead-letters", "--name", "ticketctl-kosc", "--output", "json");

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        JsonNode letter = listed.jsonLines().get(0);
        assertThat(listed.jsonLines()).hasSize(1);
        assertThat(letter.get("key").asText()).isEqualTo("feed:evt-7");
        assertThat(letter.get("ticketId").asText()).isEqualTo("T-42");
        assertThat(letter.get("error").asText()).isEqualTo("java.io.IOException: disk full");
        assertThat(letter.get("attempts").asInt()).isEqualTo(5);
        assertThat(letter.get("parkedAt").asText()).isEqualTo("2026-03-02T08:01:00Z");
        assertThat(letter.get("event").get("comment").asText()).isEqualTo("parked comment");
        assertThat(listed.err()).contains("ticketctl store replay --name ticketctl-kosc");
        assertThat(table.out()).contains("KEY").contains("feed:evt-7").contains("T-42").contains("disk full");
        assertThat(run.err()).contains("replaying 1 dead letter of 'ticketctl-kosc'");
        assertThat(replayed.get("comment").asText()).isEqualTo("parked comment");
        assertThat(after.exitCode()).isZero();
        assertThat(after.out()).as("removed once printed").isEmpty();
    }

    @Test
    void storeReplayHasTheRunningWatchReplayTheDeadLetterAndRefusesAnUnknownKey() throws Exception {
        migrate();
        JdbcSubscriptionStore store = JdbcSubscriptionStore.builder(db.dataSource()).tablePrefix(prefix).build();
        TicketEvent event = new TicketEvent("kosc", "evt-8", "T-43", TicketEvent.Kind.COMMENT, Instant.parse("2026-03-02T08:00:00Z"),
                "noc", "parked while the watch runs", null, null, "comment", new RawPayload("kosc", "{\"event_uuid\":\"evt-8\"}"));
        Watch watch = watch(List.of("--lease-ttl", "1"));
        store.commit(null, Commit.handled("ticketctl-kosc", "feed:evt-8")
                .withDeadLetter(new DeadLetter("feed:evt-8", event, "java.io.IOException: disk full", 5, Instant.now())));

        Run unknown = store("replay", "--name", "ticketctl-kosc", "feed:nope");
        Run neither = store("replay", "--name", "ticketctl-kosc");
        Run asked = store("replay", "--name", "ticketctl-kosc", "--all");
        JsonNode replayed = watch.awaitLine(e -> "evt-8".equals(e.path("id").asText()));
        Run run = watch.stop();
        Run after = store("dead-letters", "--name", "ticketctl-kosc", "--output", "json");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no dead letter of 'ticketctl-kosc' with key feed:nope");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("KEY ...").contains("--all");
        assertThat(asked.exitCode()).as(asked.err()).isZero();
        assertThat(asked.out()).contains("asked for the replay of 1 dead letter of 'ticketctl-kosc'");
        assertThat(replayed.get("comment").asText()).isEqualTo("parked while the watch runs");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(after.out()).as("removed once replayed").isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private void migrate() {
        assertThat(store("migrate").exitCode()).isZero();
    }

    private Run store(String command, String... options) {
        List<String> args = new ArrayList<>(List.of("store", command, "--store", url, "--prefix", prefix));
        args.addAll(List.of(options));
        return record(TicketCtlEndToEndTest.run(Map.of(), args));
    }

    private Run record(Run run) {
        synchronized (printed) {
            printed.add(run);
        }
        return run;
    }

    private static List<String> with(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all;
    }

    /** {@code watch} at the Kosc simulator, polled every second. */
    private List<String> commandLine(List<String> options) {
        List<String> args = new ArrayList<>(List.of("watch", "--interval", "1"));
        args.addAll(options);
        args.addAll(List.of("--provider", "kosc", "--output", "json"));
        ProviderSettings settings = kosc.clientSettings();
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

    /** {@code watch} with the test's database store. */
    private List<String> jdbcWatch(List<String> options) {
        return with(commandLine(options), "--store", url, "--prefix", prefix);
    }

    private Run runWatch(List<String> options) {
        return record(TicketCtlEndToEndTest.run(Map.of(), jdbcWatch(options)));
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

    /** Starts an in-process watch with the database store and waits until it says whether it holds the lease. */
    private Watch watch(List<String> options) throws Exception {
        Watch watch = new Watch(jdbcWatch(options));
        eventually("the watch to start; it printed: " + watch.err, () -> watch.err.toString().contains("the lease of")
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
                return record(new Run(code, out.toString(), err.toString()));
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

        void awaitErr(String text) throws InterruptedException {
            eventually("'" + text + "' on stderr; printed so far:\n" + err, () -> err.toString().contains(text) || exit.isDone());
        }

        /** Stops it as Ctrl-C does and answers what it printed. */
        Run stop() throws Exception {
            latch.countDown();
            return exit.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
