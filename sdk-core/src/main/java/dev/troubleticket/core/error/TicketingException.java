package dev.troubleticket.core.error;

import java.util.Optional;

/**
 * Root of every exception the SDK throws. Unchecked, so that back-office code catches what it can act
 * on and lets the rest travel.
 *
 * <p>When the exception comes from a provider's answer it keeps everything that answer said: the HTTP
 * status, the provider's error code and message, its request id and the raw body, so that nothing is
 * lost even when the body could not be parsed. For failures raised before anything was sent (such as
 * {@link ValidationException}) {@link #httpStatus()} is {@code 0}.
 */
public class TicketingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Everything the provider said; never {@code null}. */
    private final ErrorDetails details;

    /** A failure described by {@code details} ({@code null} for none), caused by {@code cause}. */
    public TicketingException(String message, ErrorDetails details, Throwable cause) {
        super(message, cause);
        this.details = details == null ? ErrorDetails.none(null) : details;
    }

    /** A failure described by {@code details} ({@code null} for none). */
    public TicketingException(String message, ErrorDetails details) {
        this(message, details, null);
    }

    /** Everything the provider said about this failure. */
    public ErrorDetails details() {
        return details;
    }

    /** The provider this failure concerns ({@code kosc}, {@code masstack}, {@code nexera}, ...), if known. */
    public Optional<String> provider() {
        return Optional.ofNullable(details.provider());
    }

    /** The HTTP status of the provider's answer, or {@code 0} when no answer was received. */
    public int httpStatus() {
        return details.httpStatus();
    }

    /** The raw body of the provider's answer, exactly as received (possibly empty). */
    public String rawBody() {
        return details.rawBody();
    }

    /** The number of attempts made before giving up (1 when no retry was made, 0 when nothing was sent). */
    public int attempts() {
        return details.attempts();
    }

    /** Whether trying the same call again later may succeed. */
    public boolean isRetryable() {
        return false;
    }

    /** Whether the request reached the provider at all; {@code false} for client-side refusals. */
    public boolean reachedProvider() {
        return details.httpStatus() > 0;
    }
}
