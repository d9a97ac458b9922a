package dev.troubleticket.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.instrument.Outcome;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.store.DeadLetter;
import dev.troubleticket.core.subscription.SubscriptionHealth;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketEventHandler;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.Commit;
import dev.troubleticket.core.subscription.store.FileSubscriptionStore;
import dev.troubleticket.core.subscription.store.FollowedTicket;
import dev.troubleticket.core.subscription.store.ForwardingSubscriptionStore;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.core.subscription.store.Lease;
import dev.troubleticket.core.subscription.store.StoredEvent;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import dev.troubleticket.core.subscription.store.SubscriptionStoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every adapter's {@link TicketingClient#subscribe} must show, run against the adapter's simulator:
 * per-ticket order, restart from the store without loss and without repeats, a failing handler retried then parked
 * while other tickets go on, a prompt close, and a clear stop when the store cannot be written. Each adapter module
 * extends it, as it extends {@link TicketingClientContractTest}.
 */
public abstract class SubscriptionContractTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The operator's answer to the information request in the lifecycle walk. */
    protected static final String LIFECYCLE_ANSWER = "the customer is home from 9 to 12";

    /**
     * What the lifecycle walk left for an adapter's own checks.
     *
     * @param ticketId     the walked ticket
     * @param events       the events of that ticket the subscription handed over, in order
     * @param store        the subscription's store
     * @param subscription the subscription, still running
     */
    protected record LifecycleRun(String ticketId, List<TicketEvent> events, SubscriptionStore store,
                                  TicketSubscription subscription) {
    }

    protected TicketingClient client;
    /** What the client's instrumentation was told; every contract client is instrumented with it. */
    protected final RecordingInstrumentation recorded = new RecordingInstrumentation();
    private final List<TicketSubscription> opened = new ArrayList<>();

    /**
     * A new client connected to a fresh simulator, sending with {@code transport}:
     * {@code ProviderSettings.of(simulator.clientSettings().asMap(), transport)}.
     */
    protected abstract TicketingClient newClient(TransportOptions transport);

    /** The provider's side of the same simulator. */
    protected abstract TicketingClientContractTest.ProviderSide providerSide();

    /** A create request the provider accepts, with the given external reference. */
    protected abstract CreateTicketRequest validCreateRequest(String externalReference);

    /**
     * Options for a subscription of this provider in a test: a short poll interval for a polled provider; for a push
     * provider, a callback address that is the same on every call within one test (a restarted subscription binds it
     * again and reuses the provider's registration).
     */
    protected abstract SubscriptionOptions.Builder options(String name);

    /** Stops the simulator. */
    protected abstract void stopSimulator();

    /** What the provider alone shows of the lifecycle walk's events (its own types, statuses, texts); nothing by default. */
    protected void checkLifecycleEvents(LifecycleRun run) {
    }

    @BeforeEach
    void startClient() {
        client = newClient(TransportOptions.builder().instrumentation(recorded).build());
    }

    @AfterEach
    void stopAll() {
        opened.forEach(TicketSubscription::close);
        client.close();
        stopSimulator();
    }

    private TicketSubscription subscribe(TicketEventHandler handler, SubscriptionOptions options) {
        TicketSubscription subscription = client.subscribe(handler, options);
        opened.add(subscription);
        return subscription;
    }

    private String openTicket() {
        return client.create(validCreateRequest("REF-" + UUID.randomUUID().toString().substring(0, 8))).id();
    }

    /** Records what reached the handler. */
    private static final class Received implements TicketEventHandler {
        final List<TicketEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void handle(TicketEvent event) {
            events.add(event);
        }

        List<TicketStatus> statusesOf(String ticketId) {
            List<TicketStatus> statuses = new ArrayList<>();
            for (TicketEvent event : events) {
                if (ticketId.equals(event.ticketId()) && event.status() != null) {
                    statuses.add(event.status());
                }
            }
            return statuses;
        }

        boolean saw(String ticketId, TicketStatus status) {
            return statusesOf(ticketId).contains(status);
        }

        /** Whether the ticket's statuses so far hold {@code steps} in this order (others may come between). */
        boolean sawInOrder(String ticketId, TicketStatus... steps) {
            int next = 0;
            for (TicketStatus status : statusesOf(ticketId)) {
                if (next < steps.length && status == steps[next]) {
                    next++;
                }
            }
            return next == steps.length;
        }

        List<TicketEvent> of(String ticketId) {
            return events.stream().filter(event -> ticketId.equals(event.ticketId())).toList();
        }

        List<String> identities() {
            List<String> ids = new ArrayList<>();
            for (TicketEvent event : events) {
                ids.add(event.ticketId() + "/" + event.id());
            }
            return ids;
        }
    }

    /** Waits until {@code condition} holds, failing after 20 s. */
    protected static void eventually(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                Assertions.fail("not within " + WAIT + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void everyStepOfATicketsLifecycleReachesTheSubscriptionInOrder() {
        Received received = new Received();
        SubscriptionStore store = new InMemorySubscriptionStore();
        TicketSubscription subscription = subscribe(received, options("lifecycle").store(store).build()).start();
        String ticket = openTicket();

        // Each step waits for the subscription to see the last: a state passed through between two polls is not seen.
        providerSide().askForInformation(ticket);
        eventually("the information request", () -> received.sawInOrder(ticket, TicketStatus.WAITING_FOR_OPERATOR));
        client.transition(ticket, StatusChange.to(TicketStatus.IN_PROGRESS).withComment(LIFECYCLE_ANSWER));
        eventually("the answer", () -> received.sawInOrder(ticket, TicketStatus.WAITING_FOR_OPERATOR, TicketStatus.IN_PROGRESS));
        providerSide().resolve(ticket);
        eventually("the resolution", () -> received.sawInOrder(ticket, TicketStatus.WAITING_FOR_OPERATOR,
                TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED));
        client.transition(ticket, StatusChange.to(TicketStatus.CLOSED));
        eventually("the closing", () -> received.sawInOrder(ticket, TicketStatus.WAITING_FOR_OPERATOR,
                TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED, TicketStatus.CLOSED));

        List<TicketStatus> statuses = received.statusesOf(ticket);
        assertThat(statuses.get(statuses.size() - 1)).isEqualTo(TicketStatus.CLOSED);
        assertThat(received.identities()).doesNotHaveDuplicates();
        assertThat(received.events).allSatisfy(event -> assertThat(event.ticketId()).isEqualTo(ticket));
        checkLifecycleEvents(new LifecycleRun(ticket, received.of(ticket), store, subscription));
    }

    @Test
    void eachTicketsEventsArriveInTheOrderTheyHappened() {
        Received received = new Received();
        subscribe(received, options("order").build()).start();
        String first = openTicket();
        String second = openTicket();

        providerSide().askForInformation(first);
        providerSide().askForInformation(second);
        eventually("both tickets waiting for the operator", () -> received.saw(first, TicketStatus.WAITING_FOR_OPERATOR)
                && received.saw(second, TicketStatus.WAITING_FOR_OPERATOR));
        providerSide().resolve(second);
        providerSide().resolve(first);
        eventually("both tickets resolved", () -> received.saw(first, TicketStatus.RESOLVED)
                && received.saw(second, TicketStatus.RESOLVED));

        for (String ticket : List.of(first, second)) {
            List<TicketStatus> statuses = received.statusesOf(ticket);
            assertThat(statuses.indexOf(TicketStatus.WAITING_FOR_OPERATOR))
                    .as("ticket %s: %s", ticket, statuses)
                    .isLessThan(statuses.lastIndexOf(TicketStatus.RESOLVED));
            assertThat(statuses.get(statuses.size() - 1)).isEqualTo(TicketStatus.RESOLVED);
        }
        assertThat(received.identities()).doesNotHaveDuplicates();
        assertThat(received.events).allSatisfy(event -> assertThat(event.provider()).isEqualTo(client.provider()));
    }

    @Test
    void aRestartedSubscriptionGoesOnFromItsStoreWithoutLossOrRepeats() {
        SubscriptionStore store = new InMemorySubscriptionStore();
        restartsWithoutLossOrRepeats(() -> store, () -> store);
    }

    @Test
    void aSubscriptionRestartedOnItsReopenedFileStoreGoesOnWithoutLossOrRepeats(@TempDir Path directory) {
        Path journal = directory.resolve("subscription.journal");
        List<SubscriptionStore> stores = new ArrayList<>();
        Supplier<SubscriptionStore> open = () -> {
            SubscriptionStore store = FileSubscriptionStore.open(journal);
            stores.add(store);
            return store;
        };
        try {
            restartsWithoutLossOrRepeats(open, () -> {
                // The first process ends: its store is closed and the file opened again, as after a restart.
                stores.get(0).close();
                return open.get();
            });
        } finally {
            opened.forEach(TicketSubscription::close);
            stores.forEach(SubscriptionStore::close);
        }
    }

    private void restartsWithoutLossOrRepeats(Supplier<SubscriptionStore> firstStore, Supplier<SubscriptionStore> secondStore) {
        Received before = new Received();
        TicketSubscription first = subscribe(before, options("restart").store(firstStore.get()).build()).start();
        String ticket = openTicket();
        providerSide().askForInformation(ticket);
        eventually("the information request", () -> before.saw(ticket, TicketStatus.WAITING_FOR_OPERATOR));
        first.close();

        providerSide().resolve(ticket);
        Received after = new Received();
        subscribe(after, options("restart").store(secondStore.get()).build()).start();
        eventually("the resolution made while stopped", () -> after.saw(ticket, TicketStatus.RESOLVED));

        List<String> handledBefore = before.identities();
        assertThat(after.identities()).as("handled before the restart").doesNotContainAnyElementsOf(handledBefore);
        assertThat(after.identities()).doesNotHaveDuplicates();
        assertThat(after.statusesOf(ticket)).doesNotContain(TicketStatus.WAITING_FOR_OPERATOR);
    }

    @Test
    void aFailingEventIsRetriedThenParkedWhileOtherTicketsAndItsTicketsLaterEventsGoOn() {
        String poisoned = openTicket();
        String healthy = openTicket();
        Map<String, Integer> attempts = new ConcurrentHashMap<>();
        AtomicBoolean heal = new AtomicBoolean();
        Set<String> poisonedEvent = ConcurrentHashMap.newKeySet();
        Received received = new Received();
        TicketEventHandler handler = event -> {
            boolean isPoison = poisoned.equals(event.ticketId()) && event.status() == TicketStatus.WAITING_FOR_OPERATOR;
            if (isPoison && !heal.get()) {
                poisonedEvent.add(event.id());
                attempts.merge(event.id(), 1, Integer::sum);
                throw new IllegalStateException("back office refuses event " + event.id());
            }
            received.handle(event);
        };
        TicketSubscription subscription = subscribe(handler, options("poison")
                .retry(3, Duration.ofMillis(20), Duration.ofMillis(50)).build()).start();

        providerSide().askForInformation(poisoned);
        providerSide().askForInformation(healthy);
        eventually("the healthy ticket's event", () -> received.saw(healthy, TicketStatus.WAITING_FOR_OPERATOR));
        eventually("the poisoned event parked", () -> !subscription.deadLetters().isEmpty());

        DeadLetter letter = subscription.deadLetters().get(0);
        assertThat(letter.event().ticketId()).isEqualTo(poisoned);
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.error()).contains("back office refuses event");
        assertThat(attempts.get(letter.event().id())).isEqualTo(3);
        assertThat(recorded.deliveries).as("each failed delivery is told with its attempt and outcome")
                .filteredOn(delivery -> delivery.key().equals(letter.key()))
                .extracting(RecordingInstrumentation.Delivered::attempt, RecordingInstrumentation.Delivered::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Outcome.ERROR),
                        org.assertj.core.groups.Tuple.tuple(2, Outcome.ERROR), org.assertj.core.groups.Tuple.tuple(3, Outcome.ERROR));
        assertThat(subscription.health().parked()).isEqualTo(1);
        assertThat(subscription.health().failed()).isGreaterThanOrEqualTo(3);

        providerSide().resolve(poisoned);
        eventually("the poisoned ticket's later event", () -> received.saw(poisoned, TicketStatus.RESOLVED));

        heal.set(true);
        assertThat(subscription.replay(letter.key())).isTrue();
        eventually("the replayed dead letter", () -> received.saw(poisoned, TicketStatus.WAITING_FOR_OPERATOR));
        eventually("the dead letter removed", () -> subscription.deadLetters().isEmpty());
        assertThat(subscription.replay("no-such-key")).isFalse();
    }

    @Test
    void eachDeliveryAndTheSubscriptionsStartAndStopAreToldToTheInstrumentation() {
        Received received = new Received();
        TicketSubscription subscription = subscribe(received, options("told").build()).start();
        String ticket = openTicket();
        providerSide().askForInformation(ticket);
        eventually("the information request", () -> received.saw(ticket, TicketStatus.WAITING_FOR_OPERATOR));
        eventually("its delivery told", () -> recorded.deliveries.size() >= received.events.size());
        subscription.close();

        assertThat(recorded.started).containsExactly("told");
        assertThat(recorded.stopped).containsExactly("told");
        assertThat(recorded.deliveries).hasSize(received.events.size()).allSatisfy(delivery -> {
            assertThat(delivery.provider()).isEqualTo(client.provider());
            assertThat(delivery.subscription()).isEqualTo("told");
            assertThat(delivery.attempt()).isEqualTo(1);
            assertThat(delivery.outcome()).isEqualTo(Outcome.SUCCESS);
        });
        assertThat(recorded.deliveries).extracting(RecordingInstrumentation.Delivered::key).doesNotHaveDuplicates();
        assertThat(recorded.open).as("every operation (a poll included) ended").isEmpty();
    }

    @Test
    void closeStopsPromptlyAndNothingIsHandedOverAfterIt() {
        Received received = new Received();
        TicketEventHandler slow = event -> {
            Thread.sleep(200);
            received.handle(event);
        };
        TicketSubscription subscription = subscribe(slow, options("close").build()).start();
        String ticket = openTicket();
        providerSide().askForInformation(ticket);
        eventually("a first event", () -> !received.events.isEmpty());

        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(8), subscription::close);
        int atClose = received.events.size();
        assertThat(subscription.health().running()).isFalse();
        assertThat(subscription.health().holdsLease()).isFalse();
        providerSide().resolve(ticket);
        pauseForTwoPolls();
        assertThat(received.events).hasSize(atClose);
    }

    @Test
    void healthReportsWhatWasDelivered() {
        Received received = new Received();
        TicketSubscription subscription = subscribe(received, options("health").build()).start();
        String ticket = openTicket();
        providerSide().askForInformation(ticket);
        eventually("the information request", () -> received.saw(ticket, TicketStatus.WAITING_FOR_OPERATOR));
        eventually("every event received handled", () -> subscription.health().lag().isZero());

        SubscriptionHealth health = subscription.health();
        assertThat(health.running()).isTrue();
        assertThat(health.holdsLease()).isTrue();
        assertThat(health.delivered()).isEqualTo(received.events.size());
        assertThat(health.failed()).isZero();
        assertThat(health.parked()).isZero();
        assertThat(health.inboxDepth()).isZero();
        assertThat(health.lastSuccess()).isNotNull().isBefore(Instant.now().plusSeconds(1));
        assertThat(subscription.name()).isEqualTo("health");
    }

    @Test
    void aStoreThatCannotBeWrittenStopsTheSubscriptionWithAClearError() {
        FailingStore refusing = new FailingStore();
        refusing.failLeases.set(true);
        TicketSubscription never = subscribe(event -> { }, options("unwritable").store(refusing).build());
        assertThatThrownBy(never::start).isInstanceOf(SubscriptionStoreException.class).hasMessageContaining("disk full");
        assertThat(never.health().running()).isFalse();

        FailingStore failing = new FailingStore();
        Received received = new Received();
        TicketSubscription subscription = subscribe(received, options("fails-later").store(failing).build()).start();
        failing.failCommits.set(true);
        String ticket = openTicket();
        providerSide().askForInformation(ticket);
        eventually("the subscription stopped", () -> !subscription.health().running());
        assertThat(subscription.health().lastError()).contains("the store could not").contains("disk full");
    }

    /** Waits long enough for a polled provider to have been read twice more (and a push to have arrived). */
    protected void pauseForTwoPolls() {
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A store whose writes fail when told to, as a full disk or a lost database would make them. */
    protected static final class FailingStore extends ForwardingSubscriptionStore {
        final AtomicBoolean failLeases = new AtomicBoolean();
        final AtomicBoolean failCommits = new AtomicBoolean();

        FailingStore() {
            super(new InMemorySubscriptionStore());
        }

        private static void check(AtomicBoolean flag) {
            if (flag.get()) {
                throw new SubscriptionStoreException("cannot write /var/lib/test/store: disk full");
            }
        }

        @Override
        public Optional<Lease> acquireLease(String subscription, String owner, Duration ttl) {
            check(failLeases);
            return super.acquireLease(subscription, owner, ttl);
        }

        @Override
        public Optional<Lease> renewLease(Lease lease) {
            check(failLeases);
            return super.renewLease(lease);
        }

        @Override
        public void commit(Lease lease, Commit commit) {
            check(failCommits);
            super.commit(lease, commit);
        }

        @Override
        public void follow(String subscription, FollowedTicket ticket) {
            check(failCommits);
            super.follow(subscription, ticket);
        }

        @Override
        public boolean addToInbox(String subscription, StoredEvent event) {
            check(failCommits);
            return super.addToInbox(subscription, event);
        }
    }
}
