package dev.troubleticket.kosc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.feed.FeedSubscription;
import dev.troubleticket.core.feed.FileCheckpointStore;
import dev.troubleticket.core.feed.InMemoryCheckpointStore;
import dev.troubleticket.kosc.model.KoscEvent;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following {@code /api/events/} with checkpoints: order, at least once, no duplicates, resume, failing handlers. */
class KoscSubscriptionTest {
    private final KoscSimulator simulator = new KoscSimulator().start();
    private final KoscApi api = KoscClient.builder().baseUrl(simulator.baseUrl())
            .v2Login(KoscSimulator.EMAIL, KoscSimulator.PASSWORD).build().api();

    @AfterEach
    void stop() {
        simulator.close();
    }

    private void emit(int count, String prefix) {
        for (int i = 0; i < count; i++) {
            simulator.emitOrderEvent(prefix + i, "order-running", null);
        }
    }

    @Test
    void eachEventIsHandledOnceInCreationOrderAcrossPages() {
        emit(5, "order-");
        List<String> seen = new ArrayList<>();
        FeedSubscription<KoscEvent> subscription = api.subscribeToEvents("t", EventQuery.all().withPageSize(2),
                event -> seen.add(event.objectUuid()), new InMemoryCheckpointStore(), Duration.ZERO);

        while (subscription.pollOnce().more()) {
            // drain the pages that are ready
        }
        subscription.pollOnce();
        emit(1, "late-");
        subscription.pollOnce();

        assertThat(seen).containsExactly("order-0", "order-1", "order-2", "order-3", "order-4", "late-0");
    }

    @Test
    void newSubscriptionResumesFromTheCheckpointInTheFile(@TempDir Path directory) {
        Path file = directory.resolve("kosc.checkpoints");
        emit(3, "first-");
        List<String> seen = new ArrayList<>();
        api.subscribeToEvents(e -> seen.add(e.objectUuid()), new FileCheckpointStore(file), Duration.ZERO)
                .pollOnce();
        emit(2, "second-");

        List<String> afterRestart = new ArrayList<>();
        api.subscribeToEvents(e -> afterRestart.add(e.objectUuid()), new FileCheckpointStore(file), Duration.ZERO).pollOnce();

        assertThat(seen).containsExactly("first-0", "first-1", "first-2");
        assertThat(afterRestart).containsExactly("second-0", "second-1");
    }

    @Test
    void checkpointNeverMovesPastAnEventWhoseHandlerThrew() {
        emit(3, "o-");
        InMemoryCheckpointStore store = new InMemoryCheckpointStore();
        List<String> handled = new ArrayList<>();
        boolean[] fail = {true};
        FeedSubscription<KoscEvent> subscription = api.subscribeToEvents(event -> {
            if (event.objectUuid().equals("o-1") && fail[0]) {
                throw new IllegalStateException("back office down");
            }
            handled.add(event.objectUuid());
        }, store, Duration.ZERO);

        FeedSubscription.PollResult failed = subscription.pollOnce();
        fail[0] = false;
        subscription.pollOnce();

        assertThat(failed.handlerFailed()).isTrue();
        assertThat(handled).containsExactly("o-0", "o-1", "o-2");
    }

    @Test
    void backgroundSubscriptionDeliversAndStopsCleanly() throws Exception {
        emit(2, "bg-");
        List<String> seen = new CopyOnWriteArrayList<>();
        FeedSubscription<KoscEvent> subscription = api.subscribeToEvents(e -> seen.add(e.objectUuid()), new InMemoryCheckpointStore(),
                Duration.ofMillis(10)).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (seen.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            subscription.close();
        }
        assertThat(subscription.isRunning()).isFalse();
        assertThat(seen).containsExactly("bg-0", "bg-1");
    }

    @Test
    void feedEventsOfAServiceCanBeFollowedAlone() {
        simulator.emitServiceEvent("svc-1", "service-activated", null);
        simulator.emitOrderEvent("ord-1", "order-info", Map.of("message", "hello"));
        List<String> seen = new ArrayList<>();

        api.subscribeToEvents("services", EventQuery.all().withObjectType("service"), e -> seen.add(e.type().value()),
                new InMemoryCheckpointStore(), null).pollOnce();

        assertThat(seen).containsExactly("service-activated");
    }
}
