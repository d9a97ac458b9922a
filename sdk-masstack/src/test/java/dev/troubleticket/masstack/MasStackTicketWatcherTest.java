package dev.troubleticket.masstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.feed.CheckpointStore;
import dev.troubleticket.core.feed.FeedSubscription;
import dev.troubleticket.core.feed.FileCheckpointStore;
import dev.troubleticket.core.feed.InMemoryCheckpointStore;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Change tracking by re-reading followed tickets, with checkpoints and at-least-once delivery. */
@SuppressWarnings("removal") // the deprecated watcher, until it goes
class MasStackTicketWatcherTest {
    private MasStackSimulator simulator;
    private MasStackClient client;
    private final List<TicketEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        simulator = new MasStackSimulator().start(0);
        client = newClient();
    }

    private MasStackClient newClient() {
        return (MasStackClient) TicketingClients.create("masstack", simulator.clientSettings());
    }

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    private FeedSubscription<TicketEvent> subscription(MasStackClient owner, CheckpointStore store) {
        return owner.subscription("masstack-watch", events::add, store, Duration.ofMillis(10));
    }

    private String open(String reference) {
        return client.create(Fixtures.neutralRequest(reference).build()).id();
    }

    @Test
    void ticketFollowedByIdIsFirstReportedAsObserved() {
        String id = client.unwrap(MasStackApi.class).create(Fixtures.typedRequest("ONV-1").build()).ticketId();
        simulator.askForInformation(id, "¿Horario?");
        client.watcher().follow(id);

        subscription(client, new InMemoryCheckpointStore()).pollOnce();

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.providerType()).isEqualTo("observed");
            assertThat(e.status()).isEqualTo(TicketStatus.WAITING_FOR_OPERATOR);
            assertThat(e.providerStatus()).isEqualTo("DEFERRED.AWAITING-INFORMATION");
            assertThat(e.comment()).isEqualTo("¿Horario?");
            assertThat(e.id()).startsWith(id + "#1.");
            assertThat(e.raw().json()).contains("\"ticketId\":\"" + id + "\"");
        });
    }

    @Test
    void newDialogInTheSameStateIsACommentAndAStateChangeNamesItsTransaction() {
        String id = open("ONV-2");
        FeedSubscription<TicketEvent> subscription = subscription(client, new InMemoryCheckpointStore());

        simulator.writeDialog(id, "Técnico asignado");
        subscription.pollOnce();
        simulator.requestCancellation(id, "Duplicada");
        subscription.pollOnce();
        subscription.pollOnce();

        assertThat(events).extracting(TicketEvent::kind, TicketEvent::providerType, TicketEvent::status, TicketEvent::comment)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TicketEvent.Kind.COMMENT, "dialog", null, "Técnico asignado"),
                        org.assertj.core.groups.Tuple.tuple(TicketEvent.Kind.STATUS_CHANGE, "TO02",
                                TicketStatus.CANCELLATION_REQUESTED, "Duplicada"));
        assertThat(events).extracting(e -> e.id().substring(0, e.id().indexOf('.'))).containsExactly(id + "#1", id + "#2");
    }

    @Test
    void restartFromTheCheckpointMissesNothingAndRepeatsNothing(@TempDir Path dir) {
        FileCheckpointStore store = new FileCheckpointStore(dir.resolve("checkpoints.properties"));
        String id = open("ONV-3");
        FeedSubscription<TicketEvent> before = subscription(client, store);
        simulator.askForInformation(id, "¿Horario?");
        before.pollOnce();
        client.transition(id, StatusChange.to(TicketStatus.IN_PROGRESS).withComment("de 9 a 12"));
        before.pollOnce();
        assertThat(store.load("masstack-watch")).hasValueSatisfying(checkpoint ->
                assertThat(checkpoint).matches("v1;" + id + ",OPENACTIVE,[0-9a-f]{16},2"));

        // A new process: a new client whose watcher was told nothing, the same checkpoint file.
        MasStackClient restarted = newClient();
        events.clear();
        FeedSubscription<TicketEvent> after = subscription(restarted, new FileCheckpointStore(dir.resolve("checkpoints.properties")));
        assertThat(after.pollOnce().delivered()).as("nothing changed while stopped").isZero();
        simulator.resolve(id, "reparada");
        after.pollOnce();
        after.pollOnce();

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.providerType()).isEqualTo("TO07");
            assertThat(e.status()).isEqualTo(TicketStatus.RESOLVED);
            assertThat(e.id()).startsWith(id + "#3.");
        });
    }

    @Test
    void eventIsDeliveredAgainWhenTheHandlerFails() {
        String id = open("ONV-4");
        AtomicBoolean failOnce = new AtomicBoolean(true);
        FeedSubscription<TicketEvent> subscription = FeedSubscription.<TicketEvent>builder("flaky", client.watcher(), event -> {
            if (failOnce.getAndSet(false)) {
                throw new IllegalStateException("database down");
            }
            events.add(event);
        }).build();
        simulator.resolve(id, "reparada");

        assertThat(subscription.pollOnce().handlerFailed()).isTrue();
        subscription.pollOnce();

        assertThat(events).extracting(e -> e.id().substring(0, e.id().indexOf('.')), TicketEvent::providerType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id + "#1", "TO07"));
    }

    @Test
    void unfollowedTicketIsNoLongerRead() {
        String id = open("ONV-5");
        FeedSubscription<TicketEvent> subscription = subscription(client, new InMemoryCheckpointStore());
        client.watcher().unfollow(id);
        int requests = simulator.server().requestCount();
        simulator.resolve(id, "reparada");

        subscription.pollOnce();

        assertThat(events).isEmpty();
        assertThat(simulator.server().requestCount()).isEqualTo(requests);
    }

    @Test
    void ticketThatNoLongerExistsIsDroppedWithoutStoppingTheOthers() {
        String id = open("ONV-7");
        client.watcher().follow("RED-4040");
        simulator.resolve(id, "reparada");

        subscription(client, new InMemoryCheckpointStore()).pollOnce();

        assertThat(events).extracting(TicketEvent::providerType).containsExactly("TO07");
        assertThat(client.watcher().followed()).containsExactly(id);
    }

    @Test
    void backgroundSubscriptionDeliversWithoutBeingDriven() throws Exception {
        String id = open("ONV-6");
        FeedSubscription<TicketEvent> subscription = subscription(client, new InMemoryCheckpointStore()).start();
        try {
            simulator.askForInformation(id, "¿Horario?");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (events.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } finally {
            subscription.close();
        }
        assertThat(subscription.isRunning()).isFalse();
        assertThat(events).extracting(TicketEvent::providerType).containsExactly("TO05");
    }

    @Test
    void aClosedTicketFollowedAgainAfterARestartIsNotReportedAgain() {
        String closed = open("ONV-90");
        String other = open("ONV-91");
        InMemoryCheckpointStore store = new InMemoryCheckpointStore();
        FeedSubscription<TicketEvent> first = subscription(client, store);
        simulator.resolve(closed, "CTO reparada");
        client.transition(closed, StatusChange.to(TicketStatus.CLOSED));
        first.pollOnce();
        // A later change of another ticket saves a newer checkpoint after the closing was handled.
        simulator.writeDialog(other, "Técnico asignado");
        first.pollOnce();
        assertThat(events).filteredOn(e -> e.ticketId().equals(closed)).extracting(TicketEvent::status)
                .containsExactly(TicketStatus.CLOSED);
        int delivered = events.size();

        // A new process: a new client whose back office follows its tickets again, closed ones included.
        MasStackClient restarted = newClient();
        restarted.watcher().follow(closed, other);
        FeedSubscription<TicketEvent> second = subscription(restarted, store);
        second.pollOnce();
        second.pollOnce();

        assertThat(events).hasSize(delivered);
        assertThat(restarted.watcher().followed()).containsExactly(other);
        restarted.close();
    }
}
