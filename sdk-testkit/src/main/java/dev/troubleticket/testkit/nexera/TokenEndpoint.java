package dev.troubleticket.testkit.nexera;

import dev.troubleticket.testkit.SimulatorResponses;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * The simulated OAuth2 token endpoint (client-credentials grant, the client's id and secret as basic
 * credentials) and the check of every call's credentials: the operator's basic account or a token it issued.
 */
final class TokenEndpoint {
    private final Clock clock;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile Duration tokenLifetime = Duration.ofHours(1);

    TokenEndpoint(Clock clock) {
        this.clock = clock;
    }

    void tokenLifetime(Duration value) {
        this.tokenLifetime = value;
    }

    void revokeTokens() {
        tokens.clear();
    }

    int tokensIssued() {
        return tokensIssued.get();
    }

    /** Whether the call carries the operator's basic credentials or a token issued and not expired. */
    boolean authenticated(RecordedRequest request) {
        String authorization = request.getHeaders().get("Authorization");
        if (authorization == null) {
            return false;
        }
        if (authorization.startsWith("Basic ")) {
            return authorization.equals(basic(NexeraSimulator.USERNAME, NexeraSimulator.PASSWORD));
        }
        if (authorization.startsWith("Bearer ")) {
            Instant expiry = tokens.get(authorization.substring("Bearer ".length()));
            return expiry != null && clock.instant().isBefore(expiry);
        }
        return false;
    }

    /** Answers {@code POST} at the token path. */
    MockResponse token(RecordedRequest request) {
        if (!basic(NexeraSimulator.CLIENT_ID, NexeraSimulator.CLIENT_SECRET).equals(request.getHeaders().get("Authorization"))) {
            return SimulatorResponses.json(401, Map.of("error", "invalid_client"));
        }
        if (!WireJson.bodyText(request).contains("grant_type=client_credentials")) {
            return SimulatorResponses.json(400, Map.of("error", "unsupported_grant_type"));
        }
        String token = "sim-token-" + UUID.randomUUID();
        Duration lifetime = tokenLifetime;
        tokens.put(token, clock.instant().plus(lifetime));
        tokensIssued.incrementAndGet();
        return SimulatorResponses.json(200, Map.of("access_token", token, "token_type", "Bearer", "expires_in", lifetime.toSeconds()));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
