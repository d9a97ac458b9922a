package dev.troubleticket.core.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An access token and when it stops working. Never printed: {@link #toString()} shows only the expiry.
 *
 * @param value        the token itself
 * @param expiresAt    when it expires, or {@code null} when unknown (it is then used until refused)
 * @param refreshToken a token to renew it with (Kosc v2), or {@code null}
 */
public record AccessToken(String value, Instant expiresAt, String refreshToken) {

    /** Refuses a token without a value. */
    public AccessToken {
        Objects.requireNonNull(value, "value");
    }

    /**
     * A token whose expiry is read from its JWT {@code exp} claim; a token that is not a JWT, or has no
     * {@code exp}, gets {@code fallbackLifetime} from {@code now}, or no expiry if that is {@code null}.
     */
    public static AccessToken fromJwt(String token, String refreshToken, Instant now, Duration fallbackLifetime) {
        Instant expiry = jwtExpiry(token).orElse(fallbackLifetime == null ? null : now.plus(fallbackLifetime));
        return new AccessToken(token, expiry, refreshToken);
    }

    /** The {@code exp} claim of a JWT, if the text is one and has it. */
    public static Optional<Instant> jwtExpiry(String token) {
        try {
            return Optional.ofNullable(JWT.decode(token).getExpiresAtAsInstant());
        } catch (JWTDecodeException notAJwt) {
            return Optional.empty();
        }
    }

    /** Whether the token should be renewed now: it expires within {@code margin} of {@code now}. */
    public boolean needsRenewal(Instant now, Duration margin) {
        return expiresAt != null && !now.plus(margin).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[value=****, expiresAt=" + expiresAt + ", refreshToken=" + (refreshToken == null ? "null" : "****") + "]";
    }
}
