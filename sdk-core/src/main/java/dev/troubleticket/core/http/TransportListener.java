package dev.troubleticket.core.http;

import java.time.Duration;

/**
 * Told about each exchange with a provider, for metrics and monitoring. Called on the calling thread;
 * implementations must be quick and thread-safe. Paths carry no query string, so no personal data.
 */
public interface TransportListener {

    /** An attempt got an answer. */
    default void onResponse(String provider, String method, String path, int status, Duration elapsed, int attempt) {
    }

    /** An attempt failed without an answer. */
    default void onFailure(String provider, String method, String path, Exception cause, Duration elapsed, int attempt) {
    }

    /** The transport will retry after {@code delay}; {@code reason} is a status code or an exception name. */
    default void onRetry(String provider, String method, String path, int nextAttempt, String reason, Duration delay) {
    }

    /** A listener that does nothing. */
    static TransportListener none() {
        return new TransportListener() {
        };
    }
}
