package dev.troubleticket.core.subscription.spi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.subscription.store.Lease;

import dev.troubleticket.core.subscription.store.StoredEvent;

import dev.troubleticket.core.subscription.TransactionalTicketEventHandler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.contract.MutableClock;
import dev.troubleticket.core.error.TransportException;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketEventHandler;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The engine's own rules, with a scripted stream in place of a provider: what position it records while lanes finish
 * out of order, what it does not hand over twice, how far it reads ahead, and how two instances share one lease.
 */
class DurableSubscriptionTest {
    private final InMemorySubscriptionStore store = new InMemorySubscriptionStore();
    private final List<TicketSubscription> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(TicketSubscription::close);
    }

    /** A stream of numbered events over a few tickets, position = the number of the last event read. */
    private static final class ScriptedStream implements PolledSource {
        final List<TicketEvent> events = new CopyOnWriteArrayList<>();
        final AtomicInteger polls = new AtomicInteger();
        final List<String> positions = new CopyOnWriteArrayList<>();
        final AtomicInteger failNext = new AtomicInteger();
        final int pageSize;

        ScriptedStream(int count, int tickets, int pageSize) {
            for (int i = 0; i < count; i++) {
                events.add(event(i, "T" + (i % tickets)));
            }
            this.pageSize = pageSize;
        }

        static TicketEvent event(int n, String ticket) {
            return new TicketEvent("test", "E" + n, ticket, TicketEvent.Kind.COMMENT, Instant.EPOCH.plusSeconds(n), null,
                    "comment " + n, null, null, "comment", null);
        }

        @Override
        public String stream() {
            return "events";
        }

        @Override
        public Duration defaultInterval() {
            return Duration.ofMillis(20);
        }

        @Override
        public SourceBatch poll(String position, Instant startFrom) {
            polls.incrementAndGet();
            positions.add(String.valueOf(position));
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new TransportException("connection refused by the scripted provider", null, null);
            }
            int from = position == null ? 0 : Integer.parseInt(position) + 1;
            int to = Math.min(events.size(), from + pageSize);
            List<SourceEvent> batch = new ArrayList<>();
            for (int i = from; i < to; i++) {
                TicketEvent e = events.get(i);
                batch.add(SourceEvent.positioned("k" + e.id(), e.ticketId(), e, Integer.toString(i)));
            }
            return new SourceBatch(batch, null, to < events.size(), null);
        }
    }

    private TicketSubscription subscribe(ScriptedStream stream, TicketEventHandler handler, SubscriptionOptions options) {
        TicketSubscription subscription = DurableSubscription.builder("test", handler, options).polled(stream).build();
        opened.add(subscription);
        return subscription;
    }

    private SubscriptionOptions.Builder options() {
        return SubscriptionOptions.builder("scripted").store(store).pollInterval(Duration.ofMillis(20));
    }

    private static void eventually(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                Assertions.fail("not within 10 s: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private String position() {
        return store.positions("scripted").get("events");
    }

    /** The store, counting the lease renewals it is asked for. */
    private static SubscriptionStore countingRenewals(SubscriptionStore store, AtomicInteger renewals) {
        return (SubscriptionStore) Proxy.newProxyInstance(SubscriptionStore.class.getClassLoader(),
                new Class<?>[] {SubscriptionStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("renewLease")) {
                        renewals.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void thePositionNeverPassesAnEventStillBeingHandledOnAnotherLane() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> handled = new CopyOnWriteArrayList<>();
        ScriptedStream stream = new ScriptedStream(20, 4, 5);
        TicketSubscription subscription = subscribe(stream, event -> {
            if (event.id().equals("E1")) {
                release.await();
            }
            handled.add(event.id());
        }, options().build()).start();

        eventually("every other ticket's events", () -> handled.size() == 15);
        assertThat(handled).doesNotContain("E1", "E5", "E9", "E13", "E17");
        assertThat(position()).as("recorded while E1 is in hand").isEqualTo("0");

        release.countDown();
        eventually("all handled and recorded", () -> "19".equals(position()));
        assertThat(handled).hasSize(20);
        List<String> ticket1 = handled.stream().filter(id -> Set.of("E1", "E5", "E9", "E13", "E17").contains(id)).toList();
        assertThat(ticket1).containsExactly("E1", "E5", "E9", "E13", "E17");
        assertThat(subscription.health().delivered()).isEqualTo(20);
    }

    @Test
    void eventsTheStoreHasSeenAreNotHandedOverAgainAfterARestartThatReadsThemAgain() {
        ScriptedStream stream = new ScriptedStream(10, 2, 10);
        List<String> first = new CopyOnWriteArrayList<>();
        TicketSubscription one = subscribe(stream, event -> first.add(event.id()), options().build()).start();
        eventually("the first ten", () -> "9".equals(position()));
        one.close();

        // The provider's stream gives the same events again (a position recorded behind them), then new ones.
        dev.troubleticket.core.subscription.store.Lease rewinder =
                store.acquireLease("scripted", "someone", Duration.ofSeconds(1)).orElseThrow();
        store.commit(rewinder, dev.troubleticket.core.subscription.store.Commit.position("scripted", "events", "4"));
        store.releaseLease(rewinder);
        for (int i = 10; i < 14; i++) {
            stream.events.add(ScriptedStream.event(i, "T" + (i % 2)));
        }
        List<String> second = new CopyOnWriteArrayList<>();
        subscribe(stream, event -> second.add(event.id()), options().build()).start();
        eventually("the new events", () -> "13".equals(position()));
        assertThat(first).hasSize(10);
        assertThat(second).containsExactlyInAnyOrder("E10", "E11", "E12", "E13");
    }

    @Test
    void readingWaitsWhileTooManyEventsAreInHand() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ScriptedStream stream = new ScriptedStream(200, 1, 10);
        subscribe(stream, event -> release.await(), options().maxInFlight(25).build()).start();
        eventually("reading stops", () -> stream.polls.get() >= 3);
        Thread.sleep(100);
        int polls = stream.polls.get();
        Thread.sleep(200);
        assertThat(stream.polls.get()).as("no poll while 25 events are in hand").isEqualTo(polls).isLessThanOrEqualTo(4);
        release.countDown();
        eventually("everything read", () -> "199".equals(position()));
    }

    @Test
    void aFailedPollIsReportedAndTriedAgainWithoutStopping() {
        ScriptedStream stream = new ScriptedStream(5, 1, 10);
        stream.failNext.set(2);
        List<String> handled = new CopyOnWriteArrayList<>();
        TicketSubscription subscription = subscribe(stream, event -> handled.add(event.id()), options().build()).start();
        eventually("the events after two failed polls", () -> handled.size() == 5);
        assertThat(subscription.health().running()).isTrue();
        assertThat(subscription.health().lastError()).contains("events").contains("connection refused");
    }

    @Test
    void aRenewedLeaseKeepsTheStreamGoingInsteadOfReadingItAgainFromTheStore() throws Exception {
        AtomicInteger renewals = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ScriptedStream stream = new ScriptedStream(40, 4, 5);
        subscribe(stream, event -> {
            if (event.id().equals("E1")) {
                release.await();
            }
        }, options().store(countingRenewals(store, renewals)).leaseTtl(Duration.ofMillis(300)).build()).start();
        eventually("the stream read to its end", () -> stream.positions.contains("39"));
        eventually("three renewals while E1 is in hand", () -> renewals.get() >= 3);
        assertThat(position()).isEqualTo("0");

        release.countDown();
        eventually("all recorded", () -> "39".equals(position()));
        // Each poll went on from the one before; none started again from the recorded position.
        assertThat(stream.positions).doesNotContain("0").startsWith("null", "4", "9");
        assertThat(stream.positions.stream().filter("null"::equals)).hasSize(1);
    }

    @Test
    void aLeaseTakenAgainAfterALossReadsNothingUntilTheEventsReadUnderTheLostOneAreFinished() throws Exception {
        MutableClock storeClock = new MutableClock(Instant.now());
        InMemorySubscriptionStore clocked = new InMemorySubscriptionStore(1_000, storeClock);
        CountDownLatch release = new CountDownLatch(1);
        List<String> handled = new CopyOnWriteArrayList<>();
        ScriptedStream stream = new ScriptedStream(40, 4, 5);
        TicketSubscription subscription = subscribe(stream, event -> {
            if (event.id().equals("E1")) {
                release.await();
            }
            handled.add(event.id());
        }, options().store(clocked).leaseTtl(Duration.ofMillis(300)).build()).start();
        eventually("the stream read to its end, the other tickets handled", () -> stream.positions.contains("39") && handled.size() == 30);
        assertThat(clocked.positions("scripted").get("events")).isEqualTo("0");

        // The lease lapses (a long pause), another instance takes it and gives it back: this one takes it again.
        storeClock.advance(Duration.ofSeconds(5));
        dev.troubleticket.core.subscription.store.Lease other =
                clocked.acquireLease("scripted", "other", Duration.ofSeconds(60)).orElseThrow();
        eventually("the lease lost", () -> !subscription.health().holdsLease());
        clocked.releaseLease(other);
        eventually("the lease taken again", () -> subscription.health().holdsLease());
        Thread.sleep(200);
        assertThat(clocked.positions("scripted").get("events")).as("not past E1, still in hand").isEqualTo("0");

        release.countDown();
        eventually("all recorded", () -> "39".equals(clocked.positions("scripted").get("events")));
        assertThat(handled).contains("E1");
    }

    @Test
    void aSecondInstanceUnderTheSameNameWaitsForTheLeaseAndTakesOverWhenTheFirstStops() {
        ScriptedStream stream = new ScriptedStream(6, 2, 10);
        Set<String> byFirst = ConcurrentHashMap.newKeySet();
        Set<String> bySecond = ConcurrentHashMap.newKeySet();
        TicketSubscription first = subscribe(stream, event -> byFirst.add(event.id()),
                options().owner("first").leaseTtl(Duration.ofMillis(600)).build()).start();
        eventually("the first instance read everything", () -> "5".equals(position()));
        TicketSubscription second = subscribe(stream, event -> bySecond.add(event.id()),
                options().owner("second").leaseTtl(Duration.ofMillis(600)).build()).start();
        assertThat(second.health().holdsLease()).isFalse();
        assertThat(first.health().holdsLease()).isTrue();

        stream.events.add(ScriptedStream.event(6, "T0"));
        eventually("the first instance read the new event", () -> byFirst.contains("E6"));
        first.close();
        stream.events.add(ScriptedStream.event(7, "T1"));
        eventually("the second instance took over", () -> second.health().holdsLease() && bySecond.contains("E7"));
        assertThat(bySecond).containsExactly("E7");
    }

    @Test
    void aPushSourceThatFailsToStartGivesTheLeaseBackAtOnce() {
        PushSource refused = inbox -> {
            throw new TransportException("the provider refused the hub", null, null);
        };
        TicketSubscription failed = DurableSubscription.builder("test", event -> { }, options().owner("first").build())
                .push(refused).build();
        opened.add(failed);
        Assertions.assertThrows(TransportException.class, failed::start);
        assertThat(failed.health().running()).isFalse();

        TicketSubscription next = subscribe(new ScriptedStream(1, 1, 10), event -> { }, options().owner("second").build()).start();
        assertThat(next.health().holdsLease()).as("not held by the failed start until it lapses").isTrue();
    }

    @Test
    void aTransactionalHandlerOnAStoreWithoutTransactionsIsRefusedWhenBuiltNamingWhatToUse() {
        TransactionalTicketEventHandler handler = (event, transaction) -> { };
        assertThatThrownBy(() -> DurableSubscription.builder("test", handler, options().build()).polled(new ScriptedStream(1, 1, 10))
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transactional handler")
                .hasMessageContaining("JdbcSubscriptionStore");
    }

    @Test
    void aStoreRefusingAHandledNotificationForALostLeaseLeavesItInTheInboxForTheNewHolder() {
        // The holder's lease is taken over between handing a notification over and recording it: the record is
        // refused, so the notification stays in the inbox, and the new holder hands it over again.
        List<String> first = new CopyOnWriteArrayList<>();
        CountDownLatch inHand = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Inbox[] inboxOf = new Inbox[1];
        PushSource push = inbox -> {
            inboxOf[0] = inbox;
            return new PushSource.PushReceiver() {
                @Override
                public java.util.Optional<dev.troubleticket.core.callback.CallbackHandler> callbackHandler() {
                    return java.util.Optional.empty();
                }

                @Override
                public void stop() { }

                @Override
                public void cancel() { }
            };
        };
        TicketSubscription holder = DurableSubscription.builder("test", event -> {
            inHand.countDown();
            release.await();
            first.add(event.id());
        }, options().owner("first").leaseTtl(Duration.ofSeconds(30)).build()).push(push).build();
        opened.add(holder);
        holder.start();
        TicketEvent event = new TicketEvent("test", "N1", "T1", TicketEvent.Kind.COMMENT, Instant.EPOCH, null, null, null,
                null, null, null);
        inboxOf[0].offer(new StoredEvent("N1", "T1", event, Instant.EPOCH));
        eventually("the notification in hand", () -> inHand.getCount() == 0);

        // Another instance takes the lease over (the first one's lapsed while it was paused).
        Lease lease = store.acquireLease("scripted", "first", Duration.ofSeconds(30)).orElseThrow();
        store.releaseLease(lease);
        store.acquireLease("scripted", "second", Duration.ofSeconds(30)).orElseThrow();
        release.countDown();

        eventually("handled by the former holder", () -> first.size() == 1);
        eventually("its lease given up", () -> !holder.health().holdsLease());
        assertThat(store.inbox("scripted", 10)).extracting(StoredEvent::key).containsExactly("N1");
        assertThat(store.seen("scripted", "N1")).isFalse();
    }
}
