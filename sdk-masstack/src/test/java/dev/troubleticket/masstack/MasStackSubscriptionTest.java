package dev.troubleticket.masstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.Commit;
import dev.troubleticket.core.subscription.store.FollowedTicket;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What MasStack's subscription follows, what it keeps in its store, and when it lets a ticket go. */
class MasStackSubscriptionTest {
    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private MasStackSimulator simulator;
    private MasStackClient client;
    private final List<TicketSubscription> opened = new ArrayList<>();
    private final List<MasStackClient> clients = new ArrayList<>();
    private final List<TicketEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        simulator = new MasStackSimulator().start(0);
        client = newClient();
    }

    @AfterEach
    void stop() {
        opened.forEach(TicketSubscription::close);
        clients.forEach(MasStackClient::close);
        simulator.close();
    }

    private MasStackClient newClient() {
        MasStackClient made = (MasStackClient) TicketingClients.create("masstack", simulator.clientSettings());
        clients.add(made);
        return made;
    }

    private TicketSubscription subscribe(MasStackClient owner, SubscriptionStore store, String... tickets) {
        TicketSubscription subscription = owner.subscribe(events::add, SubscriptionOptions.builder("back-office")
                .store(store).pollInterval(INTERVAL).tickets(Set.of(tickets)).build());
        opened.add(subscription);
        return subscription;
    }

    private String open(MasStackClient through, String reference) {
        return through.create(simulator.sampleCreateRequest(reference)).id();
    }

    private List<TicketEvent> eventsOf(String ticketId) {
        List<TicketEvent> of = new ArrayList<>();
        for (TicketEvent event : events) {
            if (ticketId.equals(event.ticketId())) {
                of.add(event);
            }
        }
        return of;
    }

    private boolean received(String ticketId, String providerType) {
        return eventsOf(ticketId).stream().anyMatch(e -> providerType.equals(e.providerType()));
    }

    private static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
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

    /** Long enough for every followed ticket of these tests to have been read a few times. */
    private static void pauseForSomeReads() throws InterruptedException {
        Thread.sleep(INTERVAL.toMillis() * 6);
    }

    @Test
    void aTicketOpenedThroughTheClientIsKeptInTheStoreAndFollowedAfterARestartBeforeItHadAnyEvent() throws Exception {
        RecordingStore store = new RecordingStore();
        TicketSubscription first = subscribe(client, store).start();
        String ticket = open(client, "ONV-1");
        assertThat(store.record("back-office", ticket)).as("kept at once").hasValueSatisfying(
                record -> assertThat(record.state()).startsWith("OPENACTIVE,"));
        pauseForSomeReads();
        first.close();
        assertThat(events).isEmpty();

        simulator.askForInformation(ticket, "¿A qué hora está el cliente?");
        subscribe(newClient(), store).start();

        eventually("the information request made while stopped", () -> received(ticket, "TO05"));
        assertThat(eventsOf(ticket)).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo(TicketStatus.WAITING_FOR_OPERATOR);
            assertThat(event.comment()).isEqualTo("¿A qué hora está el cliente?");
            assertThat(event.id()).startsWith(ticket + "#1.");
        });
    }

    @Test
    void aTicketFollowedByIdBeforeItsFirstReadIsStillFollowedAfterARestart() {
        String ticket = open(newClient(), "ONV-2");
        RecordingStore store = new RecordingStore();
        TicketSubscription neverStarted = subscribe(client, store);
        neverStarted.follow(ticket);
        neverStarted.close();
        assertThat(store.record("back-office", ticket)).hasValueSatisfying(record -> assertThat(record.state()).isNull());

        subscribe(newClient(), store).start();

        eventually("the ticket observed", () -> received(ticket, "observed"));
        assertThat(eventsOf(ticket).get(0).status()).isEqualTo(TicketStatus.IN_PROGRESS);
    }

    @Test
    void aTicketOpenedThroughTheTypedApiIsFollowedFromTheStateItWasOpenedIn() throws Exception {
        RecordingStore store = new RecordingStore();
        subscribe(client, store).start();
        String ticket = client.unwrap(MasStackApi.class).create(Fixtures.typedRequest("ONV-3").build()).ticketId();
        assertThat(store.record("back-office", ticket)).isPresent();
        pauseForSomeReads();

        simulator.requestCancellation(ticket, "Avería duplicada");

        eventually("the cancellation request", () -> received(ticket, "TO02"));
        assertThat(eventsOf(ticket)).as("no 'observed': the state at creation was known").singleElement()
                .satisfies(event -> assertThat(event.status()).isEqualTo(TicketStatus.CANCELLATION_REQUESTED));
    }

    @Test
    void aTicketInAFinalStateIsDroppedAfterItsLastEventAndNoLongerRead() throws Exception {
        RecordingStore store = new RecordingStore();
        SimulatorRequests requests = SimulatorRequests.recordedAt(simulator);
        subscribe(client, store).start();
        String ticket = open(client, "ONV-4");
        String other = open(client, "ONV-5");
        simulator.resolve(ticket, "CTO reparado");
        eventually("the resolution", () -> received(ticket, "TO07"));

        client.transition(ticket, StatusChange.to(TicketStatus.CLOSED));

        eventually("the closing", () -> received(ticket, "TU09"));
        eventually("the ticket no longer in the store", () -> store.record("back-office", ticket).isEmpty());
        assertThat(store.commits).filteredOn(c -> ticket.equals(c.unfollow())).singleElement()
                .satisfies(c -> assertThat(c.eventKey()).isEqualTo(eventsOf(ticket).get(1).id()));
        long after = System.nanoTime();
        pauseForSomeReads();
        assertThat(requests.readsOf(ticket, after)).as("reads of the closed ticket").isZero();
        assertThat(requests.readsOf(other, after)).as("reads of the open one").isPositive();
        assertThat(store.record("back-office", other)).isPresent();
    }

    @Test
    void followReportsATicketOpenedElsewhereAsObservedThenItsChanges() {
        String ticket = open(newClient(), "ONV-6");
        simulator.askForInformation(ticket, "¿Horario?");
        TicketSubscription subscription = subscribe(client, new RecordingStore()).start();

        subscription.follow(ticket);

        eventually("the ticket observed", () -> received(ticket, "observed"));
        assertThat(eventsOf(ticket).get(0)).satisfies(event -> {
            assertThat(event.kind()).isEqualTo(TicketEvent.Kind.STATUS_CHANGE);
            assertThat(event.status()).isEqualTo(TicketStatus.WAITING_FOR_OPERATOR);
            assertThat(event.providerStatus()).isEqualTo("DEFERRED.AWAITING-INFORMATION");
            assertThat(event.comment()).isEqualTo("¿Horario?");
            assertThat(event.id()).startsWith(ticket + "#1.");
            assertThat(event.raw().json()).contains("\"ticketId\":\"" + ticket + "\"");
        });
        client.transition(ticket, StatusChange.to(TicketStatus.IN_PROGRESS).withComment("A partir de las 18:00"));
        eventually("the operator's answer", () -> received(ticket, "TU06"));
    }

    @Test
    void aNewDialogInTheSameStateIsACommentAndAStateChangeNamesItsTransactionEachNumberedInTurn() {
        subscribe(client, new RecordingStore()).start();
        String ticket = open(client, "ONV-10");

        simulator.writeDialog(ticket, "Técnico asignado");
        eventually("the territory owner's message", () -> received(ticket, "dialog"));
        simulator.requestCancellation(ticket, "Duplicada");
        eventually("the cancellation request", () -> received(ticket, "TO02"));

        assertThat(eventsOf(ticket)).extracting(TicketEvent::kind, TicketEvent::providerType, TicketEvent::status, TicketEvent::comment)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TicketEvent.Kind.COMMENT, "dialog", null, "Técnico asignado"),
                        org.assertj.core.groups.Tuple.tuple(TicketEvent.Kind.STATUS_CHANGE, "TO02",
                                TicketStatus.CANCELLATION_REQUESTED, "Duplicada"));
        assertThat(eventsOf(ticket)).extracting(e -> e.id().substring(0, e.id().indexOf('.')))
                .containsExactly(ticket + "#1", ticket + "#2");
    }

    @Test
    void theOptionsTicketsAreFollowedFromTheStart() {
        String ticket = open(newClient(), "ONV-7");

        subscribe(client, new RecordingStore(), ticket).start();

        eventually("the ticket observed", () -> received(ticket, "observed"));
    }

    @Test
    void ticketsOpenedBeforeAnySubscriptionIsOpenAreFollowedByTheNextOne() {
        String ticket = open(client, "ONV-8");
        RecordingStore store = new RecordingStore();

        subscribe(client, store).start();
        simulator.writeDialog(ticket, "Técnico asignado");

        eventually("the territory owner's message", () -> received(ticket, "dialog"));
        assertThat(eventsOf(ticket)).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(TicketEvent.Kind.COMMENT);
            assertThat(event.comment()).isEqualTo("Técnico asignado");
        });
        assertThat(store.record("back-office", ticket)).isPresent();
    }

    @Test
    void aTicketThatNoLongerExistsIsUnfollowedWithoutStoppingTheOthers() {
        RecordingStore store = new RecordingStore();
        TicketSubscription subscription = subscribe(client, store).start();
        String other = open(client, "ONV-11");

        subscription.follow("RED-9999");

        eventually("the missing ticket unfollowed", () -> store.unfollows.contains("RED-9999"));
        assertThat(store.record("back-office", "RED-9999")).isEmpty();
        assertThat(events).isEmpty();
        assertThat(subscription.health().running()).isTrue();
        simulator.resolve(other, "reparada");
        eventually("the other ticket's resolution", () -> received(other, "TO07"));
        assertThat(events).extracting(TicketEvent::ticketId).containsOnly(other);
    }

    @Test
    void unfollowStopsReadingATicketAndRemovesItsRecord() throws Exception {
        RecordingStore store = new RecordingStore();
        SimulatorRequests requests = SimulatorRequests.recordedAt(simulator);
        TicketSubscription subscription = subscribe(client, store).start();
        String ticket = open(client, "ONV-9");
        pauseForSomeReads();

        subscription.unfollow(ticket);
        long after = System.nanoTime();
        pauseForSomeReads();

        assertThat(store.record("back-office", ticket)).isEmpty();
        assertThat(requests.readsOf(ticket, after)).isLessThanOrEqualTo(1);
    }

    @Test
    void eachEventCommitsOneRecordOfItsOwnTicketAndReadsWithoutChangeWriteNothing() throws Exception {
        RecordingStore store = new RecordingStore();
        subscribe(client, store).start();
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tickets.add(client.unwrap(MasStackApi.class).create(Fixtures.typedRequest("ONV-" + (100 + i)).build()).ticketId());
        }
        pauseForSomeReads();
        assertThat(store.commits).as("reads that found no change").isEmpty();
        assertThat(store.follows).hasSize(30);

        for (String changed : tickets.subList(0, 3)) {
            simulator.askForInformation(changed, "¿Horario?");
        }
        eventually("three information requests", () -> events.size() == 3);
        pauseForSomeReads();

        assertThat(store.commits).hasSize(3);
        for (Commit commit : store.commits) {
            FollowedTicket record = commit.followed();
            TicketEvent event = events.stream().filter(e -> e.id().equals(commit.eventKey())).findFirst().orElseThrow();
            assertThat(record.ticketId()).isEqualTo(event.ticketId());
            assertThat(record.state()).startsWith("DEFERRED.AWAITING-INFORMATION,").endsWith(",1").hasSizeLessThan(64);
        }
        assertThat(store.followedReads).as("the whole set is read at start only").hasValue(1);
    }
}
