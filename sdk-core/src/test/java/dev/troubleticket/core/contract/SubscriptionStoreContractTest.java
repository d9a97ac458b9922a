package dev.troubleticket.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.troubleticket.core.model.RawPayload;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.store.DeadLetter;
import dev.troubleticket.core.subscription.store.Commit;
import dev.troubleticket.core.subscription.store.FollowedTicket;
import dev.troubleticket.core.subscription.store.HubRegistration;
import dev.troubleticket.core.subscription.store.Lease;
import dev.troubleticket.core.subscription.store.LeaseLostException;
import dev.troubleticket.core.subscription.store.StoredEvent;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SubscriptionStore} must do, whatever keeps its data: leases with fencing tokens, atomic
 * commits, the bounded seen window, followed tickets, the hub registration, the inbox and dead letters, and (for
 * a store that persists) all of it again after {@code close()} and a new open. In the core's test-jar, so that
 * every store (the embedded ones here, a database one in its own module) extends it.
 *
 * <p>Leases are timed by a {@link MutableClock} the tests move by hand.
 */
public abstract class SubscriptionStoreContractTest {
    /** The seen window the store under test is made with. */
    protected static final int SEEN_WINDOW = 5;
    protected static final String SUB = "back-office";
    protected static final Duration TTL = Duration.ofSeconds(30);

    protected final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    protected SubscriptionStore store;

    /** A new, empty store remembering {@code seenWindow} handled events per subscription, its leases timed by {@code clock}. */
    protected abstract SubscriptionStore newStore(MutableClock clock, int seenWindow);

    /** Whether what the store keeps outlives {@code close()} (then {@link #reopen} must be implemented). */
    protected abstract boolean persists();

    /** Opens again the store {@link #newStore} made, after it was closed. */
    protected SubscriptionStore reopen(MutableClock clock, int seenWindow) {
        throw new UnsupportedOperationException("this store does not persist");
    }

    @BeforeEach
    void openStore() {
        store = newStore(clock, SEEN_WINDOW);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private void closeAndReopen() {
        store.close();
        store = reopen(clock, SEEN_WINDOW);
    }

    private Lease lease() {
        return store.acquireLease(SUB, "instance-a", TTL).orElseThrow();
    }

    // ------------------------------------------------------------------ fixtures

    /** An event with every field set, text that needs escaping included. */
    protected static TicketEvent event(String id) {
        return new TicketEvent("kosc", id, "TT-" + id, TicketEvent.Kind.STATUS_CHANGE, Instant.parse("2025-03-01T09:59:58.123456789Z"),
                "Opérateur \"N°1\"", "line one\nline two\ttabbed \\ back\u2028slash é 😀", TicketStatus.WAITING_FOR_OPERATOR,
                "deferred", "ticket-status", new RawPayload("kosc", "{\"id\":\"" + id + "\",\n \"comment\":\"a\\nb\",\"n\":[1,2]}"));
    }

    protected static StoredEvent stored(String key) {
        return new StoredEvent(key, "TT-" + key, event(key), Instant.parse("2025-03-01T10:00:01Z"));
    }

    protected static DeadLetter letter(String key) {
        return new DeadLetter(key, event(key), "java.lang.IllegalStateException: back office down", 5,
                Instant.parse("2025-03-01T10:05:00Z"));
    }

    @Test
    void fixtureEventSetsEveryComponentSoThatRoundTripsCoverNewFields() throws Exception {
        TicketEvent event = event("e1");
        for (RecordComponent component : TicketEvent.class.getRecordComponents()) {
            assertThat(component.getAccessor().invoke(event)).as(component.getName()).isNotNull();
        }
        for (RecordComponent component : DeadLetter.class.getRecordComponents()) {
            assertThat(component.getAccessor().invoke(letter("d1"))).as(component.getName()).isNotNull();
        }
    }

    // ------------------------------------------------------------------ lease

    @Test
    void leaseIsGrantedWhenNobodyHoldsIt() {
        Lease lease = lease();

        assertThat(lease.subscription()).isEqualTo(SUB);
        assertThat(lease.owner()).isEqualTo("instance-a");
        assertThat(lease.token()).isPositive();
        assertThat(lease.expiresAt()).isEqualTo(clock.instant().plus(TTL));
    }

    @Test
    void leaseIsRefusedToAnotherOwnerWhileLive() {
        lease();
        clock.advance(TTL.minusSeconds(1));

        assertThat(store.acquireLease(SUB, "instance-b", TTL)).isEmpty();
    }

    @Test
    void holderAcquiringAgainKeepsItsTokenAndExtendsTheLease() {
        Lease first = lease();
        clock.advance(Duration.ofSeconds(10));

        Lease again = lease();

        assertThat(again.token()).isEqualTo(first.token());
        assertThat(again.expiresAt()).isEqualTo(clock.instant().plus(TTL));
    }

    @Test
    void expiredLeaseIsTakenOverWithAHigherToken() {
        Lease first = lease();
        clock.advance(TTL.plusSeconds(1));

        Lease taken = store.acquireLease(SUB, "instance-b", TTL).orElseThrow();

        assertThat(taken.owner()).isEqualTo("instance-b");
        assertThat(taken.token()).isGreaterThan(first.token());
        assertThat(store.renewLease(first)).as("the old holder's renewal").isEmpty();
    }

    @Test
    void renewalMovesTheExpirySoThatNobodyTakesTheLeaseAtTheOldOne() {
        Lease first = lease();
        clock.advance(Duration.ofSeconds(20));

        Lease renewed = store.renewLease(first).orElseThrow();
        clock.advance(Duration.ofSeconds(20));

        assertThat(renewed.token()).isEqualTo(first.token());
        assertThat(renewed.expiresAt()).isEqualTo(Instant.parse("2025-03-01T10:00:50Z"));
        assertThat(store.acquireLease(SUB, "instance-b", TTL)).isEmpty();
    }

    @Test
    void releasedLeaseIsTakenAtOnceByAnotherOwnerWithAHigherToken() {
        Lease first = lease();

        store.releaseLease(first);
        Lease taken = store.acquireLease(SUB, "instance-b", TTL).orElseThrow();

        assertThat(taken.token()).isGreaterThan(first.token());
    }

    @Test
    void releasingALostLeaseLeavesTheNewHolderInPlace() {
        Lease first = lease();
        clock.advance(TTL.plusSeconds(1));
        Lease taken = store.acquireLease(SUB, "instance-b", TTL).orElseThrow();

        store.releaseLease(first);

        assertThat(store.acquireLease(SUB, "instance-a", TTL)).isEmpty();
        assertThat(store.renewLease(taken)).isPresent();
    }

    @Test
    void leasesOfTwoSubscriptionsAreIndependent() {
        lease();

        assertThat(store.acquireLease("other", "instance-b", TTL)).isPresent();
    }

    @Test
    void commitWithAnOlderTokenIsRefusedAndNothingOfItIsApplied() {
        Lease old = lease();
        store.commit(old, Commit.handled(SUB, "before").withPosition("tickets", "p1"));
        store.addToInbox(SUB, stored("pushed"));
        store.follow(SUB, new FollowedTicket("RED-1", "OPEN", clock.instant()));
        clock.advance(TTL.plusSeconds(1));
        Lease newer = store.acquireLease(SUB, "instance-b", TTL).orElseThrow();

        Commit stale = new Commit(SUB, "stale-event", "tickets", "p2", new FollowedTicket("RED-2", "OPEN", clock.instant()),
                "RED-1", "pushed", letter("stale-letter"));
        assertThatThrownBy(() -> store.commit(old, stale)).isInstanceOf(LeaseLostException.class)
                .hasMessageContaining(SUB).hasMessageContaining(String.valueOf(newer.token()));

        assertThat(store.seen(SUB, "stale-event")).isFalse();
        assertThat(store.positions(SUB)).containsExactlyEntriesOf(Map.of("tickets", "p1"));
        assertThat(store.followed(SUB)).extracting(FollowedTicket::ticketId).containsExactly("RED-1");
        assertThat(store.inbox(SUB, 10)).extracting(StoredEvent::key).containsExactly("pushed");
        assertThat(store.deadLetters(SUB)).isEmpty();
        store.commit(newer, Commit.position(SUB, "tickets", "p3"));
        assertThat(store.positions(SUB)).containsEntry("tickets", "p3");
    }

    @Test
    void commitWithTheLeaseOfAnotherSubscriptionIsRefused() {
        Lease other = store.acquireLease("other", "instance-a", TTL).orElseThrow();
        lease();

        assertThatThrownBy(() -> store.commit(other, Commit.handled(SUB, "k1"))).isInstanceOf(LeaseLostException.class);
        assertThat(store.seen(SUB, "k1")).isFalse();
    }

    @Test
    void commitWithoutALeaseIsTakenWhenItMovesNoStreamAndRefusedWhenItDoes() {
        lease();
        store.addToInbox(SUB, stored("n1"));

        store.commit(null, Commit.handled(SUB, "n1").withInboxDone("n1"));
        assertThat(store.seen(SUB, "n1")).isTrue();
        assertThat(store.inbox(SUB, 10)).isEmpty();

        assertThatThrownBy(() -> store.commit(null, Commit.handled(SUB, "k2").withPosition("tickets", "p2")))
                .isInstanceOf(LeaseLostException.class);
        assertThat(store.positions(SUB)).doesNotContainKey("tickets");
        assertThat(store.seen(SUB, "k2")).isFalse();
    }

    // ------------------------------------------------------------------ commit

    @Test
    void eachPartOfACommitIsApplied() {
        Lease lease = lease();
        store.addToInbox(SUB, stored("n1"));
        store.follow(SUB, new FollowedTicket("RED-9", null, clock.instant()));

        store.commit(lease, Commit.handled(SUB, "k1"));
        assertThat(store.seen(SUB, "k1")).isTrue();

        store.commit(lease, Commit.position(SUB, "tickets", "2025-03-01T09:00:00Z"));
        assertThat(store.positions(SUB)).containsExactlyEntriesOf(Map.of("tickets", "2025-03-01T09:00:00Z"));

        FollowedTicket followed = new FollowedTicket("RED-1", "v1;OPENACTIVE,3f2a,2", clock.instant());
        store.commit(lease, new Commit(SUB, null, null, null, followed, null, null, null));
        assertThat(store.followed(SUB)).contains(followed);

        store.commit(lease, new Commit(SUB, null, null, null, null, "RED-9", null, null));
        assertThat(store.followed(SUB)).extracting(FollowedTicket::ticketId).containsExactly("RED-1");

        store.commit(lease, new Commit(SUB, null, null, null, null, null, "n1", null));
        assertThat(store.inboxDepth(SUB)).isZero();

        store.commit(lease, new Commit(SUB, null, null, null, null, null, null, letter("d1")));
        assertThat(store.deadLetters(SUB)).containsExactly(letter("d1"));
    }

    @Test
    void allPartsOfOneCommitAreAppliedTogether() {
        Lease lease = lease();
        store.addToInbox(SUB, stored("n1"));
        store.follow(SUB, new FollowedTicket("RED-9", null, clock.instant()));
        FollowedTicket followed = new FollowedTicket("RED-1", "RESOLVED", clock.instant());

        store.commit(lease, new Commit(SUB, "n1", "feed", "cursor-7", followed, "RED-9", "n1", letter("d1")));

        assertThat(store.seen(SUB, "n1")).isTrue();
        assertThat(store.positions(SUB)).containsExactlyEntriesOf(Map.of("feed", "cursor-7"));
        assertThat(store.followed(SUB)).containsExactly(followed);
        assertThat(store.inboxDepth(SUB)).isZero();
        assertThat(store.deadLetters(SUB)).containsExactly(letter("d1"));
    }

    @Test
    void partsLeftOutOfACommitAreKeptAsTheyAre() {
        Lease lease = lease();
        store.commit(lease, Commit.position(SUB, "tickets", "t1").withFollowed(new FollowedTicket("RED-1", "a", clock.instant())));
        store.commit(lease, Commit.position(SUB, "feed", "f1"));

        store.commit(lease, Commit.handled(SUB, "k1"));
        store.commit(lease, Commit.position(SUB, "tickets", "t2"));

        assertThat(store.positions(SUB)).containsExactlyInAnyOrderEntriesOf(Map.of("tickets", "t2", "feed", "f1"));
        assertThat(store.followed(SUB)).extracting(FollowedTicket::state).containsExactly("a");
    }

    @Test
    void subscriptionsKeepToTheirOwnState() {
        Lease lease = lease();
        Lease other = store.acquireLease("other", "instance-a", TTL).orElseThrow();

        store.commit(lease, Commit.handled(SUB, "k1").withPosition("tickets", "t1"));
        store.commit(other, Commit.position("other", "tickets", "o1"));
        store.follow("other", new FollowedTicket("RED-1", null, clock.instant()));
        store.addToInbox("other", stored("n1"));

        assertThat(store.seen("other", "k1")).isFalse();
        assertThat(store.positions("other")).containsExactlyEntriesOf(Map.of("tickets", "o1"));
        assertThat(store.followed(SUB)).isEmpty();
        assertThat(store.inboxDepth(SUB)).isZero();
        assertThat(store.addToInbox(SUB, stored("n1"))).as("the same key in another subscription").isTrue();
    }

    @Test
    void concurrentCommitsAreAllKept() throws Exception {
        Lease lease = lease();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        store.commit(lease, Commit.handled(SUB, "t" + thread + "-" + i).withPosition("s" + thread, "" + i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.positions(SUB)).containsExactlyInAnyOrderEntriesOf(Map.of("s0", "24", "s1", "24", "s2", "24", "s3", "24"));
        long seen = 0;
        for (int t = 0; t < 4; t++) {
            for (int i = 0; i < 25; i++) {
                seen += store.seen(SUB, "t" + t + "-" + i) ? 1 : 0;
            }
        }
        assertThat(seen).as("the window is full, and no larger").isEqualTo(SEEN_WINDOW);
    }

    // ------------------------------------------------------------------ seen window

    @Test
    void seenWindowForgetsTheOldestFirst() {
        Lease lease = lease();
        for (int i = 1; i <= SEEN_WINDOW + 2; i++) {
            store.commit(lease, Commit.handled(SUB, "k" + i));
        }

        assertThat(store.seen(SUB, "k1")).isFalse();
        assertThat(store.seen(SUB, "k2")).isFalse();
        for (int i = 3; i <= SEEN_WINDOW + 2; i++) {
            assertThat(store.seen(SUB, "k" + i)).as("k" + i).isTrue();
        }
    }

    @Test
    void unknownEventIsNotSeen() {
        assertThat(store.seen(SUB, "never")).isFalse();
    }

    // ------------------------------------------------------------------ followed tickets

    @Test
    void followedTicketsAreAddedReplacedAndRemoved() {
        Instant at = clock.instant();
        store.follow(SUB, new FollowedTicket("RED-1", null, at));
        store.follow(SUB, new FollowedTicket("RED-2", "OPEN", at));

        store.follow(SUB, new FollowedTicket("RED-1", "OPENACTIVE,3f2a,1", at));
        store.unfollow(SUB, "RED-2");
        store.unfollow(SUB, "never-followed");

        assertThat(store.followed(SUB)).containsExactly(new FollowedTicket("RED-1", "OPENACTIVE,3f2a,1", at));
    }

    // ------------------------------------------------------------------ hub

    @Test
    void hubRegistrationIsStoredReplacedAndRemoved() {
        assertThat(store.hub(SUB)).isEmpty();
        HubRegistration pending = new HubRegistration(null, "https://bo.example/listener/s3cr3t", "s3cr3t",
                "eventType=TroubleTicketStatusChangeEvent", clock.instant());

        store.saveHub(SUB, pending);
        assertThat(store.hub(SUB)).contains(pending);

        store.saveHub(SUB, pending.withHubId("hub-42"));
        assertThat(store.hub(SUB)).contains(pending.withHubId("hub-42"));
        assertThat(store.hub(SUB).orElseThrow().callbackToken()).isEqualTo("s3cr3t");

        store.saveHub(SUB, null);
        assertThat(store.hub(SUB)).isEmpty();
    }

    // ------------------------------------------------------------------ inbox

    @Test
    void inboxKeepsTheOrderReceivedAndTheWholeEvent() {
        for (String key : List.of("n3", "n1", "n2", "n5", "n4")) {
            assertThat(store.addToInbox(SUB, stored(key))).isTrue();
        }

        assertThat(store.inbox(SUB, 10)).extracting(StoredEvent::key).containsExactly("n3", "n1", "n2", "n5", "n4");
        assertThat(store.inbox(SUB, 2)).extracting(StoredEvent::key).containsExactly("n3", "n1");
        assertThat(store.inbox(SUB, 10).get(0)).isEqualTo(stored("n3"));
        assertThat(store.inboxDepth(SUB)).isEqualTo(5);
    }

    @Test
    void inboxRefusesARepeatByKey() {
        store.addToInbox(SUB, stored("n1"));

        assertThat(store.addToInbox(SUB, stored("n1"))).isFalse();
        assertThat(store.inboxDepth(SUB)).isEqualTo(1);
    }

    @Test
    void inboxRefusesAnEventAlreadySeen() {
        store.commit(lease(), Commit.handled(SUB, "n1"));

        assertThat(store.addToInbox(SUB, stored("n1"))).isFalse();
        assertThat(store.inboxDepth(SUB)).isZero();
    }

    @Test
    void handledNotificationLeavesTheInboxByCommitAndTheOthersKeepTheirOrder() {
        store.addToInbox(SUB, stored("n1"));
        store.addToInbox(SUB, stored("n2"));
        store.addToInbox(SUB, stored("n3"));

        store.commit(lease(), Commit.handled(SUB, "n2").withInboxDone("n2"));

        assertThat(store.inbox(SUB, 10)).extracting(StoredEvent::key).containsExactly("n1", "n3");
        assertThat(store.addToInbox(SUB, stored("n2"))).as("sent again after it was handled").isFalse();
    }

    // ------------------------------------------------------------------ dead letters

    @Test
    void deadLettersAreListedOldestFirstAndRemoved() {
        Lease lease = lease();
        for (String key : List.of("d2", "d1", "d3")) {
            store.commit(lease, Commit.handled(SUB, key).withDeadLetter(letter(key)));
        }

        assertThat(store.deadLetters(SUB)).extracting(DeadLetter::key).containsExactly("d2", "d1", "d3");
        assertThat(store.deadLetters(SUB).get(0)).isEqualTo(letter("d2"));

        store.removeDeadLetter(SUB, "d1");
        store.removeDeadLetter(SUB, "never-parked");

        assertThat(store.deadLetters(SUB)).extracting(DeadLetter::key).containsExactly("d2", "d3");
    }

    // ------------------------------------------------------------------ persistence

    @Test
    void everythingCommittedSurvivesCloseAndReopen() {
        assumeTrue(persists(), "this store keeps nothing across a close");
        Lease lease = lease();
        Instant at = clock.instant();
        HubRegistration hub = new HubRegistration("hub-7", "https://bo.example/listener/s3cr3t", "s3cr3t", null, at);
        for (int i = 1; i <= 3; i++) {
            store.commit(lease, Commit.handled(SUB, "k" + i).withPosition("tickets", "t" + i));
        }
        store.commit(lease, Commit.position(SUB, "feed", "f1"));
        store.follow(SUB, new FollowedTicket("RED-1", null, at));
        store.commit(lease, Commit.handled(SUB, "k4").withFollowed(new FollowedTicket("RED-1", "RESOLVED,ab12,3", at)));
        store.follow(SUB, new FollowedTicket("RED-2", "OPEN", at));
        store.saveHub(SUB, hub);
        store.addToInbox(SUB, stored("n2"));
        store.addToInbox(SUB, stored("n1"));
        store.commit(lease, Commit.handled(SUB, "d2").withDeadLetter(letter("d2")));
        store.commit(lease, Commit.handled(SUB, "d1").withDeadLetter(letter("d1")));

        closeAndReopen();

        assertThat(store.positions(SUB)).containsExactlyInAnyOrderEntriesOf(Map.of("tickets", "t3", "feed", "f1"));
        assertThat(store.seen(SUB, "k2")).isTrue();
        assertThat(store.seen(SUB, "k4")).isTrue();
        assertThat(store.followed(SUB)).containsExactlyInAnyOrder(new FollowedTicket("RED-1", "RESOLVED,ab12,3", at),
                new FollowedTicket("RED-2", "OPEN", at));
        assertThat(store.hub(SUB)).contains(hub);
        assertThat(store.hub(SUB).orElseThrow().callbackToken()).isEqualTo("s3cr3t");
        assertThat(store.inbox(SUB, 10)).containsExactly(stored("n2"), stored("n1"));
        assertThat(store.deadLetters(SUB)).containsExactly(letter("d2"), letter("d1"));
        assertThat(store.addToInbox(SUB, stored("k4"))).as("a seen key, after the reopen").isFalse();
    }

    @Test
    void removalsSurviveCloseAndReopen() {
        assumeTrue(persists(), "this store keeps nothing across a close");
        Lease lease = lease();
        store.follow(SUB, new FollowedTicket("RED-1", null, clock.instant()));
        store.follow(SUB, new FollowedTicket("RED-2", null, clock.instant()));
        store.saveHub(SUB, new HubRegistration(null, "https://bo.example/l", null, null, clock.instant()));
        store.addToInbox(SUB, stored("n1"));
        store.commit(lease, Commit.handled(SUB, "d1").withDeadLetter(letter("d1")));

        store.unfollow(SUB, "RED-1");
        store.commit(lease, Commit.handled(SUB, "x").withUnfollow("RED-2"));
        store.saveHub(SUB, null);
        store.commit(lease, Commit.handled(SUB, "n1").withInboxDone("n1"));
        store.removeDeadLetter(SUB, "d1");
        closeAndReopen();

        assertThat(store.followed(SUB)).isEmpty();
        assertThat(store.hub(SUB)).isEmpty();
        assertThat(store.inboxDepth(SUB)).isZero();
        assertThat(store.deadLetters(SUB)).isEmpty();
    }

    @Test
    void seenWindowIsStillBoundedAfterReopen() {
        assumeTrue(persists(), "this store keeps nothing across a close");
        Lease lease = lease();
        for (int i = 1; i <= SEEN_WINDOW + 1; i++) {
            store.commit(lease, Commit.handled(SUB, "k" + i));
        }

        closeAndReopen();
        store.commit(lease(), Commit.handled(SUB, "k" + (SEEN_WINDOW + 2)));

        assertThat(store.seen(SUB, "k1")).isFalse();
        assertThat(store.seen(SUB, "k2")).as("forgotten: the window moved on after the reopen").isFalse();
        assertThat(store.seen(SUB, "k3")).isTrue();
        assertThat(store.seen(SUB, "k" + (SEEN_WINDOW + 2))).isTrue();
    }

    @Test
    void leaseTokensKeepGrowingAcrossReopenSoThatAnOldLeaseStaysFenced() {
        assumeTrue(persists(), "this store keeps nothing across a close");
        Lease first = lease();
        store.releaseLease(first);
        Lease second = store.acquireLease(SUB, "instance-b", TTL).orElseThrow();
        store.commit(second, Commit.position(SUB, "tickets", "t1"));

        closeAndReopen();
        clock.advance(TTL.plusSeconds(1));
        Lease afterRestart = store.acquireLease(SUB, "instance-c", TTL).orElseThrow();

        assertThat(afterRestart.token()).isGreaterThan(second.token());
        assertThatThrownBy(() -> store.commit(first, Commit.position(SUB, "tickets", "stale")))
                .isInstanceOf(LeaseLostException.class);
        assertThat(store.positions(SUB)).containsEntry("tickets", "t1");
    }
}
