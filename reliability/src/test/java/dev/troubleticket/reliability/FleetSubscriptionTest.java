package dev.troubleticket.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.StartPosition;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketEventHandler;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.store.jdbc.JdbcSubscriptionStore;
import dev.troubleticket.store.jdbc.JdbcTicketEventHandler;
import dev.troubleticket.store.jdbc.testing.EmbeddedDatabase;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances in one JVM, each with its own {@link JdbcSubscriptionStore} on one PostgreSQL database, subscribing
 * under one name, as two back-office processes would: one reads and hands over, the other stands by and goes on from
 * where the first stopped; a ticket followed or a notification received on the standby is handled by the holder; the
 * fleet registers one hub; a transactional handler's writes happen once. {@code FleetChaosTest} does the same with
 * processes killed and paused; this one shows each rule alone.
 */
class FleetSubscriptionTest {
    private static final Duration TTL = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final EmbeddedDatabase database = EmbeddedDatabase.shared();
    private final String prefix = EmbeddedDatabase.uniquePrefix();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private <T extends AutoCloseable> T open(T resource) {
        opened.add(resource);
        return resource;
    }

    /** One instance's store: its own object and connections, on the shared database. */
    private JdbcSubscriptionStore store() {
        JdbcSubscriptionStore store = open(JdbcSubscriptionStore.builder(database.dataSource()).tablePrefix(prefix)
                .inboxPollInterval(Duration.ofMillis(50)).build());
        store.migrate();
        return store;
    }

    private static SubscriptionOptions.Builder options(String owner, JdbcSubscriptionStore store) {
        return SubscriptionOptions.builder("fleet").store(store).owner(owner).leaseTtl(TTL).pollInterval(Duration.ofMillis(100));
    }

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    private static List<String> ids(List<TicketEvent> events) {
        return events.stream().map(TicketEvent::id).toList();
    }

    @Test
    void theStandbyGoesOnFromWhereTheHolderStoppedWithNothingLostOrRepeated() throws Exception {
        KoscSimulator simulator = open(new KoscSimulator().start());
        List<String> tickets = simulator.seedTickets(3);
        List<TicketEvent> first = new CopyOnWriteArrayList<>();
        List<TicketEvent> second = new CopyOnWriteArrayList<>();
        TicketingClient clientA = open(TicketingClients.create("kosc", simulator.clientSettings()));
        TicketingClient clientB = open(TicketingClients.create("kosc", simulator.clientSettings()));
        TicketSubscription a = open(clientA.subscribe(first::add, options("a", store()).start(StartPosition.beginning()).build()));
        TicketSubscription b = open(clientB.subscribe(second::add, options("b", store()).start(StartPosition.beginning()).build()));
        a.start();
        b.start();
        int seeded = tickets.stream().mapToInt(simulator::ticketEventCount).sum();
        eventually("the seeded events handled by the holder", () -> first.size() == seeded);
        assertThat(a.health().holdsLease()).isTrue();
        assertThat(b.health().holdsLease()).isFalse();
        assertThat(second).as("the standby reads nothing").isEmpty();

        a.close();
        simulator.addKoscComments(tickets, "the engineer is on his way");
        eventually("the new events handled by the standby", () -> second.size() == tickets.size());
        assertThat(b.health().holdsLease()).isTrue();
        List<String> all = new ArrayList<>(ids(first));
        all.addAll(ids(second));
        assertThat(all).as("each event once").doesNotHaveDuplicates().hasSize(seeded + tickets.size());
    }

    @Test
    void aTicketFollowedOnTheStandbyIsReadByTheHolder() throws Exception {
        MasStackSimulator simulator = open(new MasStackSimulator().start(0));
        List<TicketEvent> first = new CopyOnWriteArrayList<>();
        List<TicketEvent> second = new CopyOnWriteArrayList<>();
        TicketingClient clientA = open(TicketingClients.create("masstack", simulator.clientSettings()));
        TicketingClient clientB = open(TicketingClients.create("masstack", simulator.clientSettings()));
        TicketSubscription a = open(clientA.subscribe(first::add, options("a", store()).build())).start();
        TicketSubscription b = open(clientB.subscribe(second::add, options("b", store()).build())).start();
        String ticketId = clientB.create(simulator.sampleCreateRequest("FLEET-1")).id();
        b.follow(ticketId);

        simulator.askForInformation(ticketId, "When is the customer at home?");
        eventually("the question handled by the holder", () -> !first.isEmpty());
        assertThat(first).extracting(TicketEvent::ticketId).containsOnly(ticketId);
        assertThat(second).isEmpty();
    }

    @Test
    void aStandbyTakingOverComparesTheFollowedTicketsWithTheStoreNotWithWhatItSawAtItsStart() throws Exception {
        MasStackSimulator simulator = open(new MasStackSimulator().start(0));
        TicketingClient clientA = open(TicketingClients.create("masstack", simulator.clientSettings()));
        String ticketId = clientA.create(simulator.sampleCreateRequest("FLEET-3")).id();
        List<TicketEvent> first = new CopyOnWriteArrayList<>();
        List<TicketEvent> second = new CopyOnWriteArrayList<>();
        TicketingClient clientB = open(TicketingClients.create("masstack", simulator.clientSettings()));
        TicketSubscription a = open(clientA.subscribe(first::add, options("a", store()).tickets(java.util.Set.of(ticketId)).build()))
                .start();
        // The standby loads the followed set now, before the holder sees the ticket change.
        TicketSubscription b = open(clientB.subscribe(second::add, options("b", store()).build())).start();
        eventually("the ticket's first read", () -> !first.isEmpty());
        simulator.askForInformation(ticketId, "When is the customer at home?");
        eventually("the question handled by the holder", () -> first.size() == 2);

        a.close();
        clientB.unwrap(dev.troubleticket.masstack.MasStackApi.class).sendAdditionalInformation(ticketId, "after 18:00");
        eventually("the answer handled by the standby", () -> !second.isEmpty());
        Thread.sleep(500);
        assertThat(second).as("only what changed after the holder stopped").hasSize(1);
        assertThat(second.get(0).providerType()).isEqualTo("TU06");
    }

    @Test
    void aNotificationReceivedByTheStandbyIsHandledOnceByTheHolderAndTheFleetHasOneHub() throws Exception {
        NexeraSimulator simulator = open(new NexeraSimulator().start(0));
        InetSocketAddress bindA = loopbackPort();
        InetSocketAddress bindB = loopbackPort();
        // The load balancer's URL, the same for both: here it leads to the standby only.
        String publicUrl = "http://127.0.0.1:" + bindB.getPort() + "/listener";
        List<TicketEvent> first = new CopyOnWriteArrayList<>();
        List<TicketEvent> second = new CopyOnWriteArrayList<>();
        TicketingClient clientA = open(TicketingClients.create("nexera", simulator.clientSettings()));
        TicketingClient clientB = open(TicketingClients.create("nexera", simulator.clientSettings()));
        TicketSubscription a = open(clientA.subscribe(first::add, options("a", store()).callback(bindA, publicUrl).build()));
        TicketSubscription b = open(clientB.subscribe(second::add, options("b", store()).callback(bindB, publicUrl).build()));
        a.start();
        b.start();
        assertThat(simulator.hubs()).as("one hub for the fleet: the second instance takes the first's").hasSize(1);

        String ticketId = clientA.create(simulator.sampleCreateRequest("FLEET-2")).id();
        simulator.acknowledge(ticketId);
        simulator.hold(ticketId, "waiting for the customer");
        eventually("the notifications handled by the holder", () -> first.size() >= 2);
        Thread.sleep(300);
        assertThat(second).as("the standby only receives").isEmpty();
        assertThat(ids(first)).doesNotHaveDuplicates();
        assertThat(a.health().holdsLease()).isTrue();
    }

    @Test
    void aTransactionalHandlersWritesHappenOnceAcrossAHandOver() throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + prefix + "handled (event_id text NOT NULL, instance text NOT NULL)");
        }
        KoscSimulator simulator = open(new KoscSimulator().start());
        List<String> tickets = simulator.seedTickets(4);
        TicketingClient clientA = open(TicketingClients.create("kosc", simulator.clientSettings()));
        TicketingClient clientB = open(TicketingClients.create("kosc", simulator.clientSettings()));
        TicketSubscription a = open(clientA.subscribe(recording("a"), options("a", store()).start(StartPosition.beginning()).build()));
        TicketSubscription b = open(clientB.subscribe(recording("b"), options("b", store()).start(StartPosition.beginning()).build()));
        a.start();
        b.start();
        int seeded = tickets.stream().mapToInt(simulator::ticketEventCount).sum();
        eventually("the seeded events written", () -> count("true") == seeded);
        a.close();
        simulator.addKoscComments(tickets, "parts ordered");
        eventually("the new events written by the standby", () -> count("instance = 'b'") == tickets.size());
        assertThat(count("true")).isEqualTo(seeded + tickets.size());
        assertThat(distinctEvents()).as("no event written twice").isEqualTo(seeded + tickets.size());
    }

    @Test
    void aReplayAskedForThroughTheStoreIsDoneByTheRunningHolder() throws Exception {
        KoscSimulator simulator = open(new KoscSimulator().start());
        String ticketId = simulator.seedTickets(1).get(0);
        java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<TicketEvent> handled = new CopyOnWriteArrayList<>();
        TicketingClient client = open(TicketingClients.create("kosc", simulator.clientSettings()));
        TicketSubscription subscription = open(client.subscribe(event -> {
            if (failing.get()) {
                throw new IllegalStateException("the back office's database is down");
            }
            handled.add(event);
        }, options("a", store()).start(StartPosition.beginning()).retry(1, Duration.ofMillis(10), Duration.ofMillis(10)).build()))
                .start();
        int events = simulator.ticketEventCount(ticketId);
        eventually("every event parked", () -> subscription.deadLetters().size() == events);
        failing.set(false);

        // The operator, from another process: ticketctl store replay.
        JdbcSubscriptionStore operator = store();
        for (var letter : operator.deadLetters("fleet")) {
            assertThat(operator.requestReplay("fleet", letter.key())).isTrue();
        }
        eventually("replayed by the running subscription", () -> handled.size() == events);
        eventually("the dead letters gone", () -> operator.deadLetters("fleet").isEmpty() && operator.replayRequests("fleet").isEmpty());
    }

    private TicketEventHandler recording(String instance) {
        JdbcTicketEventHandler handler = (event, connection) -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + prefix + "handled (event_id, instance) VALUES (?, ?)")) {
                insert.setString(1, event.id());
                insert.setString(2, instance);
                insert.executeUpdate();
            }
        };
        return handler;
    }

    private long count(String where) {
        return query("SELECT count(*) FROM " + prefix + "handled WHERE " + where);
    }

    private long distinctEvents() {
        return query("SELECT count(DISTINCT event_id) FROM " + prefix + "handled");
    }

    private long query(String sql) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetSocketAddress loopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
