package dev.troubleticket.core.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedSubscriptionTest {

    /** A feed of numbered events; the checkpoint is the last number handled; pages of {@code pageSize}. */
    static final class NumberFeed implements FeedSource<Integer> {
        final List<Integer> events = new CopyOnWriteArrayList<>();
        final int pageSize;
        final AtomicInteger polls = new AtomicInteger();
        int overlap; // how many already-seen events to repeat at the start of a page (providers do)

        NumberFeed(int count, int pageSize) {
            for (int i = 1; i <= count; i++) {
                events.add(i);
            }
            this.pageSize = pageSize;
        }

        @Override
        public FeedBatch<Integer> poll(String checkpoint) {
            polls.incrementAndGet();
            int after = checkpoint == null ? 0 : Integer.parseInt(checkpoint);
            int from = Math.max(0, after - overlap);
            List<FeedItem<Integer>> items = new ArrayList<>();
            for (Integer e : events) {
                if (e > from && items.size() < pageSize) {
                    items.add(new FeedItem<>("ev-" + e, e, String.valueOf(e)));
                }
            }
            boolean more = !items.isEmpty() && items.get(items.size() - 1).event() < events.size();
            return new FeedBatch<>(items, more);
        }
    }

    @Test
    void deliversEveryEventInOrderAndSavesTheCheckpoint() {
        NumberFeed feed = new NumberFeed(7, 3);
        List<Integer> seen = new ArrayList<>();
        InMemoryCheckpointStore store = new InMemoryCheckpointStore();
        FeedSubscription<Integer> subscription = FeedSubscription.builder("numbers", feed, seen::add).checkpointStore(store).build();

        while (subscription.pollOnce().more()) {
            // drain
        }

        assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(store.load("numbers")).contains("7");
    }

    @Test
    void duplicatesRepeatedByTheProviderAreDropped() {
        NumberFeed feed = new NumberFeed(6, 3);
        feed.overlap = 1;
        List<Integer> seen = new ArrayList<>();
        FeedSubscription<Integer> subscription = FeedSubscription.builder("numbers", feed, seen::add).build();

        for (int i = 0; i < 5; i++) {
            subscription.pollOnce();
        }

        assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void aFailingHandlerKeepsTheCheckpointBeforeTheEventWhichComesAgain() {
        NumberFeed feed = new NumberFeed(5, 10);
        InMemoryCheckpointStore store = new InMemoryCheckpointStore();
        List<Integer> handled = new ArrayList<>();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        EventHandler<Integer> handler = e -> {
            if (e == 3 && failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("database down");
            }
            handled.add(e);
        };
        FeedSubscription<Integer> subscription = FeedSubscription.builder("numbers", feed, handler).checkpointStore(store).build();

        FeedSubscription.PollResult first = subscription.pollOnce();
        assertThat(first.handlerFailed()).isTrue();
        assertThat(store.load("numbers")).contains("2");

        subscription.pollOnce();
        assertThat(handled).containsExactly(1, 2, 3, 4, 5);
        assertThat(subscription.handlerFailureCount()).isEqualTo(1);
    }

    @Test
    void aRestartResumesFromTheFileCheckpointMissingNothing(@TempDir Path dir) {
        NumberFeed feed = new NumberFeed(10, 4);
        FileCheckpointStore store = new FileCheckpointStore(dir.resolve("checkpoints.properties"));
        List<Integer> seen = new ArrayList<>();
        FeedSubscription.builder("numbers", feed, seen::add).checkpointStore(store).build().pollOnce();
        assertThat(seen).containsExactly(1, 2, 3, 4);

        // A new process: new subscription, new store object on the same file.
        FeedSubscription<Integer> restarted = FeedSubscription.builder("numbers", feed, seen::add)
                .checkpointStore(new FileCheckpointStore(dir.resolve("checkpoints.properties"))).build();
        while (restarted.pollOnce().more()) {
            // drain
        }

        assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void backgroundFollowingDeliversNewEventsAndStopsCleanly() throws Exception {
        NumberFeed feed = new NumberFeed(2, 10);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        FeedSubscription<Integer> subscription = FeedSubscription.builder("numbers", feed, seen::add)
                .pollInterval(Duration.ofMillis(20)).build().start();
        waitFor(() -> seen.size() == 2);
        feed.events.add(3);
        waitFor(() -> seen.size() == 3);

        subscription.close();

        assertThat(subscription.isRunning()).isFalse();
        int pollsAtClose = feed.polls.get();
        Thread.sleep(100);
        assertThat(feed.polls.get()).isEqualTo(pollsAtClose);
        assertThat(seen).containsExactly(1, 2, 3);
    }

    @Test
    void pollsNoMoreOftenThanTheIntervalOnceCaughtUp() throws Exception {
        NumberFeed feed = new NumberFeed(1, 10);
        FeedSubscription<Integer> subscription = FeedSubscription.builder("numbers", feed, e -> { })
                .pollInterval(Duration.ofHours(1)).build().start();
        waitFor(() -> feed.polls.get() >= 1);
        Thread.sleep(200);
        subscription.close();
        assertThat(feed.polls.get()).isEqualTo(1);
    }

    @Test
    void fileStoreLeavesNoTemporaryFilesAndKeepsSeveralSubscriptions(@TempDir Path dir) throws Exception {
        FileCheckpointStore store = new FileCheckpointStore(dir.resolve("cp.properties"));
        for (int i = 0; i < 50; i++) {
            store.save("kosc-feed", "cursor-" + i);
        }
        store.save("masstack-watch", "RED-84=OPENACTIVE");

        assertThat(store.load("kosc-feed")).contains("cursor-49");
        assertThat(store.load("masstack-watch")).contains("RED-84=OPENACTIVE");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cp.properties");
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
