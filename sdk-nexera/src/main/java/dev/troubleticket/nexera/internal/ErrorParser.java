package dev.troubleticket.nexera.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.internal.ApiResponse;
import dev.troubleticket.core.internal.ErrorBodyParser;
import dev.troubleticket.core.internal.ProviderError;
import java.util.List;

/**
 * Reads the TMF630 error body {@code {"code", "reason", "message", "status", "referenceError"}}. The code
 * may come as a number or a string; anything else (an HTML page, a proxy's text) gives an unreadable
 * error and the exception keeps the raw body.
 */
public final class ErrorParser implements ErrorBodyParser {
    private final ObjectMapper mapper;

    public ErrorParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public ProviderError parse(ApiResponse response) {
        JsonNode body;
        try {
            body = mapper.readTree(response.body());
        } catch (Exception notJson) {
            return ProviderError.unreadable();
        }
        if (body == null || !body.isObject() || !(body.has("code") || body.has("reason") || body.has("message"))) {
            return ProviderError.unreadable();
        }
        String code = text(body.get("code"));
        String reason = text(body.get("reason"));
        String message = text(body.get("message"));
        String reference = text(body.get("referenceError"));
        StringBuilder words = new StringBuilder();
        if (reason != null) {
            words.append(reason);
        }
        if (message != null) {
            words.append(words.length() > 0 ? ": " : "").append(message);
        }
        if (reference != null) {
            words.append(" (see ").append(reference).append(')');
        }
        return new ProviderError(code, words.length() == 0 ? null : words.toString(), null, List.of(),
                ProviderError.Kind.FROM_STATUS);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
