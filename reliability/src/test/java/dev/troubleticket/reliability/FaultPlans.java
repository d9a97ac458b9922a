package dev.troubleticket.reliability;

import dev.troubleticket.testkit.faults.Fault;
import dev.troubleticket.testkit.faults.FaultPlan;

import java.time.Duration;
import java.util.function.Predicate;

/** The fault mixes the suite injects: every kind at once, seeded so that a failing run can be replayed. */
final class FaultPlans {
    /** The seed of every plan; {@code -Dreliability.seed=N} replays another run. */
    static final long SEED = Long.getLong("reliability.seed", 20261123L);

    private FaultPlans() {
    }

    /**
     * Every fault kind, about one request in six hit; the stall outlasts the suite's read timeout, and one
     * token request in five is slow.
     */
    static FaultPlan everything(long salt, Predicate<String> tokenPaths) {
        return FaultPlan.builder(SEED + salt)
                .rate(Fault.HTTP_500, 0.02)
                .rate(Fault.HTTP_502, 0.015)
                .rate(Fault.HTTP_503, 0.015)
                .rate(Fault.RATE_LIMITED, 0.02)
                .rate(Fault.HTML_ERROR_PAGE, 0.01)
                .rate(Fault.RESET_BEFORE_REQUEST, 0.02)
                .rate(Fault.RESET_AFTER_PROCESSING, 0.02)
                .rate(Fault.STALLED_BODY, 0.005)
                .rate(Fault.THROTTLED_BODY, 0.005)
                .rate(Fault.TRUNCATED_BODY, 0.015)
                .rate(Fault.MALFORMED_JSON, 0.015)
                .rate(Fault.SLOW_TOKEN, 0.2)
                .tokenPaths(tokenPaths)
                .stall(Duration.ofMillis(Harness.READ_TIMEOUT.toMillis() * 3))
                .build();
    }
}
