package dev.troubleticket.testkit.masstack;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.troubleticket.testkit.SimulatorResponses;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * The simulated OAuth2 token endpoint (JWT-bearer grant, RFC 7523) and the check of the access tokens
 * it issued. An assertion is accepted only when RS256-signed with the service account's key, with its
 * {@code kid}, the account as issuer and subject, the token URL as audience, and not expired.
 */
final class TokenEndpoint {
    private final Clock clock;
    private final RSAPublicKey publicKey;
    private final String keyId;
    private final Supplier<String> tokenUrl;
    private final Algorithm accessTokenAlgorithm = Algorithm.HMAC256(UUID.randomUUID().toString());
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile Duration accessTokenLifetime = Duration.ofHours(1);
    private volatile boolean sendExpiresIn = true;

    TokenEndpoint(Clock clock, RSAPublicKey publicKey, String keyId, Supplier<String> tokenUrl) {
        this.clock = clock;
        this.publicKey = publicKey;
        this.keyId = keyId;
        this.tokenUrl = tokenUrl;
    }

    void accessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = lifetime;
    }

    void sendExpiresIn(boolean value) {
        this.sendExpiresIn = value;
    }

    int tokensIssued() {
        return tokensIssued.get();
    }

    void revokeAll() {
        accessTokens.clear();
    }

    /** Answers a token request. */
    MockResponse exchange(RecordedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (!MasStackSimulator.GRANT_TYPE.equals(form.get("grant_type"))) {
            return SimulatorResponses.json(400, Map.of("error", "unsupported_grant_type",
                    "error_description", "grant_type must be " + MasStackSimulator.GRANT_TYPE));
        }
        String assertion = form.get("assertion");
        if (assertion == null || assertion.isBlank()) {
            return SimulatorResponses.json(400, Map.of("error", "invalid_request", "error_description", "assertion is missing"));
        }
        try {
            DecodedJWT decoded = JWT.decode(assertion);
            if (!keyId.equals(decoded.getKeyId())) {
                return invalidGrant("unknown key id");
            }
            if (!"RS256".equals(decoded.getAlgorithm())) {
                return invalidGrant("the assertion must be signed with RS256");
            }
            JWTVerifier verifier = ((JWTVerifier.BaseVerification) JWT.require(Algorithm.RSA256(publicKey, null))
                    .withIssuer(MasStackSimulator.CLIENT_EMAIL).withSubject(MasStackSimulator.CLIENT_EMAIL).withAudience(tokenUrl.get())
                    .withClaimPresence("exp").withClaimPresence("iat"))
                    .build(clock);
            DecodedJWT verified = verifier.verify(decoded);
            if (Duration.between(verified.getIssuedAtAsInstant(), verified.getExpiresAtAsInstant()).compareTo(Duration.ofHours(1)) > 0) {
                return invalidGrant("the assertion may live at most one hour");
            }
        } catch (JWTVerificationException e) {
            return invalidGrant(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Instant expiry = clock.instant().plus(accessTokenLifetime);
        String token = JWT.create().withIssuer("masstack-simulator").withSubject(MasStackSimulator.CLIENT_EMAIL)
                .withExpiresAt(expiry).withJWTId(UUID.randomUUID().toString()).sign(accessTokenAlgorithm);
        accessTokens.put(token, expiry);
        tokensIssued.incrementAndGet();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("token_type", "Bearer");
        if (sendExpiresIn) {
            answer.put("expires_in", accessTokenLifetime.toSeconds());
        }
        return SimulatorResponses.json(200, answer);
    }

    private static MockResponse invalidGrant(String why) {
        return SimulatorResponses.json(400, Map.of("error", "invalid_grant", "error_description", why));
    }

    /** {@code null} when the Authorization header carries a live access token, else the 401 to answer. */
    MockResponse check(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return unauthorized("a Bearer token is required");
        }
        Instant expiry = accessTokens.get(authorization.substring("Bearer ".length()));
        if (expiry == null) {
            return unauthorized("unknown or revoked token");
        }
        if (!clock.instant().isBefore(expiry)) {
            return unauthorized("the token expired");
        }
        return null;
    }

    private static MockResponse unauthorized(String why) {
        return new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .addHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("{\"error\":\"invalid_token\",\"error_description\":\"" + why + "\"}").build();
    }
}
