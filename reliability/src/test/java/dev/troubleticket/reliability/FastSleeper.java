package dev.troubleticket.reliability;

import dev.troubleticket.core.http.Sleeper;

import java.time.Duration;

/**
 * A {@link Sleeper} that waits a little for real but never more than a few milliseconds, so that the
 * retry paths (backoff, {@code Retry-After}) run as in production without making the suite slow.
 */
final class FastSleeper implements Sleeper {
    private static final long CAP_MILLIS = 3;

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(Math.min(CAP_MILLIS, Math.max(0, duration.toMillis())));
    }
}
