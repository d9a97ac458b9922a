package dev.troubleticket.reliability;

import dev.troubleticket.core.Capability;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.store.FileSubscriptionStore;
import dev.troubleticket.reliability.ProviderProfile.AccountEvent;
import dev.troubleticket.reliability.RestartableSubscription.DurableStore;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every provider's events followed through {@link dev.troubleticket.core.TicketingClient#subscribe}, the same way:
 * the subscription is killed at seeded random points (before the handler; after it, before the store's commit; just
 * after the commit; for push, between the inbox write and the answer) while three HTTP requests in ten fail, and
 * restarted each time with a new client and a new subscription on the same store, while tickets go on changing.
 * Nothing is lost (every status each ticket went through, every event the simulator holds or sent, every account
 * event), each ticket's and each order's events keep the order the provider gave them in, and no event whose
 * handling the store recorded is handed over again.
 */
@ExtendWith({ReliabilityReport.class, SecretRegistry.class})
class SubscriptionRestartTest {
    private static final boolean SOAK = Boolean.getBoolean("soak");
    /** Tickets opened at least; more waves are opened while planned kills remain. */
    private static final int TICKETS = SOAK ? 200 : 16;
    /** Tickets that go through their steps together, so that several lanes are in hand at each kill. */
    private static final int WAVE = 8;
    private static final int MAX_WAVES = 6 * TICKETS / WAVE;
    private static final int KILLS = SOAK ? 60 : 8;
    /** A kill about every this many passes of the kill point whose turn it is. */
    private static final int MEAN_GAP = 4;
    private static final long DRAIN_MILLIS = 30_000;
    /** How long a re-read provider's step may take to be seen. */
    private static final long STEP_MILLIS = 10_000;

    /** One step of a ticket's life, and the status an event must then tell. */
    private record Step(TicketStatus status, StepAction action) {
    }

    @FunctionalInterface
    private interface StepAction {
        boolean apply(Harness harness, Outcomes outcomes, String ticketId);
    }

    private static final List<Step> STEPS = List.of(
            new Step(TicketStatus.WAITING_FOR_OPERATOR, (h, o, id) ->
                    TicketSteps.providerSide(() -> h.simulator.askForInformation(id, "Which floor?"))),
            new Step(TicketStatus.IN_PROGRESS, (h, o, id) ->
                    TicketSteps.moveTo(o, h.client, id, TicketStatus.IN_PROGRESS, "third floor")),
            new Step(TicketStatus.RESOLVED, (h, o, id) ->
                    TicketSteps.providerSide(() -> h.simulator.resolve(id, "connector replaced"))),
            new Step(TicketStatus.CLOSED, (h, o, id) ->
                    TicketSteps.moveTo(o, h.client, id, TicketStatus.CLOSED, "thanks")));

    /** Each provider with one in-memory store kept across the runs, as a database outlives its clients. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kosc", "masstack", "nexera"})
    void killedAnywhereUnderFaultsAndRestartedOnTheSameStoreLosesNoEventAndRepeatsNoneItRecorded(String provider) {
        killAndRestart(ProviderProfile.of(provider), DurableStore.inMemory());
    }

    /**
     * The same with a {@link FileSubscriptionStore}: each run of the process opens the journal (and takes its lock),
     * and its death closes it, as a crash releases the lock, so the next run reads back what the dead one committed.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nexera"})
    void killedAnywhereAndRestartedOnAFileStoreLosesNoEventAndRepeatsNoneItRecorded(String provider, @TempDir Path directory) {
        Path journal = directory.resolve("subscriptions.journal");
        killAndRestart(ProviderProfile.of(provider), DurableStore.of("file store", () -> FileSubscriptionStore.open(journal), true));
    }

    private static void killAndRestart(ProviderProfile profile, DurableStore durable) {
        long began = System.nanoTime();
        try (Harness harness = new Harness(profile)) {
            SecretRegistry.register(profile.secrets(harness.simulator));
            long salt = 17 + profile.id().hashCode();
            harness.inject(FaultPlans.everything(salt, profile.tokenPaths()));
            boolean push = harness.client.supports(Capability.PUSH_NOTIFICATIONS);
            // A provider read by re-reading tickets shows only their current state: a state is told when it lasts
            // until a re-read, so each step waits for it before the next (a feed or a push tells every change).
            boolean reread = harness.client.supports(Capability.WATCH_BY_POLLING);
            KillSwitch kill = new KillSwitch(FaultPlans.SEED + salt, push ? KillSwitch.allPoints() : KillSwitch.polledPoints(),
                    KILLS, MEAN_GAP);
            DeliveryLog log = new DeliveryLog();
            Outcomes outcomes = new Outcomes(Harness.CALL_TIMEOUT.plus(Harness.BUDGET_SLACK));
            Map<String, List<TicketStatus>> reached = new LinkedHashMap<>();
            List<AccountEvent> accountEvents = new ArrayList<>();
            try (RestartableSubscription subscription = new RestartableSubscription(harness, "restart-" + profile.id(), durable,
                    kill, log)) {
                List<String> tickets = new ArrayList<>();
                BooleanSupplier caughtUp = () -> missedStatuses(reached, log).isEmpty()
                        && missedAccountEvents(accountEvents, log).isEmpty()
                        && profile.eventsMissed(harness.simulator, tickets, log, subscription.hubId()) == 0;
                int wave = 0;
                do {
                    List<String> opened = open(harness, outcomes, subscription, wave);
                    opened.forEach(id -> reached.put(id, new ArrayList<>()));
                    tickets.addAll(opened);
                    for (Step step : STEPS) {
                        for (String id : List.copyOf(opened)) {
                            if (step.action().apply(harness, outcomes, id)) {
                                reached.get(id).add(step.status());
                                outcomes.call("get", () -> harness.client.get(id)); // the back office reads what it did
                            } else {
                                opened.remove(id); // the ticket stays where the faults left it
                            }
                        }
                        if (reread) {
                            subscription.awaitUntil(() -> opened.stream().allMatch(id -> log.saw(id, step.status())), STEP_MILLIS);
                        }
                    }
                    accountEvents.addAll(profile.emitAccountEvents(harness.simulator, wave));
                    wave++;
                    if (wave * WAVE >= TICKETS) {
                        // Another wave only when the subscription has handled everything and kills remain planned.
                        subscription.awaitUntil(() -> kill.kills() >= KILLS || caughtUp.getAsBoolean(), DRAIN_MILLIS);
                    }
                } while ((wave * WAVE < TICKETS || kill.kills() < KILLS) && wave < MAX_WAVES);
                // Settled: everything handled, and the process restarted after each kill (the last may come just after
                // the last commit).
                boolean settled = subscription.awaitUntil(() -> caughtUp.getAsBoolean()
                        && subscription.restarts() + subscription.unexpectedStops().size() >= kill.kills(), DRAIN_MILLIS);
                // Long enough for a stray repeat to arrive: two polls and a lease.
                pause(2 * Harness.POLL_INTERVAL.toMillis() + Harness.LEASE_TTL.toMillis());
                // A killed run's receiver may still finish a request it had in hand: its notification reaches the
                // shared inbox after the next run's drain looked, and is handled at the drain's next look. Give it that
                // look before counting; an event that is really lost stays missed however long this waits.
                subscription.awaitUntil(caughtUp, DRAIN_MILLIS);
                long requests = harness.requests();
                long faulted = harness.faulted();

                Map<String, List<TicketStatus>> missed = missedStatuses(reached, log);
                List<AccountEvent> missedAccount = missedAccountEvents(accountEvents, log);
                long missedAtProvider = profile.eventsMissed(harness.simulator, tickets, log, subscription.hubId());
                long lost = missed.values().stream().mapToLong(List::size).sum() + missedAccount.size() + missedAtProvider;
                // Each ticket's events in the order the provider gave them: as they happened for a polled provider,
                // as the inbox received them for a push provider (which may send a retried one after a later one).
                Map<String, List<?>> outOfOrder = new LinkedHashMap<>();
                if (push) {
                    outOfOrder.putAll(log.outOfReceivedOrder());
                } else {
                    reached.forEach((id, statuses) -> {
                        if (!isSubsequence(statuses, log.statusesOf(id))) {
                            outOfOrder.put(id, log.statusesOf(id));
                        }
                    });
                }
                Map<String, List<String>> accountOrder = accountOrderBroken(accountEvents, log);
                int events = log.inOrder().size();

                ReliabilityReport.row(profile.id()).add(outcomes.operations(), harness.retries.retries(), outcomes.typedFailures(),
                        harness.injected()).requests(requests, faulted).subscription(kill.kills(), log.repeats()).losses(0, lost, 0);
                ReliabilityReport.line("Kill and restart", String.format("%-9s %s: %4d events handled (%d tickets, %d account"
                                + " events), %2d kills (%s), %2d restarts (%d as another instance, %d starts failed, down %d ms on"
                                + " average), %d lost, %d handed twice (%d after their commit), %5d requests, %s faulted, in %.1f s",
                        profile.id(), subscription.storeKind(), events, tickets.size(), accountEvents.size(), kill.kills(),
                        kill.byPoint(), subscription.restarts(), subscription.asAnotherInstance(), subscription.failedStarts(),
                        subscription.meanDowntimeMillis(), lost, log.repeats(), log.repeatsAfterCommit().size(), requests,
                        ReliabilityReport.percent(faulted, requests), (System.nanoTime() - began) / 1e9));

                assertThat(outcomes.breaches()).as("calls that threw an untyped exception or outlasted their budget").isEmpty();
                assertThat((double) faulted / requests).as("share of the %d requests faulted", requests)
                        .isGreaterThanOrEqualTo(FaultPlans.MIN_FAULTED_SHARE);
                assertThat(kill.kills()).as("kills (%s)", kill.byPoint()).isEqualTo(kill.planned());
                assertThat(subscription.unexpectedStops()).as("stops no kill caused").isEmpty();
                assertThat(subscription.restarts()).as("restarts").isGreaterThanOrEqualTo(kill.kills());
                assertThat(lost).as("events lost (settled: %s): statuses never told %s, account events %s, %d of the simulator's"
                        + " events", settled, missed, missedAccount, missedAtProvider).isZero();
                assertThat(outOfOrder).as("tickets whose events came out of the order the provider gave them in").isEmpty();
                assertThat(accountOrder).as("orders whose events came out of their order").isEmpty();
                assertThat(log.repeatsAfterCommit()).as("events handed over again after the store recorded them handled")
                        .isEmpty();
                assertThat(subscription.health().parked()).as("events parked (the handler only fails by dying)").isZero();
                assertThat(reached.values().stream().filter(s -> s.size() == STEPS.size()).count())
                        .as("tickets taken to closed despite the faults").isGreaterThan(tickets.size() / 2);
            }
        }
    }

    /** Opens a wave of tickets through the faults and follows each (kept in the store where the provider needs it). */
    private static List<String> open(Harness harness, Outcomes outcomes, RestartableSubscription subscription, int wave) {
        List<String> opened = new ArrayList<>();
        int tries = harness.profile.createIsSafeToRepeat() ? 3 : 1;
        for (int i = 0; i < WAVE; i++) {
            int sequence = wave * WAVE + i;
            var request = harness.profile.request("RS-" + sequence);
            Optional<Ticket> created = Optional.empty();
            for (int attempt = 0; attempt < tries && created.isEmpty(); attempt++) {
                created = outcomes.call("create", () -> harness.client.create(request));
            }
            created.ifPresent(ticket -> {
                subscription.follow(ticket.id());
                opened.add(ticket.id());
            });
        }
        return opened;
    }

    /** Per ticket, the statuses it went through that no handled event told. */
    private static Map<String, List<TicketStatus>> missedStatuses(Map<String, List<TicketStatus>> reached, DeliveryLog log) {
        Map<String, List<TicketStatus>> missed = new LinkedHashMap<>();
        reached.forEach((id, statuses) -> {
            List<TicketStatus> told = log.statusesOf(id);
            List<TicketStatus> never = statuses.stream().filter(s -> !told.contains(s)).toList();
            if (!never.isEmpty()) {
                missed.put(id, never);
            }
        });
        return missed;
    }

    private static List<AccountEvent> missedAccountEvents(List<AccountEvent> emitted, DeliveryLog log) {
        return emitted.stream().filter(e -> !log.handledEventId(e.eventId())).toList();
    }

    /** Orders whose events were first handled in another order than emitted: the order as handled, by order. */
    private static Map<String, List<String>> accountOrderBroken(List<AccountEvent> emitted, DeliveryLog log) {
        List<String> handledIds = log.inOrder().stream().map(identity -> identity.substring(identity.indexOf('/') + 1)).toList();
        Map<String, List<String>> broken = new LinkedHashMap<>();
        emitted.stream().collect(Collectors.groupingBy(AccountEvent::lane, LinkedHashMap::new,
                Collectors.mapping(AccountEvent::eventId, Collectors.toList()))).forEach((lane, ids) -> {
                    List<String> asHandled = handledIds.stream().filter(ids::contains).toList();
                    if (!asHandled.equals(ids.stream().filter(asHandled::contains).toList())) {
                        broken.put(lane, asHandled);
                    }
                });
        return broken;
    }

    /** Whether {@code expected} appears in {@code actual} in its order (other statuses may come between). */
    private static boolean isSubsequence(List<TicketStatus> expected, List<TicketStatus> actual) {
        int next = 0;
        for (TicketStatus status : actual) {
            if (next < expected.size() && expected.get(next) == status) {
                next++;
            }
        }
        return next == expected.size();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
