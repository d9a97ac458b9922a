package dev.troubleticket.core.internal;

/**
 * Reads a provider's error body. Each adapter has one; it must never throw: a body it cannot read gives
 * {@link ProviderError#unreadable()} and the raw body is still kept by the exception.
 */
@FunctionalInterface
public interface ErrorBodyParser {
    ProviderError parse(ApiResponse response);

    /** A parser that reads nothing (the raw body is still kept). */
    static ErrorBodyParser none() {
        return response -> ProviderError.unreadable();
    }
}
