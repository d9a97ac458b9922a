package dev.troubleticket.testkit.kosc;

import static dev.troubleticket.testkit.kosc.WireJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.testkit.SimulatorResponses;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;

/**
 * Kosc's logins as the document describes them, for the built-in account: v1 ({@code POST /api/account/token/},
 * a 24 h token sent as {@code JWT}), v2 ({@code POST /api/v2/account/token/}, a 1 h access and a 12 h refresh token,
 * the access sent as {@code Bearer}) and the v2 refresh; and the check of each request's {@code Authorization}.
 * Not thread-safe: the simulator calls it under its lock.
 */
final class TokenEndpoint {
    private final String email;
    private final String password;
    private final KoscTokens tokens;
    private int logins;
    private int refreshes;
    private Duration v1Lifetime = Duration.ofHours(24);
    private Duration accessLifetime = Duration.ofHours(1);
    private Duration refreshLifetime = Duration.ofHours(12);

    TokenEndpoint(String email, String password, Clock clock) {
        this.email = email;
        this.password = password;
        this.tokens = new KoscTokens(clock);
    }

    void v1Lifetime(Duration value) {
        v1Lifetime = value;
    }

    void accessLifetime(Duration value) {
        accessLifetime = value;
    }

    void refreshLifetime(Duration value) {
        refreshLifetime = value;
    }

    int logins() {
        return logins;
    }

    int refreshes() {
        return refreshes;
    }

    /** Makes every access and v1 token issued so far invalid. */
    void revokeAll() {
        tokens.revokeAll();
    }

    /** Makes every refresh token issued so far invalid. */
    void revokeRefreshTokens() {
        tokens.revokeRefreshTokens();
    }

    /** A valid v1 token for the account. */
    String issueV1Token() {
        return tokens.issue(KoscTokens.Kind.V1, email, v1Lifetime);
    }

    MockResponse loginV1(JsonNode body) {
        if (!credentialsMatch(body)) {
            return SimulatorResponses.json(400, Map.of("non_field_errors", List.of("Unable to log in with provided credentials.")));
        }
        logins++;
        ObjectNode answer = WireJson.MAPPER.createObjectNode();
        answer.put("token", issueV1Token());
        answer.set("user", user());
        return SimulatorResponses.json(200, answer);
    }

    MockResponse loginV2(JsonNode body) {
        if (!credentialsMatch(body)) {
            return SimulatorResponses.json(401, Map.of("detail", "No active account found with the given credentials"));
        }
        logins++;
        ObjectNode answer = WireJson.MAPPER.createObjectNode();
        answer.put("access", tokens.issue(KoscTokens.Kind.ACCESS, email, accessLifetime));
        answer.put("refresh", tokens.issue(KoscTokens.Kind.REFRESH, email, refreshLifetime));
        answer.set("user", user());
        return SimulatorResponses.json(200, answer);
    }

    MockResponse refresh(JsonNode body) {
        String refresh = text(body, "refresh");
        if (refresh == null || !tokens.valid(refresh, KoscTokens.Kind.REFRESH)) {
            return SimulatorResponses.json(401, Map.of("detail", "Token is invalid or expired", "code", "token_not_valid"));
        }
        refreshes++;
        return SimulatorResponses.json(200, Map.of("access", tokens.issue(KoscTokens.Kind.ACCESS, email, accessLifetime)));
    }

    /** Whether an {@code Authorization} header carries a valid v1 ({@code JWT}) or access ({@code Bearer}) token. */
    boolean authorized(String header) {
        if (header == null) {
            return false;
        }
        if (header.startsWith("JWT ")) {
            return tokens.valid(header.substring(4).trim(), KoscTokens.Kind.V1);
        }
        if (header.startsWith("Bearer ")) {
            return tokens.valid(header.substring(7).trim(), KoscTokens.Kind.ACCESS);
        }
        return false;
    }

    private boolean credentialsMatch(JsonNode body) {
        return email.equals(text(body, "email")) && password.equals(text(body, "password"));
    }

    private ObjectNode user() {
        ObjectNode user = WireJson.MAPPER.createObjectNode();
        user.put("email", email);
        user.put("operator", "SIMULATED_OPERATOR");
        return user;
    }
}
