package dev.troubleticket.core.instrument;

import dev.troubleticket.core.error.AuthenticationException;
import dev.troubleticket.core.error.ConflictException;
import dev.troubleticket.core.error.NotFoundException;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.error.RateLimitedException;
import dev.troubleticket.core.error.ResponseTooLargeException;
import dev.troubleticket.core.error.TransportException;
import dev.troubleticket.core.error.UnsupportedCapabilityException;
import dev.troubleticket.core.error.ValidationException;
import java.util.Locale;

/**
 * How an operation ended, by the SDK's exception types: one vocabulary for metric tags and span attributes, so that
 * dashboards read the same whichever module records them.
 */
public enum Outcome {
    /** It succeeded. */
    SUCCESS,
    /** Refused as invalid, before sending or by the provider ({@link ValidationException}). */
    INVALID,
    /** The ticket does not exist ({@link NotFoundException}). */
    NOT_FOUND,
    /** The provider refused it for the ticket's state ({@link ConflictException}). */
    CONFLICT,
    /** The provider throttled it ({@link RateLimitedException}). */
    RATE_LIMITED,
    /** The credentials were refused or could not be obtained ({@link AuthenticationException}). */
    AUTHENTICATION,
    /** The answer was larger than the client's limit ({@link ResponseTooLargeException}). */
    TOO_LARGE,
    /** The provider failed or answered what could not be read ({@link ProviderException}). */
    PROVIDER_ERROR,
    /** No answer: connection failure or timeout ({@link TransportException}). */
    TRANSPORT_ERROR,
    /** The provider does not offer it ({@link UnsupportedCapabilityException}). */
    UNSUPPORTED,
    /** Anything else: a bug, an interruption, a handler's own exception. */
    ERROR;

    private final String tag = name().toLowerCase(Locale.ROOT);

    /** The outcome of an operation that threw {@code failure}, or {@link #SUCCESS} for {@code null}. */
    public static Outcome of(Throwable failure) {
        if (failure == null) {
            return SUCCESS;
        }
        // Subclasses first: a too-large answer is also a provider exception.
        if (failure instanceof ResponseTooLargeException) {
            return TOO_LARGE;
        }
        if (failure instanceof ValidationException) {
            return INVALID;
        }
        if (failure instanceof NotFoundException) {
            return NOT_FOUND;
        }
        if (failure instanceof ConflictException) {
            return CONFLICT;
        }
        if (failure instanceof RateLimitedException) {
            return RATE_LIMITED;
        }
        if (failure instanceof AuthenticationException) {
            return AUTHENTICATION;
        }
        if (failure instanceof ProviderException) {
            return PROVIDER_ERROR;
        }
        if (failure instanceof TransportException) {
            return TRANSPORT_ERROR;
        }
        if (failure instanceof UnsupportedCapabilityException) {
            return UNSUPPORTED;
        }
        return ERROR;
    }

    /** The lower-case name, as a metric tag or span attribute value ({@code success}, {@code not_found}, ...). */
    public String tag() {
        return tag;
    }
}
