package dev.troubleticket.reliability;

import dev.troubleticket.testkit.faults.Fault;
import dev.troubleticket.testkit.faults.FaultPlan;

import java.time.Duration;
import java.util.function.Predicate;

/** The fault mixes the suite injects: every kind at once, seeded so that a failing run can be replayed. */
final class FaultPlans {
    /** The seed of every plan; {@code -Dreliability.seed=N} replays another run. */
    static final long SEED = Long.getLong("reliability.seed", 20261123L);
    /** The share of the requests of a run under {@link #everything} that must have been faulted. */
    static final double MIN_FAULTED_SHARE = 0.20;

    private FaultPlans() {
    }

    /**
     * Every fault kind, about three requests in ten hit (the transient answers and resets most, stalls and throttled
     * bodies least, since each costs a read timeout), so that even a run of a few hundred requests has more than a
     * fifth of them faulted; the stall outlasts the suite's read timeout, and one token request in five is slow.
     */
    static FaultPlan everything(long salt, Predicate<String> tokenPaths) {
        return FaultPlan.builder(SEED + salt)
                .rate(Fault.HTTP_500, 0.045)
                .rate(Fault.HTTP_502, 0.03)
                .rate(Fault.HTTP_503, 0.03)
                .rate(Fault.RATE_LIMITED, 0.04)
                .rate(Fault.HTML_ERROR_PAGE, 0.02)
                .rate(Fault.RESET_BEFORE_REQUEST, 0.04)
                .rate(Fault.RESET_AFTER_PROCESSING, 0.035)
                .rate(Fault.STALLED_BODY, 0.005)
                .rate(Fault.THROTTLED_BODY, 0.005)
                .rate(Fault.TRUNCATED_BODY, 0.025)
                .rate(Fault.MALFORMED_JSON, 0.025)
                .rate(Fault.SLOW_TOKEN, 0.2)
                .tokenPaths(tokenPaths)
                .stall(Duration.ofMillis(Harness.READ_TIMEOUT.toMillis() * 3))
                .build();
    }
}
