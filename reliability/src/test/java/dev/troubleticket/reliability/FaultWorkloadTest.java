package dev.troubleticket.reliability;

import dev.troubleticket.core.Capability;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketQuery;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.SubscriptionHealth;
import dev.troubleticket.testkit.ProviderSimulator;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A back office's day per provider, through every fault kind at once (three requests in ten) and tokens
 * expiring mid-run: each ticket is opened, read, commented, listed, moved through the information request and the
 * resolution to closed, while its events are followed through the neutral subscription of the same client. At least
 * 1,000 operations per provider (about 10,000 with {@code -Dsoak=true}).
 */
@ExtendWith({ReliabilityReport.class, SecretRegistry.class})
class FaultWorkloadTest {
    /** Operations per provider: at least 1,000, ten times more in a soak. */
    private static final int OPERATIONS = Integer.getInteger("reliability.operations", Boolean.getBoolean("soak") ? 10_000 : 1_000);
    private static final int MIN_TICKETS = 100;
    private static final int EXPIRE_TOKENS_EVERY = 25;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kosc", "masstack", "nexera"})
    void everyCallEndsWellOrTypedInTimeAndNothingIsDuplicatedLostOrLeaked(String provider) throws Exception {
        ProviderProfile profile = ProviderProfile.of(provider);
        try (Harness harness = new Harness(profile)) {
            SecretRegistry.register(profile.secrets(harness.simulator));
            harness.inject(FaultPlans.everything(provider.hashCode(), profile.tokenPaths()));
            Outcomes outcomes = new Outcomes(Harness.CALL_TIMEOUT.plus(Harness.BUDGET_SLACK));
            List<String> opened = new ArrayList<>();
            List<String> closed = new ArrayList<>();
            List<String> references = new ArrayList<>();
            try (EventFollower follower = new EventFollower(harness, outcomes)) {
                int tickets = 0;
                for (int i = 0; i < MIN_TICKETS || outcomes.operations() < OPERATIONS; i++, tickets++) {
                    if (i % EXPIRE_TOKENS_EVERY == EXPIRE_TOKENS_EVERY - 1) {
                        profile.expireTokens(harness.simulator);
                    }
                    String reference = "RL-" + provider.charAt(0) + i;
                    references.add(reference);
                    lifecycle(harness, outcomes, reference, i, opened).ifPresent(closed::add);
                }
                // The subscription reads through the faults to the end; only the final count is read healed.
                follower.drain(() -> closed.stream().allMatch(id -> follower.saw(id, TicketStatus.CLOSED))
                        && profile.eventsMissed(harness.simulator, opened, follower.log(), follower.hubId()) == 0);
                long requests = harness.requests();
                long faulted = harness.faulted();
                harness.heal();

                List<String> unseen = closed.stream().filter(id -> !follower.saw(id, TicketStatus.CLOSED)).toList();
                long missed = profile.eventsMissed(harness.simulator, opened, follower.log(), follower.hubId());
                long lost = unseen.size() + missed;
                String hubs = "";
                if (harness.simulator instanceof NexeraSimulator nexera) {
                    hubs = nexera.hubs().keySet() + " at the provider, " + follower.hubId().orElse(null) + " in the store";
                }
                Map<String, Integer> byReference = profile.ticketsByReference(harness.simulator, harness.client);
                long duplicates = byReference.values().stream().mapToLong(n -> n - 1).sum()
                        + Math.max(0, harness.simulator.ticketsCreated() - byReference.values().stream().mapToInt(n -> n).sum());
                SubscriptionHealth health = follower.health();
                follower.close();
                int leaked = harness.leakedConnections();

                ReliabilityReport.row(provider).add(outcomes.operations(), harness.retries.retries(), outcomes.typedFailures(),
                        harness.injected()).requests(requests, faulted).subscription(0, follower.repeats())
                        .losses(duplicates, lost, leaked);
                ReliabilityReport.line("Fault workload", String.format("%-9s %5d operations, %5d requests, %s faulted, %3d tickets"
                        + " closed, %d failed subscription starts, %d events handled (%d twice), %d lost",
                        provider, outcomes.operations(), requests, ReliabilityReport.percent(faulted, requests), closed.size(),
                        follower.failedStarts(), follower.eventIds().size(), follower.repeats(), lost));

                assertThat(outcomes.breaches()).as("calls that threw an untyped exception or outlasted their budget").isEmpty();
                assertThat(outcomes.typedFailures()).as("typed failures (sample: %s)", outcomes.typedSample())
                        .isLessThan(outcomes.operations() / 4);
                assertThat((double) faulted / requests).as("share of the %d requests faulted", requests)
                        .isGreaterThanOrEqualTo(FaultPlans.MIN_FAULTED_SHARE);
                assertThat(duplicates).as("tickets created twice; per reference: %s", byReference).isZero();
                assertThat(byReference.keySet()).as("no ticket without a reference of this run").isSubsetOf(references);
                assertThat(closed).as("tickets closed despite the faults").hasSizeGreaterThan(tickets / 2);
                assertThat(lost).as("events lost: closings no event told %s, %d events the provider holds or sent (health %s)",
                        unseen, missed, health).isZero();
                assertThat(health.parked()).as("events parked (the handler never fails)").isZero();
                if (harness.simulator instanceof NexeraSimulator nexera) {
                    assertThat(nexera.hubs().keySet()).as("hubs at the provider: only the subscription's (%s)", hubs)
                            .containsExactly(follower.hubId().orElseThrow());
                }
                assertThat(leaked).as("connections never given back to the pool").isZero();
                assertThat(profile.tokensIssued(harness.simulator)).as("tokens renewed after each expiry")
                        .isGreaterThan(tickets / EXPIRE_TOKENS_EVERY);
            }
        }
    }

    /** Opens, reads, comments, lists and closes one ticket; answers its id when it was closed. */
    private static Optional<String> lifecycle(Harness harness, Outcomes outcomes, String reference, int sequence, List<String> opened) {
        TicketingClient client = harness.client;
        ProviderSimulator provider = harness.simulator;
        Optional<Ticket> created = Optional.empty();
        // The same request each time, as a back office resending its own ticket would.
        CreateTicketRequest request = harness.profile.request(reference);
        int tries = harness.profile.createIsSafeToRepeat() ? 3 : 1;
        for (int attempt = 0; attempt < tries && created.isEmpty(); attempt++) {
            created = outcomes.call("create", () -> client.create(request));
        }
        if (created.isEmpty()) {
            return Optional.empty();
        }
        String id = created.get().id();
        opened.add(id);
        outcomes.call("get", () -> client.get(id));
        if (client.supports(Capability.COMMENT)) {
            outcomes.call("comment", () -> client.comment(id, "line tested from the street cabinet, sequence " + sequence));
        }
        outcomes.call("get", () -> client.get(id));
        if (client.supports(Capability.HISTORY)) {
            outcomes.call("history", () -> client.history(id));
        }
        if (client.supports(Capability.LIST)) {
            outcomes.call("list", () -> client.list(TicketQuery.builder().pageSize(5).build()).stream().limit(5).count());
        }
        outcomes.call("allowed transitions", () -> client.allowedTransitions(id));
        if (!TicketSteps.providerSide(() -> provider.askForInformation(id, "When is the customer home?"))
                || !TicketSteps.moveTo(outcomes, client, id, TicketStatus.IN_PROGRESS, "from 9 to 12")
                || !TicketSteps.providerSide(() -> provider.resolve(id, "fibre spliced again"))
                || !TicketSteps.moveTo(outcomes, client, id, TicketStatus.CLOSED, "thank you")) {
            return Optional.empty();
        }
        outcomes.call("get", () -> client.get(id));
        return Optional.of(id);
    }
}
