package dev.troubleticket.core.auth;

/**
 * Supplies the {@code Authorization} header for each request. Implementations are thread-safe.
 *
 * <p>The transport calls {@link #authorization()} before every attempt and, when the provider answers
 * 401, calls {@link #onUnauthorized(String)} once and retries once if it answers {@code true}.
 */
public interface AuthProvider {

    /** The header value to send ({@code Bearer ...}, {@code JWT ...}, {@code Basic ...}), or {@code null} for none. */
    String authorization();

    /**
     * Told that the provider refused a request sent with {@code rejectedAuthorization}. Answers whether a
     * fresh credential may help, after dropping the rejected one so that the next
     * {@link #authorization()} obtains a new one.
     */
    default boolean onUnauthorized(String rejectedAuthorization) {
        return false;
    }

    /** No authentication at all (for token endpoints and public calls). */
    static AuthProvider none() {
        return () -> null;
    }
}
