package dev.troubleticket.core.internal;

import dev.troubleticket.core.error.AuthenticationException;
import dev.troubleticket.core.error.ConflictException;
import dev.troubleticket.core.error.ErrorDetails;
import dev.troubleticket.core.error.NotFoundException;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.error.RateLimitedException;
import dev.troubleticket.core.error.TicketingException;
import dev.troubleticket.core.error.ValidationException;
import java.time.Duration;

/**
 * The one place where a provider's failed answer becomes an exception: the status chooses the class,
 * unless the provider's body names a more precise kind.
 */
public final class ErrorMapper {
    private ErrorMapper() {
    }

    /** The exception for a failed answer. */
    public static TicketingException map(String provider, ApiResponse response, ProviderError error, Duration retryAfter) {
        ProviderError parsed = error == null ? ProviderError.unreadable() : error;
        ErrorDetails details = new ErrorDetails(provider, response.status(), parsed.code(), parsed.message(),
                parsed.requestId(), response.body(), response.attempts());
        String message = describe(provider, response.status(), parsed, response.body());
        return switch (kindOf(response.status(), parsed.kind())) {
            case VALIDATION -> new ValidationException(message, parsed.violations(), details);
            case NOT_FOUND -> new NotFoundException(message, details);
            case CONFLICT -> new ConflictException(message, details);
            case AUTHENTICATION -> new AuthenticationException(message, details);
            case RATE_LIMITED -> new RateLimitedException(message, details, retryAfter);
            case PROVIDER -> new ProviderException(message, details);
        };
    }

    private enum Target { VALIDATION, NOT_FOUND, CONFLICT, AUTHENTICATION, RATE_LIMITED, PROVIDER }

    private static Target kindOf(int status, ProviderError.Kind kind) {
        switch (kind) {
            case VALIDATION: return Target.VALIDATION;
            case NOT_FOUND: return Target.NOT_FOUND;
            case CONFLICT: return Target.CONFLICT;
            case AUTHENTICATION: return Target.AUTHENTICATION;
            case PROVIDER: return Target.PROVIDER;
            default: break;
        }
        if (status == 401 || status == 403) {
            return Target.AUTHENTICATION;
        }
        if (status == 404 || status == 410) {
            return Target.NOT_FOUND;
        }
        if (status == 409) {
            return Target.CONFLICT;
        }
        if (status == 429) {
            return Target.RATE_LIMITED;
        }
        if (status == 400 || status == 422) {
            return Target.VALIDATION;
        }
        return Target.PROVIDER;
    }

    /** One sentence with the provider's own words. */
    private static String describe(String provider, int status, ProviderError error, String body) {
        StringBuilder text = new StringBuilder(provider).append(" answered HTTP ").append(status);
        if (error.code() != null) {
            text.append(" (").append(error.code()).append(')');
        }
        String words = error.message();
        if (words == null || words.isBlank()) {
            words = snippet(body);
        }
        if (!words.isBlank()) {
            text.append(": ").append(words);
        }
        if (!error.violations().isEmpty()) {
            text.append(" ").append(error.violations());
        }
        return text.toString();
    }

    /** The start of a body that could not be parsed, on one line, so that an HTML error page is still visible. */
    static String snippet(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
