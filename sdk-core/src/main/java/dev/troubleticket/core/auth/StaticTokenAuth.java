package dev.troubleticket.core.auth;

import java.util.Objects;

/**
 * A token the caller already holds, sent as is with a scheme ({@code Bearer} or Kosc v1's {@code JWT}).
 * It is never renewed: a 401 ends in an {@link dev.troubleticket.core.error.AuthenticationException}.
 */
public final class StaticTokenAuth implements AuthProvider {
    private final String header;

    private StaticTokenAuth(String scheme, String token) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        this.header = scheme + " " + token;
    }

    /** {@code Authorization: Bearer <token>}. */
    public static StaticTokenAuth bearer(String token) {
        return new StaticTokenAuth("Bearer", token);
    }

    /** {@code Authorization: <scheme> <token>}, for example Kosc v1's {@code JWT}. */
    public static StaticTokenAuth withScheme(String scheme, String token) {
        return new StaticTokenAuth(scheme, token);
    }

    @Override
    public String authorization() {
        return header;
    }

    @Override
    public String toString() {
        return "StaticTokenAuth[" + header.substring(0, header.indexOf(' ')) + " ****]";
    }
}
