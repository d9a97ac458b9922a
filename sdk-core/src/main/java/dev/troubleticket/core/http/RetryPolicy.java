package dev.troubleticket.core.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before trying a failed call again.
 *
 * <p>Connection failures and the statuses in {@link #retryableStatuses()} (408, 429, 500, 502, 503, 504
 * by default) are retried for idempotent requests, up to {@link #maxRetries()} times, waiting a capped
 * exponential backoff with full jitter, or the provider's {@code Retry-After} when it gives one (up to
 * {@link #maxRetryAfter()}: a longer wait is handed back to the caller as a
 * {@link dev.troubleticket.core.error.RateLimitedException} instead). A request that creates something is
 * retried only when it cannot have been processed: a refused connection or a 429.
 *
 * @param maxRetries        retries after the first attempt (0 disables retries)
 * @param initialBackoff    the backoff before the first retry
 * @param maxBackoff        the cap of the exponential backoff
 * @param maxRetryAfter     the longest {@code Retry-After} the SDK waits by itself
 * @param retryableStatuses HTTP statuses worth retrying
 * @param sleeper           how to wait
 */
public record RetryPolicy(
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxRetryAfter,
        Set<Integer> retryableStatuses,
        Sleeper sleeper) {

    /** The statuses retried by default. */
    public static final Set<Integer> DEFAULT_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    /** Checks the values and copies the statuses; a negative {@code maxRetries} is refused. */
    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        retryableStatuses = Set.copyOf(retryableStatuses);
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Three retries, 200 ms doubling up to 5 s, {@code Retry-After} honoured up to 60 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(60),
                DEFAULT_STATUSES, Sleeper.system());
    }

    /** No retries at all. */
    public static RetryPolicy none() {
        return defaults().withMaxRetries(0);
    }

    /** This policy with another number of retries ({@code 0} for none). */
    public RetryPolicy withMaxRetries(int value) {
        return new RetryPolicy(value, initialBackoff, maxBackoff, maxRetryAfter, retryableStatuses, sleeper);
    }

    /** This policy with another first backoff and cap. */
    public RetryPolicy withBackoff(Duration initial, Duration max) {
        return new RetryPolicy(maxRetries, initial, max, maxRetryAfter, retryableStatuses, sleeper);
    }

    /** This policy with another longest {@code Retry-After} to wait by itself. */
    public RetryPolicy withMaxRetryAfter(Duration value) {
        return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, value, retryableStatuses, sleeper);
    }

    /** This policy waiting through another sleeper (tests give one that does not sleep). */
    public RetryPolicy withSleeper(Sleeper value) {
        return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, maxRetryAfter, retryableStatuses, value);
    }

    /**
     * The backoff before retry number {@code retry} (1 for the first): a random duration between zero
     * and {@code min(maxBackoff, initialBackoff * 2^(retry-1))} ("full jitter"), so that many clients
     * failing together do not retry together.
     */
    public Duration backoff(int retry) {
        long cap = maxBackoff.toMillis();
        long exponential = initialBackoff.toMillis() << Math.min(retry - 1, 20);
        long ceiling = Math.max(1, Math.min(cap, exponential));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff
                + ", maxRetryAfter=" + maxRetryAfter + ", retryableStatuses=" + retryableStatuses + "]";
    }
}
