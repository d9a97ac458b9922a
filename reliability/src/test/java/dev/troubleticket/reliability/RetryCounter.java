package dev.troubleticket.reliability;

import dev.troubleticket.core.http.TransportListener;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the retries and the failed attempts the transport reports, for the report. */
final class RetryCounter implements TransportListener {
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();

    @Override
    public void onRetry(String provider, String method, String path, int nextAttempt, String reason, Duration delay) {
        retries.incrementAndGet();
    }

    @Override
    public void onFailure(String provider, String method, String path, Exception cause, Duration elapsed, int attempt) {
        failedAttempts.incrementAndGet();
    }

    long retries() {
        return retries.get();
    }

    long failedAttempts() {
        return failedAttempts.get();
    }
}
