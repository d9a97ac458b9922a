package dev.troubleticket.core.error;

import java.time.Duration;
import java.util.Optional;

/**
 * The provider throttled the request (HTTP 429), for example a second Kosc order message within five
 * minutes. {@link #retryAfter()} says how long to wait when the provider said so.
 */
public class RateLimitedException extends TicketingException {
    private static final long serialVersionUID = 1L;

    /** The wait the provider asked for, or {@code null} when it named none. */
    private final Duration retryAfter;

    /** A 429 described by {@code details}, with the provider's {@code Retry-After}, or {@code null}. */
    public RateLimitedException(String message, ErrorDetails details, Duration retryAfter) {
        super(message, details);
        this.retryAfter = retryAfter;
    }

    /** How long to wait before the next attempt, when the provider said it. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
