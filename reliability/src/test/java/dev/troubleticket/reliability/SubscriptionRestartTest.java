package dev.troubleticket.reliability;

import dev.troubleticket.core.feed.InMemoryCheckpointStore;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.kosc.EventQuery;
import dev.troubleticket.kosc.KoscApi;
import dev.troubleticket.masstack.MasStackClient;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
                feed.drain();

                long lost = emitted.stream().filter(id -> !log.inOrder().contains(id)).count();
                ReliabilityReport.row("kosc").add(0, harness.retries.retries(), 0, harness.injected()).losses(0, lost, 0);
                assertThat(kill.kills()).as("kills").isGreaterThanOrEqualTo(5);
                assertThat(feed.restarts()).isEqualTo(kill.kills());
                assertThat(log.inOrder()).as("every event, once each, in the feed's order").containsExactlyElementsOf(emitted);
            }
        }
    }

    @Test
    void masStackWatcherKilledAnywhereAndRestartedFromItsCheckpointLeavesNoGapAndSeesEveryClosing() {
        try (Harness harness = new Harness(ProviderProfile.of("masstack"))) {
            List<String> tickets = new ArrayList<>();
            for (int i = 0; i < TICKETS; i++) {
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
                watch.drain();

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

}
