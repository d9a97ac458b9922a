package dev.troubleticket.reliability;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.store.FollowedTicket;
import dev.troubleticket.core.subscription.store.HubRegistration;
import dev.troubleticket.reliability.FleetInstance.Mode;
import dev.troubleticket.store.jdbc.JdbcSubscriptionStore;
import dev.troubleticket.store.jdbc.testing.EmbeddedDatabase;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import dev.troubleticket.testkit.nexera.CallbackDelivery;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet of three instances, each a JVM of its own ({@link FleetInstance}), sharing one subscription per provider
 * and mode on one PostgreSQL (the embedded server runs in this JVM, so that a killed instance leaves no server behind):
 * Kosc's ticket stream and feed and MasStack's followed tickets are read by the lease holder only, Nexera's
 * notifications reach whichever instance the round-robin proxy in front of the receivers picks, and the hub is
 * registered once for the fleet, at the proxy's URL. While the simulators produce events, instances are killed with
 * SIGKILL (and started again under a new name) and paused with SIGSTOP for longer than the lease. Nothing is lost in
 * either mode; the transactional handler's writes are there once per event; the at-least-once handler's repeats are
 * counted; every failover (from the holder's death or pause to the next event handled by another instance) stays
 * within twice the lease's time to live plus an allowance.
 */
@ExtendWith({ReliabilityReport.class, SecretRegistry.class})
class FleetChaosTest {
    private static final boolean SOAK = Boolean.getBoolean("soak");
    private static final Duration TTL = Duration.ofMillis(1500);
    private static final long RUN_MILLIS = SOAK ? 600_000 : 90_000;
    /** No kill or pause in the last stretch of the run, so that the last failover has events to show it. */
    private static final long QUIET_END_MILLIS = 12_000;
    private static final long DRAIN_MILLIS = 45_000;
    private static final int INSTANCES = 3;
    private static final int MASSTACK_TICKETS = 24;
    /**
     * A failover takes up to the lease's time to live (the dead holder's last renewal may be that recent) plus a third
     * of it (the others try to take it every third); the allowance on top of 2 x TTL covers what follows the takeover
     * before an event is handled: the new holder's first read of the stream (a MasStack re-read is spread over its
     * 1 s interval), the shared inbox's poll, a handler's commit, and scheduling on a machine of 2 cores shared by four
     * JVMs and the database.
     */
    private static final Duration FAILOVER_LIMIT = TTL.multipliedBy(2).plusSeconds(2);
    private static final Mode[] MODES = Mode.values();
    private static final List<String> PROVIDERS = List.of("kosc", "masstack", "nexera");

    @Test
    void aFleetSharingPostgresLosesNoEventThroughKillsAndPausesAndTheTransactionalHandlerRepeatsNone(@TempDir Path dir)
            throws Exception {
        long began = System.nanoTime();
        EmbeddedDatabase db = EmbeddedDatabase.shared();
        String prefix = EmbeddedDatabase.uniquePrefix();
        String handled = prefix + FleetInstance.HANDLED;
        Random random = new Random(FaultPlans.SEED + 621);
        try (JdbcSubscriptionStore store = JdbcSubscriptionStore.builder(db.dataSource()).tablePrefix(prefix).build();
             Connection sql = db.dataSource().getConnection();
             KoscSimulator kosc = new KoscSimulator();
             MasStackSimulator masstack = new MasStackSimulator();
             // A receiver down for a restart gets what it missed: the provider tries each notification for about 40 s.
             NexeraSimulator nexera = new NexeraSimulator().callbackRetries(12, Duration.ofMillis(20))) {
            store.migrate();
            try (Statement ddl = sql.createStatement()) {
                ddl.execute(FleetInstance.handledDdl(handled));
            }
            kosc.start(0);
            masstack.start(0);
            nexera.start(0);
            Map<String, Map<String, String>> settings = Map.of("kosc", kosc.clientSettings().asMap(),
                    "masstack", masstack.clientSettings().asMap(), "nexera", nexera.tokenClientSettings().asMap());
            List<String> secrets = List.of(KoscSimulator.PASSWORD, NexeraSimulator.PASSWORD, NexeraSimulator.CLIENT_SECRET,
                    PrivateKeyText.body(masstack.serviceAccountJson()));
            SecretRegistry.register(secrets);

            // Each instance's receivers, one per Nexera subscription, behind one proxy per subscription.
            Map<String, List<Integer>> callbackPorts = new LinkedHashMap<>();
            Map<String, RoundRobinProxy> proxies = new LinkedHashMap<>();
            for (Mode mode : MODES) {
                String name = FleetInstance.subscriptionName("nexera", mode);
                List<Integer> ports = new ArrayList<>();
                for (int i = 0; i < INSTANCES; i++) {
                    ports.add(freePort());
                }
                callbackPorts.put(name, ports);
                proxies.put(name, new RoundRobinProxy(ports.stream().map(p -> "http://127.0.0.1:" + p).toList()));
            }

            // MasStack has neither feed nor push: its tickets are opened first and followed through the store, so that
            // every instance starts with them (a start-up follow list).
            Outcomes outcomes = new Outcomes(Harness.CALL_TIMEOUT.plus(Harness.BUDGET_SLACK));
            List<String> masstackTickets = new ArrayList<>();
            try (TicketingClient client = TicketingClients.create("masstack", ProviderSettings.of(settings.get("masstack")))) {
                for (int i = 0; i < MASSTACK_TICKETS; i++) {
                    outcomes.call("create", () -> client.create(masstack.sampleCreateRequest("FLEET-M-" + masstackTickets.size())))
                            .ifPresent(t -> masstackTickets.add(t.id()));
                }
            }
            for (Mode mode : MODES) {
                for (String id : masstackTickets) {
                    store.follow(FleetInstance.subscriptionName("masstack", mode), new FollowedTicket(id, null, Instant.now()));
                }
            }

            List<FleetProcess> fleet = new ArrayList<>();
            for (int slot = 0; slot < INSTANCES; slot++) {
                Path file = dir.resolve("instance-" + slot + ".properties");
                int index = slot;
                FleetProcess process = new FleetProcess(slot, file, dir.resolve("instance-" + slot + ".log"), db.password());
                fleet.add(process);
                process.start(owner -> writeSettings(file, owner, db, prefix, settings, callbackPorts, proxies, index));
            }

            Production production = new Production(kosc, masstack, nexera, settings, masstackTickets, sql, handled, outcomes);
            List<Failover> failovers = new CopyOnWriteArrayList<>();
            AtomicLong kills = new AtomicLong();
            AtomicLong pauses = new AtomicLong();
            long runStart = System.currentTimeMillis();
            Thread chaos = new Thread(() -> chaos(fleet, random, runStart, sql, prefix, failovers, kills, pauses,
                    dir, db, settings, callbackPorts, proxies), "fleet-chaos");
            production.start();
            chaos.start();
            Thread.sleep(RUN_MILLIS);
            production.stop();
            chaos.join(60_000);
            long produced = production.produced();

            // Drain: everything the simulators produced handled by each subscription.
            Map<String, Tally> tallies = new LinkedHashMap<>();
            BooleanSupplier drained = () -> {
                tallies.clear();
                for (String provider : PROVIDERS) {
                    for (Mode mode : MODES) {
                        String name = FleetInstance.subscriptionName(provider, mode);
                        tallies.put(name, tally(provider, name, sql, handled, production, store, nexera));
                    }
                }
                return tallies.values().stream().allMatch(t -> t.lost() == 0);
            };
            long drainStart = System.nanoTime();
            while (!drained.getAsBoolean() && System.nanoTime() - drainStart < DRAIN_MILLIS * 1_000_000) {
                Thread.sleep(500);
            }
            // A stray repeat from an instance that was paused has had time to arrive by now; stop the fleet cleanly.
            Thread.sleep(TTL.toMillis());
            List<Integer> exits = new ArrayList<>();
            for (FleetProcess process : fleet) {
                exits.add(process.stop());
            }
            drained.getAsBoolean();

            // Failovers: the first event another instance handled after the holder was killed or paused.
            for (Failover failover : failovers) {
                failover.measure(sql, handled);
            }
            String childLogs = readLogs(fleet);
            keepLogs(fleet);
            double seconds = (System.nanoTime() - began) / 1e9;
            report(tallies, failovers, produced, kills.get(), pauses.get(), proxies, production, seconds, random);

            assertThat(exits).as("exit codes of the clean stops").containsOnly(0);
            assertThat(kills.get()).as("kills").isGreaterThanOrEqualTo(SOAK ? 10 : 2);
            assertThat(pauses.get()).as("pauses").isGreaterThanOrEqualTo(SOAK ? 10 : 2);
            assertThat(produced).as("events the simulators produced").isGreaterThanOrEqualTo(10_000);
            tallies.forEach((name, tally) -> {
                assertThat(tally.lost()).as("%s: events lost (%s)", name, tally.lostDetail()).isZero();
                assertThat(tally.outOfOrder()).as("%s: tickets or orders whose events came out of order", name).isEmpty();
            });
            for (String provider : PROVIDERS) {
                String name = FleetInstance.subscriptionName(provider, Mode.TRANSACTIONAL);
                assertThat(tallies.get(name).duplicates()).as("%s: events whose effect is there twice", name).isZero();
            }
            // MasStack's events are found by comparing a ticket with its stored state: a new holder that compared with
            // an older one would tell a step again under another id, which no seen window can recognise.
            String masstackTransactional = FleetInstance.subscriptionName("masstack", Mode.TRANSACTIONAL);
            assertThat(tallies.get(masstackTransactional).repeatedSteps())
                    .as("%s: steps told again under a new event id", masstackTransactional).isZero();
            assertThat(nexera.hubs()).as("Nexera hubs (one per subscription, for the whole fleet)").hasSize(MODES.length);
            assertThat(failovers.stream().filter(f -> f.gap() != null)).as("failovers measured").isNotEmpty();
            for (Failover failover : failovers) {
                assertThat(failover.gap()).as("failover of %s", failover).isNotNull()
                        .isLessThanOrEqualTo(FAILOVER_LIMIT);
            }
            for (String secret : secrets) {
                assertThat(childLogs).as("the instances' logs").doesNotContain(secret);
            }
            proxies.values().forEach(RoundRobinProxy::close);
        }
    }

    // ------------------------------------------------------------------ chaos

    private static void chaos(List<FleetProcess> fleet, Random random, long runStart, Connection sql, String prefix,
                              List<Failover> failovers, AtomicLong kills, AtomicLong pauses,
                              Path dir, EmbeddedDatabase db,
                              Map<String, Map<String, String>> settings, Map<String, List<Integer>> callbackPorts,
                              Map<String, RoundRobinProxy> proxies) {
        try {
            boolean kill = random.nextBoolean();
            while (true) {
                Thread.sleep(6_000 + random.nextInt(8_000));
                if (System.currentTimeMillis() - runStart > RUN_MILLIS - QUIET_END_MILLIS) {
                    return;
                }
                // The victim: the instance holding the most leases (ties broken by the seed), so that it fails over.
                Map<String, List<String>> held = leasesByOwner(sql, prefix);
                List<Integer> slots = new ArrayList<>(List.of(0, 1, 2));
                Collections.shuffle(slots, random);
                int victim = slots.stream().max((a, b) -> Integer.compare(
                        held.getOrDefault(fleet.get(a).owner(), List.of()).size(),
                        held.getOrDefault(fleet.get(b).owner(), List.of()).size())).orElseThrow();
                FleetProcess process = fleet.get(victim);
                String owner = process.owner();
                Instant at = Instant.now();
                for (String subscription : held.getOrDefault(owner, List.of())) {
                    failovers.add(new Failover(subscription, owner, kill ? "kill" : "pause", at));
                }
                if (kill) {
                    process.kill();
                    kills.incrementAndGet();
                    Thread.sleep(500 + random.nextInt(1_500));
                    Path file = dir.resolve("instance-" + victim + ".properties");
                    process.start(next -> writeSettings(file, next, db, prefix, settings, callbackPorts, proxies, victim));
                } else {
                    process.pause();
                    pauses.incrementAndGet();
                    Thread.sleep(TTL.toMillis() * 2 + random.nextInt((int) TTL.toMillis()));
                    process.resume();
                }
                kill = !kill;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The live leases, by owner: the subscriptions each instance reads now. */
    private static Map<String, List<String>> leasesByOwner(Connection sql, String prefix) throws SQLException {
        Map<String, List<String>> byOwner = new HashMap<>();
        synchronized (sql) {
            try (Statement query = sql.createStatement();
                 ResultSet rows = query.executeQuery("SELECT subscription, owner FROM " + prefix
                         + "lease WHERE NOT released AND expires_at > clock_timestamp()")) {
                while (rows.next()) {
                    byOwner.computeIfAbsent(rows.getString(2), o -> new ArrayList<>()).add(rows.getString(1));
                }
            }
        }
        return byOwner;
    }

    /** One subscription's failover after its holder was killed or paused. */
    private static final class Failover {
        final String subscription;
        final String victim;
        final String how;
        final Instant at;
        private volatile Duration gap;
        private volatile String by;

        Failover(String subscription, String victim, String how, Instant at) {
            this.subscription = subscription;
            this.victim = victim;
            this.how = how;
            this.at = at;
        }

        void measure(Connection sql, String handled) throws SQLException {
            synchronized (sql) {
                try (PreparedStatement query = sql.prepareStatement("SELECT handled_at, instance FROM " + handled
                        + " WHERE subscription = ? AND instance <> ? AND handled_at > ? ORDER BY handled_at LIMIT 1")) {
                    query.setString(1, subscription);
                    query.setString(2, victim);
                    query.setObject(3, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
                    try (ResultSet row = query.executeQuery()) {
                        if (row.next()) {
                            gap = Duration.between(at, row.getObject(1, java.time.OffsetDateTime.class).toInstant());
                            by = row.getString(2);
                        }
                    }
                }
            }
        }

        Duration gap() {
            return gap;
        }

        @Override
        public String toString() {
            return subscription + " after the " + how + " of " + victim + " at " + at + ": next event by " + by + " after "
                    + (gap == null ? "never" : gap.toMillis() + " ms");
        }
    }

    // ------------------------------------------------------------------ the simulators' side

    /** Drives the three simulators on threads of their own and keeps what each produced. */
    private static final class Production {
        private final KoscSimulator kosc;
        private final MasStackSimulator masstack;
        private final NexeraSimulator nexera;
        private final Map<String, Map<String, String>> settings;
        private final List<String> masstackTickets;
        private final Connection sql;
        private final String handled;
        private final Outcomes outcomes;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        final List<String> koscTickets = new CopyOnWriteArrayList<>();
        /** Kosc's feed events, in the order emitted, with their order. */
        final List<String[]> koscOrderEvents = new CopyOnWriteArrayList<>();
        final List<String> nexeraTickets = new CopyOnWriteArrayList<>();
        /** Per MasStack ticket, what each step made it show: a status name or a dialog text. */
        final Map<String, List<String>> masstackSteps = new java.util.concurrent.ConcurrentHashMap<>();
        final AtomicLong operations = new AtomicLong();

        Production(KoscSimulator kosc, MasStackSimulator masstack, NexeraSimulator nexera,
                   Map<String, Map<String, String>> settings, List<String> masstackTickets, Connection sql, String handled,
                   Outcomes outcomes) {
            this.kosc = kosc;
            this.masstack = masstack;
            this.nexera = nexera;
            this.settings = settings;
            this.masstackTickets = masstackTickets;
            this.sql = sql;
            this.handled = handled;
            this.outcomes = outcomes;
            masstackTickets.forEach(id -> masstackSteps.put(id, new CopyOnWriteArrayList<>(List.of("observed"))));
        }

        void start() {
            threads.add(new Thread(this::kosc, "fleet-kosc-producer"));
            threads.add(new Thread(this::nexera, "fleet-nexera-producer"));
            threads.add(new Thread(this::masstack, "fleet-masstack-producer"));
            threads.forEach(Thread::start);
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(30_000);
            }
        }

        /** Events produced in all: Kosc's ticket and feed events, Nexera's notifications, MasStack's steps. */
        long produced() {
            long koscEvents = koscTickets.stream().mapToLong(kosc::ticketEventCount).sum() + koscOrderEvents.size();
            long nexeraEvents = nexera.deliveries().stream().map(CallbackDelivery::eventId).distinct().count();
            long masstackEvents = masstackSteps.values().stream().mapToLong(List::size).sum();
            return koscEvents + nexeraEvents + masstackEvents;
        }

        /**
         * Kosc: two tickets opened a round, a dozen open ones commented on, each deferred, cleared and closed as it
         * ages, and two order events on the feed.
         */
        private void kosc() {
            int round = 0;
            List<String> live = new ArrayList<>();
            Map<String, Integer> age = new HashMap<>();
            while (running.get()) {
                List<String> opened = kosc.seedTickets(2);
                koscTickets.addAll(opened);
                live.addAll(opened);
                opened.forEach(id -> age.put(id, 0));
                List<String> commented = live.subList(Math.max(0, live.size() - 12), live.size());
                List<String> open = commented.stream().filter(id -> !kosc.ticketStatus(id).equals("closed")).toList();
                if (!open.isEmpty()) {
                    kosc.addKoscComments(open, "round " + round);
                }
                for (String id : List.copyOf(live)) {
                    int a = age.merge(id, 1, Integer::sum);
                    if (a == 3) {
                        TicketSteps.providerSide(() -> kosc.defer(id, "which floor?"));
                    } else if (a == 5) {
                        TicketSteps.providerSide(() -> kosc.clear(id, "CLEARED", "fixed"));
                    } else if (a == 8) {
                        TicketSteps.providerSide(() -> kosc.closeAsKosc(id, "done"));
                        live.remove(id);
                    }
                }
                for (int i = 0; i < 2; i++) {
                    String order = "order-" + (round + i) % 5;
                    koscOrderEvents.add(new String[] {order, kosc.emitOrderEvent(order, "order-running", null)});
                }
                operations.addAndGet(4 + open.size());
                round++;
                sleep(200);
            }
        }

        /** Nexera: a ticket opened through the client a round; live ones changed, acknowledged, worked on, resolved. */
        private void nexera() {
            try (TicketingClient client = TicketingClients.create("nexera", ProviderSettings.of(settings.get("nexera")))) {
                int round = 0;
                List<String> live = new ArrayList<>();
                Map<String, Integer> age = new HashMap<>();
                while (running.get()) {
                    int n = round;
                    outcomes.call("create", () -> client.create(nexera.sampleCreateRequest("FLEET-N-" + n))).ifPresent(t -> {
                        nexeraTickets.add(t.id());
                        live.add(t.id());
                        age.put(t.id(), 0);
                    });
                    for (String id : List.copyOf(live)) {
                        int a = age.merge(id, 1, Integer::sum);
                        if (a == 2) {
                            TicketSteps.providerSide(() -> nexera.acknowledge(id));
                        } else if (a == 4) {
                            TicketSteps.providerSide(() -> nexera.startWork(id));
                        } else if (a == 12) {
                            TicketSteps.providerSide(() -> nexera.resolve(id, "fixed"));
                            live.remove(id);
                        } else {
                            TicketSteps.providerSide(() -> nexera.changeAttribute(id, "severity", "level-" + a));
                        }
                        operations.incrementAndGet();
                    }
                    operations.incrementAndGet();
                    round++;
                    sleep(200);
                }
            }
        }

        /**
         * MasStack: every followed ticket is given a new dialog, then taken a status further now and then, each step
         * waiting until both subscriptions told it (a re-read shows only the state a ticket is in when it is read).
         */
        private void masstack() {
            try (TicketingClient client = TicketingClients.create("masstack", ProviderSettings.of(settings.get("masstack")))) {
                awaitTold(masstackTickets);
                int step = 0;
                while (running.get()) {
                    step++;
                    List<String> done = new ArrayList<>();
                    for (String id : masstackTickets) {
                        String shown;
                        if (step == 3) {
                            shown = TicketSteps.providerSide(() -> masstack.askForInformation(id, "which floor?"))
                                    ? TicketStatus.WAITING_FOR_OPERATOR.name() : null;
                        } else if (step == 6) {
                            shown = TicketSteps.moveTo(outcomes, client, id, TicketStatus.IN_PROGRESS, "third floor")
                                    ? TicketStatus.IN_PROGRESS.name() : null;
                        } else {
                            String text = "dialog " + step + " of " + id;
                            shown = TicketSteps.providerSide(() -> masstack.writeDialog(id, text)) ? text : null;
                        }
                        operations.incrementAndGet();
                        if (shown != null) {
                            masstackSteps.get(id).add(shown);
                            done.add(id);
                        }
                    }
                    awaitTold(done);
                }
                for (String id : masstackTickets) {
                    if (TicketSteps.providerSide(() -> masstack.resolve(id, "connector replaced"))) {
                        masstackSteps.get(id).add(TicketStatus.RESOLVED.name());
                    }
                }
                awaitTold(masstackTickets);
                for (String id : masstackTickets) {
                    if (TicketSteps.moveTo(outcomes, client, id, TicketStatus.CLOSED, "thanks")) {
                        masstackSteps.get(id).add(TicketStatus.CLOSED.name());
                    }
                }
            }
        }

        /** Waits (up to 15 s) until both MasStack subscriptions told the last step of each of these tickets. */
        private void awaitTold(List<String> tickets) {
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (System.nanoTime() < deadline) {
                boolean all = true;
                for (Mode mode : MODES) {
                    Map<String, List<String>> told = masstackTold(sql, handled, FleetInstance.subscriptionName("masstack", mode));
                    for (String id : tickets) {
                        List<String> steps = masstackSteps.get(id);
                        all &= told.getOrDefault(id, List.of()).contains(steps.get(steps.size() - 1));
                    }
                }
                if (all) {
                    return;
                }
                sleep(200);
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * What a MasStack subscription told per ticket, each distinct event once, in the order first handled: its first
     * sight ({@code observed}), the statuses it changed to, its dialogs.
     */
    private static Map<String, List<String>> masstackTold(Connection sql, String handled, String subscription) {
        Map<String, List<String>> told = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Row row : rows(sql, handled, subscription)) {
            List<String> shown = told.computeIfAbsent(row.ticketId, t -> new ArrayList<>());
            if (seen.add(row.eventId)) {
                if ("COMMENT".equals(row.kind)) {
                    shown.add(row.comment);
                } else {
                    // A status change tells the status, and the dialog when it changed too.
                    shown.add(shown.isEmpty() ? "observed" : row.status);
                    if (row.comment != null && !shown.contains(row.comment)) {
                        shown.add(row.comment);
                    }
                }
            }
        }
        return told;
    }

    // ------------------------------------------------------------------ counting

    private record Row(long seq, String eventId, String ticketId, String kind, String status, String comment,
                       String instance) {
    }

    private static List<Row> rows(Connection sql, String handled, String subscription) {
        List<Row> rows = new ArrayList<>();
        synchronized (sql) {
            try (PreparedStatement query = sql.prepareStatement("SELECT seq, event_id, ticket_id, kind, status, comment, instance"
                    + " FROM " + handled + " WHERE subscription = ? ORDER BY seq")) {
                query.setString(1, subscription);
                try (ResultSet r = query.executeQuery()) {
                    while (r.next()) {
                        rows.add(new Row(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                r.getString(6), r.getString(7)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return rows;
    }

    /**
     * One subscription's count: the events its provider produced, how many distinct ones were handled, how many of
     * those produced never were, how many handlings were repeats, and the tickets (or orders) whose events were first
     * handled in another order than produced.
     */
    private record Tally(String provider, String subscription, long expected, long distinct, long lost, String lostDetail,
                         long duplicates, long repeatedSteps, Map<String, List<String>> outOfOrder, Set<String> instances) {
    }

    private static Tally tally(String provider, String subscription, Connection sql, String handled, Production production,
                               JdbcSubscriptionStore store, NexeraSimulator nexera) {
        List<Row> rows = rows(sql, handled, subscription);
        Map<String, Row> first = new LinkedHashMap<>();
        for (Row row : rows) {
            first.putIfAbsent(row.ticketId + "/" + row.eventId, row);
        }
        long duplicates = rows.size() - first.size();
        Set<String> instances = new java.util.TreeSet<>();
        rows.forEach(r -> instances.add(r.instance));
        Map<String, List<String>> outOfOrder = new LinkedHashMap<>();
        long expected;
        long lost;
        String detail;
        long repeatedSteps = 0;
        switch (provider) {
            case "kosc" -> {
                Map<String, Integer> perTicket = new HashMap<>();
                Map<String, List<Long>> idsPerTicket = new HashMap<>();
                Set<String> eventIds = new HashSet<>();
                for (Row row : first.values()) {
                    eventIds.add(row.eventId);
                    if (row.ticketId != null) {
                        perTicket.merge(row.ticketId, 1, Integer::sum);
                        try {
                            idsPerTicket.computeIfAbsent(row.ticketId, t -> new ArrayList<>()).add(Long.parseLong(row.eventId));
                        } catch (NumberFormatException notNumeric) {
                            // only numeric ids have an order to check
                        }
                    }
                }
                long ticketEvents = 0;
                long ticketLost = 0;
                for (String id : production.koscTickets) {
                    int count = production.kosc.ticketEventCount(id);
                    ticketEvents += count;
                    ticketLost += Math.max(0, count - perTicket.getOrDefault(id, 0));
                }
                long feedLost = production.koscOrderEvents.stream().filter(e -> !eventIds.contains(e[1])).count();
                expected = ticketEvents + production.koscOrderEvents.size();
                lost = ticketLost + feedLost;
                detail = ticketLost + " ticket events, " + feedLost + " feed events";
                idsPerTicket.forEach((ticket, ids) -> {
                    List<Long> sorted = new ArrayList<>(ids);
                    Collections.sort(sorted);
                    if (!sorted.equals(ids)) {
                        outOfOrder.put(ticket, ids.stream().map(String::valueOf).toList());
                    }
                });
                Map<String, List<String>> emittedByOrder = new HashMap<>();
                production.koscOrderEvents.forEach(e -> emittedByOrder.computeIfAbsent(e[0], o -> new ArrayList<>()).add(e[1]));
                List<String> handledOrder = first.values().stream().map(Row::eventId).toList();
                emittedByOrder.forEach((order, emitted) -> {
                    Set<String> ofOrder = Set.copyOf(emitted);
                    List<String> seen = handledOrder.stream().filter(ofOrder::contains).toList();
                    if (!seen.equals(emitted.stream().filter(Set.copyOf(seen)::contains).toList())) {
                        outOfOrder.put(order, seen);
                    }
                });
            }
            case "nexera" -> {
                String hub = store.hub(subscription).map(HubRegistration::hubId).orElse(null);
                Set<String> eventIds = new HashSet<>();
                first.values().forEach(r -> eventIds.add(r.eventId));
                List<CallbackDelivery> sent = nexera.deliveries().stream().filter(d -> d.hubId().equals(hub)).toList();
                long givenUp = sent.stream().filter(d -> !d.delivered()).count();
                long missed = sent.stream().filter(CallbackDelivery::delivered).filter(d -> !eventIds.contains(d.eventId())).count();
                expected = sent.size();
                lost = givenUp + missed;
                detail = "hub " + hub + ": " + givenUp + " given up by the provider, " + missed + " answered 2xx but never handled";
            }
            default -> {
                Map<String, List<String>> told = masstackTold(sql, handled, subscription);
                long steps = 0;
                long missed = 0;
                long retold = 0;
                List<String> missing = new ArrayList<>();
                for (String id : production.masstackTickets) {
                    List<String> made = production.masstackSteps.get(id);
                    List<String> shown = told.getOrDefault(id, List.of());
                    steps += made.size();
                    for (String step : made) {
                        if (!shown.contains(step)) {
                            missed++;
                            if (missing.size() < 5) {
                                missing.add(id + ": " + step);
                            }
                        }
                    }
                    // The statuses the steps made, in the order made, among those told (after the first sight's).
                    List<String> statuses = shown.stream().skip(1).filter(FleetChaosTest::isStatus).toList();
                    List<String> madeStatuses = made.stream().filter(FleetChaosTest::isStatus).toList();
                    if (!isSubsequence(madeStatuses, statuses)) {
                        outOfOrder.put(id, statuses);
                    }
                    retold += shown.size() - new HashSet<>(shown).size();
                }
                expected = steps;
                lost = missed;
                detail = missed + " steps never told " + missing;
                repeatedSteps = retold;
            }
        }
        return new Tally(provider, subscription, expected, first.size(), lost, detail, duplicates, repeatedSteps, outOfOrder,
                instances);
    }

    /** Whether {@code expected} appears in {@code actual} in its order, other items between allowed. */
    private static boolean isSubsequence(List<String> expected, List<String> actual) {
        int i = 0;
        for (String item : actual) {
            if (i < expected.size() && expected.get(i).equals(item)) {
                i++;
            }
        }
        return i == expected.size();
    }

    private static boolean isStatus(String shown) {
        try {
            TicketStatus.valueOf(shown);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ report

    private static void report(Map<String, Tally> tallies, List<Failover> failovers, long produced, long kills, long pauses,
                               Map<String, RoundRobinProxy> proxies, Production production, double seconds, Random random) {
        String section = "Fleet (3 instances, PostgreSQL)";
        ReliabilityReport.line(section, String.format("%d operations at the simulators, %d events produced, %d kills (SIGKILL,"
                        + " restarted under a new name), %d pauses (SIGSTOP for 2-3 x TTL %d ms), %d failovers, longest %s ms,"
                        + " proxy: %d notifications placed, %d tries passed to the next instance; in %.0f s",
                production.operations.get(), produced, kills, pauses, TTL.toMillis(), failovers.size(),
                failovers.stream().map(Failover::gap).filter(g -> g != null).max(Duration::compareTo)
                        .map(g -> String.valueOf(g.toMillis())).orElse("-"),
                proxies.values().stream().mapToLong(RoundRobinProxy::forwarded).sum(),
                proxies.values().stream().mapToLong(RoundRobinProxy::failedOver).sum(), seconds));
        tallies.forEach((name, t) -> {
            List<Failover> own = failovers.stream().filter(f -> f.subscription.equals(name)).toList();
            String mode = name.substring(("fleet-" + t.provider() + "-").length());
            ReliabilityReport.line(section, String.format("%-9s %-13s %6d events, %6d handled (distinct), %d lost, %4d handled"
                            + " twice, %d failovers (longest %s ms), handled by %d instances%s",
                    t.provider(), mode, t.expected(), t.distinct(), t.lost(), t.duplicates(), own.size(),
                    own.stream().map(Failover::gap).filter(g -> g != null).max(Duration::compareTo)
                            .map(g -> String.valueOf(g.toMillis())).orElse("-"), t.instances().size(),
                    t.provider().equals("masstack") ? String.format(", %d steps told again under a new event id",
                            t.repeatedSteps()) : ""));
            ReliabilityReport.row(t.provider()).subscription(0, mode.equals("at-least-once") ? t.duplicates() : 0)
                    .losses(0, t.lost(), 0);
        });
    }

    // ------------------------------------------------------------------ set-up

    private static void writeSettings(Path file, String owner, EmbeddedDatabase db, String prefix,
                                      Map<String, Map<String, String>> settings, Map<String, List<Integer>> callbackPorts,
                                      Map<String, RoundRobinProxy> proxies, int slot) {
        Properties properties = new Properties();
        properties.setProperty("owner", owner);
        properties.setProperty("leaseTtlMillis", Long.toString(TTL.toMillis()));
        properties.setProperty("db.url", db.jdbcUrl());
        properties.setProperty("db.user", db.user());
        properties.setProperty("db.tablePrefix", prefix);
        settings.forEach((provider, values) -> values.forEach((key, value) -> properties.setProperty(provider + "." + key, value)));
        properties.setProperty("kosc.pollMillis", "200");
        properties.setProperty("masstack.pollMillis", "1000");
        callbackPorts.forEach((name, ports) -> {
            properties.setProperty("callbackPort." + name, Integer.toString(ports.get(slot)));
            properties.setProperty("callbackUrl." + name, proxies.get(name).baseUrl() + "/listener");
        });
        try {
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(out, "fleet instance " + owner + " (holds the simulators' credentials)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Copies the instances' logs to {@code target/fleet-logs} (the temporary directory goes with the test). */
    private static void keepLogs(List<FleetProcess> fleet) throws IOException {
        Path kept = Path.of("target", "fleet-logs");
        Files.createDirectories(kept);
        for (FleetProcess process : fleet) {
            Files.copy(process.log(), kept.resolve(process.log().getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String readLogs(List<FleetProcess> fleet) throws IOException {
        StringBuilder all = new StringBuilder();
        for (FleetProcess process : fleet) {
            all.append(Files.readString(process.log(), StandardCharsets.UTF_8));
        }
        return all.toString();
    }
}
