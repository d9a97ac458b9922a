package dev.troubleticket.testkit.kosc;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The simulator's tokens: real HS256 JWTs with {@code exp}, checked against the simulator's clock (not
 * the system's), so that tests can make them expire without waiting.
 */
final class KoscTokens {
    /** What a token is for. */
    enum Kind { V1, ACCESS, REFRESH }

    private final Algorithm algorithm;
    private final Clock clock;
    // Revocation by generation, since iat has whole seconds only and tests revoke and log in within one.
    private volatile int generation;
    private volatile int refreshGeneration;

    KoscTokens(Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.algorithm = Algorithm.HMAC256(secret);
        this.clock = clock;
    }

    String issue(Kind kind, String user, Duration lifetime) {
        Instant now = clock.instant();
        return JWT.create()
                .withJWTId(UUID.randomUUID().toString())
                .withSubject(user)
                .withClaim("token_type", kind.name().toLowerCase(java.util.Locale.ROOT))
                .withClaim("gen", kind == Kind.REFRESH ? refreshGeneration : generation)
                .withIssuedAt(Date.from(now))
                .withExpiresAt(Date.from(now.plus(lifetime)))
                .sign(algorithm);
    }

    /** Whether the token is one of ours, of that kind, not expired and not revoked. */
    boolean valid(String token, Kind kind) {
        try {
            DecodedJWT jwt = JWT.decode(token);
            algorithm.verify(jwt);
            if (!kind.name().equalsIgnoreCase(jwt.getClaim("token_type").asString())) {
                return false;
            }
            Instant now = clock.instant();
            Integer gen = jwt.getClaim("gen").asInt();
            int current = kind == Kind.REFRESH ? refreshGeneration : generation;
            return jwt.getExpiresAtAsInstant().isAfter(now) && gen != null && gen == current;
        } catch (JWTVerificationException | IllegalArgumentException | NullPointerException invalid) {
            return false;
        }
    }

    /** Makes every access and v1 token issued so far invalid (as after a server-side logout). */
    void revokeAll() {
        generation++;
    }

    /** Makes every refresh token issued so far invalid. */
    void revokeRefreshTokens() {
        refreshGeneration++;
    }
}
