package dev.troubleticket.core.callback;

import java.util.Objects;

/**
 * What to answer a provider's callback.
 *
 * @param status the HTTP status
 * @param body   a short text for the provider (no secret, no payload); empty for none
 */
public record CallbackResponse(int status, String body) {
    /** Refuses a status outside 100..599; a {@code null} body is sent empty. */
    public CallbackResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        body = Objects.requireNonNullElse(body, "");
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
