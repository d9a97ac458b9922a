package dev.troubleticket.reliability;

import dev.troubleticket.core.callback.CallbackServer;
import dev.troubleticket.core.callback.CallbackServers;
import dev.troubleticket.core.feed.InMemoryCheckpointStore;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.kosc.EventQuery;
import dev.troubleticket.kosc.KoscApi;
import dev.troubleticket.kosc.KoscClient;
import dev.troubleticket.masstack.MasStackClient;
import dev.troubleticket.nexera.Tmf621Api;
import dev.troubleticket.nexera.listener.CallerCheck;
import dev.troubleticket.nexera.listener.Tmf621EventHandler;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import dev.troubleticket.testkit.nexera.CallbackDelivery;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscriptions killed at seeded random points (before handling, between handling and checkpointing,
 * just after checkpointing) under every fault kind, and restarted from their checkpoint with a new
 * client: nothing is missed, and the order is kept where the provider orders its events.
 */
@ExtendWith({ReliabilityReport.class, SecretRegistry.class})
class SubscriptionRestartTest {
    private static final int EVENTS = Boolean.getBoolean("soak") ? 3_000 : 300;
    private static final int TICKETS = Boolean.getBoolean("soak") ? 200 : 30;
    private static final int WATCHED_TICKETS = TICKETS;

    @Test
    void koscFeedKilledAnywhereAndRestartedFromItsCheckpointMissesNoEventAndKeepsTheirOrder() {
        try (Harness harness = new Harness(ProviderProfile.of("kosc"))) {
            KoscSimulator kosc = (KoscSimulator) harness.simulator;
            harness.inject(FaultPlans.everything(11, harness.profile.tokenPaths()));
            KillSwitch kill = new KillSwitch(FaultPlans.SEED, 0.04);
            InMemoryCheckpointStore durable = new InMemoryCheckpointStore();
            DeliveryLog log = new DeliveryLog();
            List<String> emitted = new ArrayList<>();
            try (RestartableSubscription<?> feed = new RestartableSubscription<>(harness, client -> client.unwrap(KoscApi.class)
                    .subscribeToEvents("feed", EventQuery.all().withPageSize(7), event -> {
                        kill.maybeKill("before handling");
                        log.record(event.eventUuid());
                        kill.maybeKill("after handling");
                    }, new KillableCheckpointStore(durable, kill), Duration.ZERO))) {
                for (int i = 0; i < EVENTS; i++) {
                    emitted.add(kosc.emitOrderEvent("order-" + i, "order-running", null));
                    if (i % 5 == 4) {
                        feed.pollOnce();
                    }
                }
                harness.heal();
                feed.drain(1_000);

                long lost = emitted.stream().filter(id -> !log.inOrder().contains(id)).count();
                ReliabilityReport.row("kosc").add(0, harness.retries.retries(), 0, harness.injected()).losses(0, lost, 0);
                assertThat(kill.kills()).as("kills").isGreaterThanOrEqualTo(5);
                assertThat(feed.restarts()).isEqualTo(kill.kills());
                assertThat(log.inOrder()).as("every event, once each, in the feed's order").containsExactlyElementsOf(emitted);
            }
        }
    }

    @Test
    void koscTicketActivityKilledAnywhereAndRestartedFromItsCheckpointMissesNoTicketEvent() {
        try (Harness harness = new Harness(ProviderProfile.of("kosc"))) {
            KoscSimulator kosc = (KoscSimulator) harness.simulator;
            KillSwitch kill = new KillSwitch(FaultPlans.SEED + 2, 0.03);
            InMemoryCheckpointStore durable = new InMemoryCheckpointStore();
            DeliveryLog log = new DeliveryLog();
            Map<String, Set<String>> eventsByTicket = new ConcurrentHashMap<>();
            List<String> tickets = new ArrayList<>();
            try (RestartableSubscription<?> follow = new RestartableSubscription<>(harness, client -> client.unwrap(KoscClient.class)
                    .followTickets(event -> {
                        kill.maybeKill("before handling");
                        if (log.record(event.id() + "@" + event.ticketId())) {
                            eventsByTicket.computeIfAbsent(event.ticketId(), t -> ConcurrentHashMap.newKeySet()).add(event.id());
                        }
                        kill.maybeKill("after handling");
                    }, new KillableCheckpointStore(durable, kill), Duration.ZERO))) {
                for (int i = 0; i < TICKETS; i++) {
                    String id = harness.client.create(harness.profile.request("KA-" + i, 7_000 + i)).id();
                    tickets.add(id);
                    harness.inject(FaultPlans.everything(20 + i, harness.profile.tokenPaths()));
                    follow.pollOnce();
                    harness.heal();
                    harness.client.comment(id, "checked the line, sequence " + i);
                    kosc.defer(id, "Customer available when?");
                    harness.inject(FaultPlans.everything(40 + i, harness.profile.tokenPaths()));
                    follow.pollOnce();
                    follow.pollOnce();
                    harness.heal();
                }
                follow.drain(1_000);

                long lost = tickets.stream().mapToLong(id -> kosc.ticketEventCount(id)
                        - eventsByTicket.getOrDefault(id, Set.of()).size()).filter(n -> n > 0).sum();
                ReliabilityReport.row("kosc").add(0, harness.retries.retries(), 0, harness.injected()).losses(0, lost, 0);
                assertThat(kill.kills()).as("kills").isGreaterThanOrEqualTo(3);
                assertThat(tickets).as("every event of every ticket handled").allSatisfy(id ->
                        assertThat(eventsByTicket.getOrDefault(id, Set.of())).hasSize(kosc.ticketEventCount(id)));
            }
        }
    }

    @Test
    void masStackWatcherKilledAnywhereAndRestartedFromItsCheckpointLeavesNoGapAndSeesEveryClosing() {
        try (Harness harness = new Harness(ProviderProfile.of("masstack"))) {
            List<String> tickets = new ArrayList<>();
            for (int i = 0; i < WATCHED_TICKETS; i++) {
                tickets.add(harness.client.create(harness.profile.request("RS-" + i, i)).id());
            }
            KillSwitch kill = new KillSwitch(FaultPlans.SEED + 1, 0.04);
            InMemoryCheckpointStore durable = new InMemoryCheckpointStore();
            DeliveryLog log = new DeliveryLog();
            Map<String, TicketStatus> lastStatus = new ConcurrentHashMap<>();
            try (RestartableSubscription<?> watch = new RestartableSubscription<>(harness, client -> {
                MasStackClient masstack = client.unwrap(MasStackClient.class);
                // The back office knows its own open tickets and follows them again after a restart.
                masstack.watcher().follow(tickets.toArray(String[]::new));
                return masstack.subscription("watch", (TicketEvent event) -> {
                    kill.maybeKill("before handling");
                    if (log.record(event.id()) && event.status() != null) {
                        lastStatus.put(event.ticketId(), event.status());
                    }
                    kill.maybeKill("after handling");
                }, new KillableCheckpointStore(durable, kill), Duration.ZERO);
            })) {
                List<Consumer<String>> steps = List.of(
                        id -> harness.simulator.askForInformation(id, "Which floor?"),
                        id -> harness.client.transition(id, StatusChange.to(TicketStatus.IN_PROGRESS).withComment("third floor")),
                        id -> harness.simulator.resolve(id, "connector replaced"),
                        id -> harness.client.transition(id, StatusChange.to(TicketStatus.CLOSED).withComment("thanks")));
                for (Consumer<String> step : steps) {
                    harness.heal();
                    tickets.forEach(step);
                    harness.inject(FaultPlans.everything(12 + steps.indexOf(step), harness.profile.tokenPaths()));
                    for (int poll = 0; poll < 3; poll++) {
                        watch.pollOnce();
                    }
                }
                harness.heal();
                watch.drain(100 * WATCHED_TICKETS);

                long lost = tickets.stream().filter(id -> lastStatus.get(id) != TicketStatus.CLOSED).count();
                ReliabilityReport.row("masstack").add(0, harness.retries.retries(), 0, harness.injected()).losses(0, lost, 0);
                assertThat(kill.kills()).as("kills").isGreaterThanOrEqualTo(3);
                assertThat(lost).as("tickets whose closing was never handled: %s", tickets.stream()
                        .filter(id -> lastStatus.get(id) != TicketStatus.CLOSED)
                        .map(id -> id + " last " + lastStatus.get(id) + " events " + log.inOrder().stream().filter(e -> e.startsWith(id + "#")).toList())
                        .toList()).isZero();
                for (String id : tickets) {
                    // Ids are <ticket>#<rank>.<fingerprint>; after a restart a rank may come again with what is now seen.
                    List<Integer> ranks = log.inOrder().stream().filter(e -> e.startsWith(id + "#"))
                            .map(e -> Integer.parseInt(e.substring(id.length() + 1, e.indexOf('.', id.length()))))
                            .distinct().sorted().toList();
                    assertThat(ranks).as("event ranks of %s: from the first, no gap", id)
                            .isEqualTo(IntStream.rangeClosed(1, ranks.size()).boxed().toList());
                }
            }
        }
    }

    @Test
    void nexeraListenerKilledAndRestartedOnItsPortMissesNoEventSinceTheProviderSendsAgain() throws Exception {
        try (Harness harness = new Harness(ProviderProfile.of("nexera"))) {
            NexeraSimulator nexera = ((NexeraSimulator) harness.simulator).callbackRetries(12, Duration.ofMillis(20));
            DeliveryLog log = new DeliveryLog();
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", freePort());
            CallbackServer listener = startListener(address, log);
            harness.client.unwrap(Tmf621Api.class).registerHub("http://127.0.0.1:" + address.getPort() + "/listener", null);
            Random random = new Random(FaultPlans.SEED + 3);
            int kills = 0;
            for (int i = 0; i < TICKETS; i++) {
                String id = harness.client.create(harness.profile.request("NL-" + i, i)).id();
                nexera.acknowledge(id);
                if (random.nextDouble() < 0.3) {
                    // Killed: the receiver is gone at once, hub still registered; a new process starts on the same port.
                    listener.close();
                    kills++;
                    Thread.sleep(random.nextInt(30));
                    listener = startListener(address, log);
                }
                nexera.resolve(id, "done");
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && (nexera.deliveries().size() < 3 * TICKETS
                    || nexera.deliveries().stream().anyMatch(d -> !log.inOrder().contains(d.eventId())))) {
                Thread.sleep(50);
            }
            listener.close();

            List<CallbackDelivery> deliveries = nexera.deliveries();
            long lost = deliveries.stream().filter(d -> !d.delivered() || !log.inOrder().contains(d.eventId())).count();
            ReliabilityReport.row("nexera").add(0, harness.retries.retries(), 0, harness.injected()).losses(0, lost, 0);
            assertThat(kills).as("kills").isGreaterThanOrEqualTo(3);
            assertThat(deliveries).as("create, acknowledge and resolve of every ticket").hasSizeGreaterThanOrEqualTo(3 * TICKETS);
            assertThat(lost).as("events the provider gave up on or the handler never saw: %s",
                    deliveries.stream().filter(d -> !d.delivered()).toList()).isZero();
            assertThat(deliveries.stream().mapToInt(CallbackDelivery::attempts).max().orElse(0))
                    .as("some events had to be sent again").isGreaterThan(1);
        }
    }

    /** A receiver whose handler acknowledges only once the event is recorded (delivery on the request's thread). */
    private static CallbackServer startListener(InetSocketAddress address, DeliveryLog log) {
        Tmf621EventHandler handler = Tmf621EventHandler.builder(
                CallerCheck.sharedSecret(NexeraSimulator.CALLBACK_SECRET_HEADER, NexeraProfile.CALLBACK_SECRET),
                event -> log.record(event.eventId()), Runnable::run).build();
        return CallbackServers.start(address, "/listener", handler);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
