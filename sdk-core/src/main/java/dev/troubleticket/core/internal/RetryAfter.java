package dev.troubleticket.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Reads an answer's {@code Retry-After} header (RFC 9110 section 10.2.3): a number of seconds, or an HTTP date.
 * Whether the wait is honoured is the retry policy's decision ({@code RetryPolicy.maxRetryAfter}); this only
 * says what the provider asked for.
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    /** The wait {@code response} asks for; {@code null} when it asks for none or the header cannot be read. */
    public static Duration of(ApiResponse response) {
        return parse(response.header("Retry-After"), Instant.now());
    }

    /**
     * The wait a {@code Retry-After} value asks for at {@code now}: its seconds, or the time until its date. A
     * negative number or a date already past ask for no wait ({@link Duration#ZERO}); {@code null}, blank or
     * unreadable text gives {@code null}.
     */
    public static Duration parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(text)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, when);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }
}
