package dev.troubleticket.nexera.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.auth.AccessToken;
import dev.troubleticket.core.auth.TokenSource;
import dev.troubleticket.core.error.AuthenticationException;
import dev.troubleticket.core.error.ErrorDetails;
import dev.troubleticket.core.error.TicketingException;
import dev.troubleticket.core.internal.ApiRequest;
import dev.troubleticket.core.internal.ApiResponse;
import dev.troubleticket.core.internal.HttpTransport;
import java.time.Clock;
import java.time.Duration;
import okhttp3.FormBody;

/**
 * Obtains access tokens with the OAuth2 client-credentials grant: {@code POST <tokenUrl>} with the client
 * id and secret as basic credentials and {@code grant_type=client_credentials}, answering
 * {@code {"access_token", "expires_in", "token_type"}}. Nexera's "authorization call" works this way
 * (its Postman collection "Nexera Authorization"); the token URL is configuration.
 */
public final class AccessTokens implements TokenSource {
    private final HttpTransport tokenTransport;
    private final String tokenUrl;
    private final Clock clock;
    private final Duration fallbackLifetime;

    /**
     * @param tokenTransport a transport authenticating with the client's basic credentials
     * @param tokenUrl       the absolute token URL
     */
    public AccessTokens(HttpTransport tokenTransport, String tokenUrl, Clock clock, Duration fallbackLifetime) {
        this.tokenTransport = tokenTransport;
        this.tokenUrl = tokenUrl;
        this.clock = clock;
        this.fallbackLifetime = fallbackLifetime;
    }

    @Override
    public AccessToken fetch() {
        ApiRequest request = ApiRequest.post(tokenUrl, new FormBody.Builder().add("grant_type", "client_credentials").build())
                // Asking for a token twice does no harm: retry it like a read.
                .idempotent(true).build();
        ApiResponse response;
        try {
            response = tokenTransport.send(request);
        } catch (TicketingException e) {
            throw new AuthenticationException(tokenTransport.provider() + ": could not obtain an access token from the token URL: "
                    + e.getMessage(), e.details(), e);
        }
        JsonNode body = tokenTransport.read(response, tokenTransport.mapper().constructType(JsonNode.class));
        String token = body.path("access_token").asText(null);
        if (token == null || token.isBlank()) {
            throw new AuthenticationException(tokenTransport.provider() + ": the token answer has no access_token",
                    new ErrorDetails(tokenTransport.provider(), response.status(), null, null, null, response.body(), response.attempts()));
        }
        long expiresIn = body.path("expires_in").asLong(0);
        if (expiresIn > 0) {
            return new AccessToken(token, clock.instant().plusSeconds(expiresIn), null);
        }
        return AccessToken.fromJwt(token, null, clock.instant(), fallbackLifetime);
    }

    @Override
    public String toString() {
        return "AccessTokens[tokenUrl=" + tokenUrl + "]";
    }
}
