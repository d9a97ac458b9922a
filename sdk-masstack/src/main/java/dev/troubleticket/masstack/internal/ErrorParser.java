package dev.troubleticket.masstack.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.core.internal.ApiResponse;
import dev.troubleticket.core.internal.ErrorBodyParser;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.internal.ProviderError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads MasStack's error bodies, which name the Java exception behind the failure:
 * {@code {"illegalArgumentException": "..."}} (the request is invalid), {@code {"remoteException": "..."}}
 * (the territory owner's system failed) and {@code {"objectNotFoundException": "..."}} (no such ticket).
 * All three come with HTTP 400, so the body, not the status, decides the exception. Never throws.
 */
public final class ErrorParser implements ErrorBodyParser {
    private static final Pattern REQUIRED_FIELDS = Pattern.compile("required fields?\\s*:\\s*(.+)", Pattern.CASE_INSENSITIVE);

    @Override
    public ProviderError parse(ApiResponse response) {
        JsonNode body;
        try {
            body = Json.mapper().readTree(response.body());
        } catch (java.io.IOException | RuntimeException unreadable) {
            return ProviderError.unreadable();
        }
        if (body == null || !body.isObject()) {
            return ProviderError.unreadable();
        }
        String illegal = text(body, "illegalArgumentException");
        if (illegal != null) {
            return new ProviderError("illegalArgumentException", illegal, null, violations(illegal), ProviderError.Kind.VALIDATION);
        }
        String notFound = text(body, "objectNotFoundException");
        if (notFound != null) {
            return new ProviderError("objectNotFoundException", notFound, null, List.of(), ProviderError.Kind.NOT_FOUND);
        }
        String remote = text(body, "remoteException");
        if (remote != null) {
            return new ProviderError("remoteException", remote, null, List.of(), ProviderError.Kind.PROVIDER);
        }
        // An OAuth2-style body from a gateway in front of the API.
        String error = text(body, "error");
        if (error != null) {
            return new ProviderError(error, text(body, "error_description"), null, List.of(), ProviderError.Kind.FROM_STATUS);
        }
        return ProviderError.unreadable();
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : node.toString();
    }

    /** "required fields: baseTroubleTicketState,mirrorKey,dialog" names one violation per field. */
    static List<FieldViolation> violations(String message) {
        Matcher m = REQUIRED_FIELDS.matcher(message);
        if (!m.find()) {
            return List.of(new FieldViolation("request", message));
        }
        List<FieldViolation> violations = new ArrayList<>();
        for (String field : m.group(1).split("[,;\\s]+")) {
            if (!field.isBlank()) {
                violations.add(new FieldViolation(field.trim(), "is required (said the provider)"));
            }
        }
        return violations;
    }
}
