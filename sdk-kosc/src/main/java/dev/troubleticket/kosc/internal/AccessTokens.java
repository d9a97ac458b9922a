package dev.troubleticket.kosc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.auth.AccessToken;
import dev.troubleticket.core.auth.TokenSource;
import dev.troubleticket.core.error.AuthenticationException;
import dev.troubleticket.core.error.ErrorDetails;
import dev.troubleticket.core.error.TicketingException;
import dev.troubleticket.core.internal.ApiRequest;
import dev.troubleticket.core.internal.HttpTransport;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs in at Kosc with an e-mail and a password and renews the token before it expires (the JWT
 * {@code exp} claim says when).
 *
 * <ul>
 *   <li>v1: {@code POST /api/account/token/} answers {@code {"token"}}, sent as {@code JWT <token>}; renewal logs in again.</li>
 *   <li>v2: {@code POST /api/v2/account/token/} answers {@code {"access", "refresh"}}, sent as {@code Bearer <access>};
 *       renewal posts {@code {"refresh"}} to the refresh path and logs in again when the refresh is refused.</li>
 * </ul>
 * The login requests carry no {@code Authorization} header. The password is never logged or printed.
 */
public final class AccessTokens implements TokenSource {
    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);

    /** The v1 login path. */
    public static final String V1_PATH = "/api/account/token/";
    /** The v2 login path. */
    public static final String V2_PATH = "/api/v2/account/token/";
    /** The v2 refresh path used unless configured otherwise (Django REST framework SimpleJWT's convention). */
    public static final String DEFAULT_REFRESH_PATH = "/api/v2/account/token/refresh/";

    private final HttpTransport transport;
    private final boolean v2;
    private final String email;
    private final String password;
    private final String refreshPath;
    private final Clock clock;

    private AccessTokens(HttpTransport transport, boolean v2, String email, String password, String refreshPath, Clock clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.v2 = v2;
        this.email = Objects.requireNonNull(email, "email");
        this.password = Objects.requireNonNull(password, "password");
        this.refreshPath = refreshPath;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The v1 login (24 h tokens, scheme {@code JWT}). */
    public static AccessTokens v1(HttpTransport transport, String email, String password, Clock clock) {
        return new AccessTokens(transport, false, email, password, null, clock);
    }

    /** The v2 login (1 h access tokens renewed with the refresh token, scheme {@code Bearer}). */
    public static AccessTokens v2(HttpTransport transport, String email, String password, String refreshPath, Clock clock) {
        return new AccessTokens(transport, true, email, password, refreshPath == null ? DEFAULT_REFRESH_PATH : refreshPath, clock);
    }

    /** The {@code Authorization} scheme the tokens are sent with. */
    public String scheme() {
        return v2 ? "Bearer" : "JWT";
    }

    @Override
    public AccessToken fetch() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", password);
        JsonNode answer;
        try {
            answer = post(v2 ? V2_PATH : V1_PATH, body);
        } catch (dev.troubleticket.core.error.ValidationException refused) {
            // v1 refuses bad credentials with 400 and DRF's non_field_errors: still a failed login, not a bad request.
            throw new AuthenticationException("kosc refused the login: " + refused.getMessage(), refused.details(), refused);
        }
        if (v2) {
            return AccessToken.fromJwt(required(answer, "access"), text(answer, "refresh"), clock.instant(), Duration.ofHours(1));
        }
        return AccessToken.fromJwt(required(answer, "token"), null, clock.instant(), Duration.ofHours(24));
    }

    @Override
    public AccessToken renew(AccessToken current) {
        if (!v2 || current == null || current.refreshToken() == null) {
            return fetch();
        }
        try {
            JsonNode answer = post(refreshPath, Map.of("refresh", current.refreshToken()));
            String refresh = text(answer, "refresh");
            return AccessToken.fromJwt(required(answer, "access"), refresh != null ? refresh : current.refreshToken(),
                    clock.instant(), Duration.ofHours(1));
        } catch (TicketingException refused) {
            // The refresh token lives 12 h after login; past that (or revoked) only a new login helps.
            LOG.debug("kosc refused the token refresh (HTTP {}); logging in again", refused.httpStatus());
            return fetch();
        }
    }

    private JsonNode post(String path, Map<String, String> body) {
        // Logging in twice does no harm, so the login may be retried after a lost answer.
        ApiRequest request = ApiRequest.post(path, transport.jsonBody(body)).authenticated(false).idempotent(true).build();
        return transport.send(request, JsonNode.class);
    }

    private static String required(JsonNode answer, String field) {
        String value = text(answer, field);
        if (value == null || value.isBlank()) {
            throw new AuthenticationException("kosc login answered without '" + field + "'", ErrorDetails.none("kosc"));
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public String toString() {
        return "AccessTokens[" + (v2 ? "v2" : "v1") + ", password=****]";
    }
}
