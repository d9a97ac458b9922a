package dev.troubleticket.core.subscription;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a subscription starts when its store holds no position for it yet. Once a position is stored, the
 * subscription always goes on from there, whatever this says.
 *
 * <p>A push provider (TMF621) sends only what happens after its hub is registered, whatever this says.
 */
public final class StartPosition {
    private static final StartPosition BEGINNING = new StartPosition(null, false);
    private static final StartPosition NOW = new StartPosition(null, true);

    private final Instant instant;
    private final boolean now;

    private StartPosition(Instant instant, boolean now) {
        this.instant = instant;
        this.now = now;
    }

    /** Every event the provider still has (Kosc's whole feed and ticket list; every followed ticket's state). */
    public static StartPosition beginning() {
        return BEGINNING;
    }

    /** Only events that happen after the subscription first starts. */
    public static StartPosition now() {
        return NOW;
    }

    /** Events that happened at or after {@code instant}. */
    public static StartPosition at(Instant instant) {
        return new StartPosition(Objects.requireNonNull(instant, "instant"), false);
    }

    /**
     * The instant to start from, given the time the subscription first started: {@code null} for the beginning.
     */
    public Instant resolve(Instant startedAt) {
        return now ? startedAt : instant;
    }

    /** Whether this is {@link #beginning()}. */
    public boolean isBeginning() {
        return instant == null && !now;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StartPosition other && now == other.now && Objects.equals(instant, other.instant);
    }

    @Override
    public int hashCode() {
        return Objects.hash(instant, now);
    }

    @Override
    public String toString() {
        return now ? "now" : instant == null ? "beginning" : instant.toString();
    }
}
