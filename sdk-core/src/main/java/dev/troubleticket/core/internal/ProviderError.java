package dev.troubleticket.core.internal;

import dev.troubleticket.core.error.FieldViolation;
import java.util.List;

/**
 * What an adapter could read from a provider's error body.
 *
 * @param code       the provider's error code, or {@code null}
 * @param message    the provider's message, or {@code null}
 * @param requestId  the provider's request id, or {@code null}
 * @param violations field errors the provider listed
 * @param kind       a more precise kind when the body says more than the status (MasStack answers 400 for "not found")
 */
public record ProviderError(String code, String message, String requestId, List<FieldViolation> violations, Kind kind) {

    /** A kind of failure the body names, overriding the one the status implies. */
    public enum Kind { FROM_STATUS, VALIDATION, NOT_FOUND, CONFLICT, AUTHENTICATION, PROVIDER }

    public ProviderError {
        violations = violations == null ? List.of() : List.copyOf(violations);
        kind = kind == null ? Kind.FROM_STATUS : kind;
    }

    /** Nothing could be read from the body. */
    public static ProviderError unreadable() {
        return new ProviderError(null, null, null, List.of(), Kind.FROM_STATUS);
    }

    /** Just a message. */
    public static ProviderError message(String message) {
        return new ProviderError(null, message, null, List.of(), Kind.FROM_STATUS);
    }
}
