package dev.troubleticket.reliability;

import dev.troubleticket.core.Capability;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.TicketQuery;
import dev.troubleticket.testkit.faults.Fault;
import dev.troubleticket.testkit.faults.FaultPlan;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client shared by 32 threads for 10,000 mixed calls per provider, under faults and with tokens
 * expiring three times at fixed milestones: every failure is typed and explained by an injected fault, and each
 * expiry costs one token renewal however many threads hit it (plus one per token answer slowed past the
 * read timeout, which is asked for again).
 */
@ExtendWith({ReliabilityReport.class, SecretRegistry.class})
class SharedClientConcurrencyTest {
    private static final int THREADS = 32;
    private static final int CALLS = Boolean.getBoolean("soak") ? 100_000 : 10_000;
    private static final int TICKETS = 40;
    private static final int EXPIRIES = 3;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kosc", "masstack", "nexera"})
    void thirtyTwoThreadsShareOneClientWithOnlyExplainedFailuresAndOneRenewalPerExpiry(String provider) throws Exception {
        ProviderProfile profile = ProviderProfile.of(provider);
        try (Harness harness = new Harness(profile)) {
            SecretRegistry.register(profile.secrets(harness.simulator));
            TicketingClient client = harness.client;
            List<String> tickets = new ArrayList<>();
            for (int i = 0; i < TICKETS; i++) {
                tickets.add(client.create(profile.request("CC-" + provider.charAt(0) + i)).id());
            }
            harness.inject(lightFaults(profile));
            int tokensBefore = profile.tokensIssued(harness.simulator);
            Outcomes outcomes = new Outcomes(Harness.CALL_TIMEOUT.plus(Harness.BUDGET_SLACK));
            AtomicInteger next = new AtomicInteger();
            AtomicInteger expiries = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            Thread expirer = new Thread(() -> expireRepeatedly(profile, harness, next, expiries), "token-expirer");
            expirer.start();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int call = next.getAndIncrement(); call < CALLS; call = next.getAndIncrement()) {
                        awaitExpiries(expiries, Math.min(EXPIRIES, call / (CALLS / (EXPIRIES + 1))));
                        mixedCall(client, outcomes, tickets, call);
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
            expirer.interrupt();
            expirer.join();
            pool.shutdown();
            int renewals = profile.tokensIssued(harness.simulator) - tokensBefore;
            int faults = harness.injected().entrySet().stream().filter(e -> e.getKey() != Fault.SLOW_TOKEN)
                    .mapToInt(e -> e.getValue()).sum();
            int leaked = harness.leakedConnections();
            ReliabilityReport.row(provider).add(outcomes.operations(), harness.retries.retries(), outcomes.typedFailures(),
                    harness.injected()).losses(0, 0, leaked);

            assertThat(outcomes.operations()).isEqualTo(CALLS);
            assertThat(outcomes.breaches()).as("untyped failures or blown budgets").isEmpty();
            assertThat(outcomes.typedFailures()).as("failures (sample %s) against faults injected", outcomes.typedSample())
                    .isLessThanOrEqualTo(faults);
            assertThat(expiries.get()).isEqualTo(EXPIRIES);
            // A token answer slowed past the read timeout is asked for again (the first was issued but never read):
            // one extra token call per such fault, and otherwise one renewal per expiry, however many threads hit it.
            int slowTokens = harness.injected().get(Fault.SLOW_TOKEN);
            assertThat(renewals).as("token calls for %d expiries and %d slow token answers", expiries.get(), slowTokens)
                    .isBetween(1, expiries.get() + slowTokens);
            assertThat(leaked).as("connections never given back to the pool").isZero();
        }
    }

    private static void mixedCall(TicketingClient client, Outcomes outcomes, List<String> tickets, int call) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String id = tickets.get(random.nextInt(tickets.size()));
        int kind = random.nextInt(100);
        if (kind < 50) {
            outcomes.call("get", () -> client.get(id));
        } else if (kind < 65 && client.supports(Capability.COMMENT)) {
            outcomes.call("comment", () -> client.comment(id, "check " + call));
        } else if (kind < 80 && client.supports(Capability.LIST)) {
            outcomes.call("list", () -> client.list(TicketQuery.builder().pageSize(10).build()).stream().limit(10).count());
        } else if (kind < 90 && client.supports(Capability.HISTORY)) {
            outcomes.call("history", () -> client.history(id));
        } else {
            outcomes.call("allowed transitions", () -> client.allowedTransitions(id));
        }
    }

    /**
     * Expires every token about every twelfth of the run, each time only once the previous expiry was
     * renewed and the new token has been in use for a while (a slow token answer takes 300 ms): an expiry
     * that revoked a token still on its way to the client would fail a call twice over, which is not what
     * is being tested.
     */
    /**
     * Expires the provider's tokens {@link #EXPIRIES} times, at even milestones of the run. The workers wait at
     * each milestone until its expiry is done, so that every run sees the same expiries however fast it goes.
     */
    private static void expireRepeatedly(ProviderProfile profile, Harness harness, AtomicInteger calls, AtomicInteger expiries) {
        try {
            for (int k = 1; k <= EXPIRIES; k++) {
                while (calls.get() < k * (CALLS / (EXPIRIES + 1))) {
                    Thread.sleep(2);
                }
                profile.expireTokens(harness.simulator);
                expiries.incrementAndGet();
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks a worker until at least {@code wanted} expiries happened (bounded, so that a bug cannot hang the run). */
    private static void awaitExpiries(AtomicInteger expiries, int wanted) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (expiries.get() < wanted && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Fewer faults than the workload (one request in fifty), so that the load itself is what is tested. */
    private static FaultPlan lightFaults(ProviderProfile profile) {
        return FaultPlan.builder(FaultPlans.SEED + 99)
                .rate(Fault.HTTP_500, 0.004).rate(Fault.HTTP_503, 0.004).rate(Fault.RATE_LIMITED, 0.004)
                .rate(Fault.RESET_BEFORE_REQUEST, 0.004).rate(Fault.TRUNCATED_BODY, 0.002).rate(Fault.MALFORMED_JSON, 0.002)
                .rate(Fault.SLOW_TOKEN, 0.3)
                .tokenPaths(profile.tokenPaths()).stall(Duration.ofSeconds(1)).build();
    }
}
