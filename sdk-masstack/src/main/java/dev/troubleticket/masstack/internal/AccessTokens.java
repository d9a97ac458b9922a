package dev.troubleticket.masstack.internal;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.auth.AccessToken;
import dev.troubleticket.core.auth.AuthProvider;
import dev.troubleticket.core.auth.TokenSource;
import dev.troubleticket.core.error.AuthenticationException;
import dev.troubleticket.core.error.ErrorDetails;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.internal.ApiRequest;
import dev.troubleticket.core.internal.HttpTransport;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.internal.ProviderError;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import okhttp3.FormBody;

/**
 * Obtains MasStack access tokens with the OAuth2 JWT-bearer grant (RFC 7523): signs a short-lived RS256
 * assertion with the service account's key (given as its parts, so that this class needs nothing of the adapter's
 * public API) ({@code kid} = {@code private_key_id}, {@code iss} and
 * {@code sub} = {@code client_email}, {@code aud} = the token URL) and exchanges it, form-encoded, at the
 * token endpoint.
 *
 * <p>The token's expiry is {@code expires_in} when the answer gives it, otherwise the access token's own
 * JWT {@code exp}, otherwise unknown (the token is then used until refused, and a 401 renews it).
 */
public final class AccessTokens implements TokenSource {
    /** The grant type of RFC 7523. */
    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final String clientEmail;
    private final String privateKeyId;
    private final String tokenUrl;
    private final HttpTransport transport;
    private final Clock clock;
    private final Duration assertionLifetime;
    private final Algorithm algorithm;

    /**
     * @param clientEmail  the service account's id, the assertion's issuer and subject
     * @param privateKeyId the id of its key, the assertion's {@code kid}
     * @param privateKey   its key, which signs the assertion (never shown)
     */
    public AccessTokens(String clientEmail, String privateKeyId, RSAPrivateKey privateKey, String tokenUrl,
                        TransportOptions options, Clock clock, Duration assertionLifetime) {
        this.clientEmail = Objects.requireNonNull(clientEmail, "clientEmail");
        this.privateKeyId = Objects.requireNonNull(privateKeyId, "privateKeyId");
        this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.assertionLifetime = Objects.requireNonNull(assertionLifetime, "assertionLifetime");
        this.transport = new HttpTransport("masstack", tokenUrl, options, AuthProvider.none(),
                AccessTokens::parseTokenError, Json.mapper());
        this.algorithm = Algorithm.RSA256(null, Objects.requireNonNull(privateKey, "privateKey"));
    }

    /** The token endpoint's answer (RFC 6749 section 5.1). */
    record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") Long expiresIn) {
        @Override
        public String toString() {
            return "TokenResponse[accessToken=****, tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
        }
    }

    /** A signed assertion for the current time. */
    public String assertion() {
        Instant now = clock.instant();
        return JWT.create()
                .withKeyId(privateKeyId)
                .withIssuer(clientEmail)
                .withSubject(clientEmail)
                .withAudience(tokenUrl)
                .withIssuedAt(now)
                .withExpiresAt(now.plus(assertionLifetime))
                .withJWTId(UUID.randomUUID().toString())
                .sign(algorithm);
    }

    @Override
    public AccessToken fetch() {
        FormBody form = new FormBody.Builder()
                .add("grant_type", GRANT_TYPE)
                .add("assertion", assertion())
                .build();
        // Asking for a token twice only mints two tokens: safe to retry after any failure.
        ApiRequest request = ApiRequest.post(tokenUrl, form).authenticated(false).idempotent(true).build();
        TokenResponse answer = transport.send(request, TokenResponse.class);
        if (answer.accessToken() == null || answer.accessToken().isBlank()) {
            throw new AuthenticationException("masstack token endpoint answered without an access_token",
                    ErrorDetails.none("masstack"));
        }
        Instant now = clock.instant();
        if (answer.expiresIn() != null && answer.expiresIn() > 0) {
            return new AccessToken(answer.accessToken(), now.plusSeconds(answer.expiresIn()), null);
        }
        return AccessToken.fromJwt(answer.accessToken(), null, now, null);
    }

    /** OAuth2 error bodies ({@code {"error": "invalid_grant", "error_description": ...}}) are authentication failures. */
    static ProviderError parseTokenError(dev.troubleticket.core.internal.ApiResponse response) {
        try {
            JsonNode body = Json.mapper().readTree(response.body());
            if (body != null && body.hasNonNull("error")) {
                String description = body.hasNonNull("error_description") ? body.get("error_description").asText() : null;
                return new ProviderError(body.get("error").asText(), description, null, List.of(),
                        response.status() >= 500 ? ProviderError.Kind.PROVIDER : ProviderError.Kind.AUTHENTICATION);
            }
        } catch (java.io.IOException | RuntimeException unreadable) {
            // fall through: the raw body is kept by the exception
        }
        return response.status() >= 400 && response.status() < 500
                ? new ProviderError(null, null, null, List.of(), ProviderError.Kind.AUTHENTICATION)
                : ProviderError.unreadable();
    }

    @Override
    public String toString() {
        return "AccessTokens[account=" + clientEmail + ", tokenUrl=" + tokenUrl + "]";
    }
}
