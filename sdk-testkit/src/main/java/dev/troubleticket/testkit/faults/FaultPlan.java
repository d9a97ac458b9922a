package dev.troubleticket.testkit.faults;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which faults to inject, how often, and where: a seed (so that a failing run can be replayed), a
 * probability per fault, which paths are token endpoints (only they get {@link Fault#SLOW_TOKEN}), and
 * which paths are spared (for example the simulator's own test API).
 */
public final class FaultPlan {
    private final long seed;
    private final Map<Fault, Double> rates;
    private final Predicate<String> tokenPaths;
    private final Predicate<String> sparedPaths;
    private final Duration stall;

    private FaultPlan(Builder b) {
        this.seed = b.seed;
        this.rates = Map.copyOf(b.rates);
        this.tokenPaths = b.tokenPaths;
        this.sparedPaths = b.sparedPaths;
        this.stall = b.stall;
    }

    /** Starts a plan with no fault, seeded so that a run can be replayed. */
    public static Builder builder(long seed) {
        return new Builder(seed);
    }

    /** The seed the faults are drawn with. */
    public long seed() { return seed; }
    /** The probability of each fault. */
    public Map<Fault, Double> rates() { return rates; }
    /** Which paths are token endpoints, the only ones slowed by {@link Fault#SLOW_TOKEN}. */
    public Predicate<String> tokenPaths() { return tokenPaths; }
    /** Which paths never get a fault. */
    public Predicate<String> sparedPaths() { return sparedPaths; }
    /** How long a stalled body stalls. */
    public Duration stall() { return stall; }

    /** Builds a {@link FaultPlan}. */
    public static final class Builder {
        private final long seed;
        private final Map<Fault, Double> rates = new EnumMap<>(Fault.class);
        private Predicate<String> tokenPaths = path -> path.contains("token");
        private Predicate<String> sparedPaths = path -> false;
        private Duration stall = Duration.ofSeconds(5);

        private Builder(long seed) {
            this.seed = seed;
        }

        /** Injects {@code fault} into this share (0..1) of the requests it applies to. */
        public Builder rate(Fault fault, double probability) {
            if (probability < 0 || probability > 1) {
                throw new IllegalArgumentException("probability must be between 0 and 1");
            }
            rates.put(fault, probability);
            return this;
        }

        /** Injects every fault at the same rate. */
        public Builder everyFault(double probability) {
            for (Fault fault : Fault.values()) {
                rate(fault, probability);
            }
            return this;
        }

        /** Sets which paths are token endpoints (by default those containing {@code token}). */
        public Builder tokenPaths(Predicate<String> value) { this.tokenPaths = Objects.requireNonNull(value); return this; }
        /** Sets which paths never get a fault, such as the simulator's test API. */
        public Builder sparedPaths(Predicate<String> value) { this.sparedPaths = Objects.requireNonNull(value); return this; }
        /** Sets how long a stalled body stalls. */
        public Builder stall(Duration value) { this.stall = Objects.requireNonNull(value); return this; }

        /** Makes the plan; the rates other than {@code SLOW_TOKEN} must add up to at most 1. */
        public FaultPlan build() {
            double total = rates.entrySet().stream().filter(e -> e.getKey() != Fault.SLOW_TOKEN).mapToDouble(Map.Entry::getValue).sum();
            if (total > 1) {
                throw new IllegalArgumentException("fault rates add up to more than 1: " + total);
            }
            return new FaultPlan(this);
        }
    }
}
