package dev.troubleticket.masstack.internal.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When the next followed ticket is read: {@code interval / followed} apart, so that every ticket is read once per
 * interval in a steady trickle rather than a burst of N requests, and further apart after the provider throttles.
 *
 * <ul>
 *   <li>Reads are due at fixed slots. Reads that fell behind (a busy machine, a slow answer) catch up back to back,
 *       but only for up to {@link #MAX_CATCH_UP} (a tenth of the interval when that is shorter): beyond that, the
 *       lost time is not made up with a burst, and the slots go on from there.</li>
 *   <li>A 429 doubles the spacing (up to {@value #MAX_SLOWDOWN} times) and holds every read for at least the
 *       provider's {@code Retry-After} (up to {@link #MAX_RETRY_AFTER}), else for one widened spacing. Each read
 *       that succeeds after it narrows the spacing by a quarter, back to normal.</li>
 * </ul>
 * Not thread-safe: used by the subscription's reading thread only.
 */
final class ReadPacing {
    /** How many times wider than normal the spacing gets after 429s in a row. */
    public static final int MAX_SLOWDOWN = 64;
    /** The longest {@code Retry-After} honoured: a provider's larger value is taken as this. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    /** The most reading time that falls behind is caught up with reads back to back. */
    public static final Duration MAX_CATCH_UP = Duration.ofSeconds(1);
    // With nothing due, the reading thread still looks at least this often, for tickets followed in the meantime.
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(1);

    private final Duration interval;
    private final Clock clock;
    private Instant lastSlot;
    private Instant holdUntil;
    private double slowdown = 1;

    public ReadPacing(Duration interval, Clock clock) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
    }

    /** Starts afresh: the first read is due at once, at the normal spacing. */
    public void reset() {
        lastSlot = null;
        holdUntil = null;
        slowdown = 1;
    }

    /** The time between two reads with {@code followed} tickets followed, widened after a 429. */
    public Duration spacing(int followed) {
        long nanos = interval.toNanos() / Math.max(1, followed);
        return Duration.ofNanos((long) Math.min(Long.MAX_VALUE / 2.0, nanos * slowdown));
    }

    /** Whether a read is due now. */
    public boolean due(int followed) {
        if (followed <= 0) {
            return false;
        }
        Instant now = clock.instant();
        return (holdUntil == null || !now.isBefore(holdUntil)) && (lastSlot == null || !now.isBefore(nextSlot(followed)));
    }

    /** Records that a read starts now, in the slot that was due. */
    public void reading(int followed) {
        Instant now = clock.instant();
        Instant slot = lastSlot == null ? now : nextSlot(followed);
        Instant oldest = now.minus(catchUp(followed));
        lastSlot = slot.isBefore(oldest) ? oldest : slot;
        holdUntil = null;
    }

    /** Records a read that succeeded: after a 429, the spacing narrows back by a quarter. */
    public void succeeded() {
        slowdown = Math.max(1, slowdown * 0.75);
    }

    /**
     * Records a 429: the spacing doubles and reads wait at least {@code retryAfter} (or the new spacing when the
     * provider gave none).
     *
     * @return how long reads are held
     */
    public Duration rateLimited(Duration retryAfter, int followed) {
        slowdown = Math.min(MAX_SLOWDOWN, slowdown * 2);
        Duration wait = spacing(followed);
        if (retryAfter != null && !retryAfter.isNegative()) {
            Duration asked = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
            wait = asked.compareTo(wait) > 0 ? asked : wait;
        }
        Instant now = clock.instant();
        holdUntil = now.plus(wait);
        lastSlot = now;
        return wait;
    }

    /** How long until the next read is due (at most a second, so that newly followed tickets are soon seen). */
    public Duration untilNext(int followed) {
        if (followed <= 0) {
            return LONGEST_WAIT;
        }
        Instant now = clock.instant();
        Instant next = lastSlot == null ? now : nextSlot(followed);
        if (holdUntil != null && holdUntil.isAfter(next)) {
            next = holdUntil;
        }
        Duration wait = Duration.between(now, next);
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** How many times wider than normal the spacing is now (1 when not throttled). */
    public double slowdown() {
        return slowdown;
    }

    private Duration catchUp(int followed) {
        Duration tenth = interval.dividedBy(10);
        Duration limit = tenth.compareTo(MAX_CATCH_UP) < 0 ? tenth : MAX_CATCH_UP;
        Duration spacing = spacing(followed);
        return spacing.compareTo(limit) > 0 ? spacing : limit;
    }

    private Instant nextSlot(int followed) {
        return lastSlot.plus(spacing(followed));
    }
}
