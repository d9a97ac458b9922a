package dev.troubleticket.core.http;

import java.time.Duration;

/** Waits between retries. Tests replace it to run without real waiting and to see the delays chosen. */
@FunctionalInterface
public interface Sleeper {
    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;

    /** Waits with {@link Thread#sleep(long)}. */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
