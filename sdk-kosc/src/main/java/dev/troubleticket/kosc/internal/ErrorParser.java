package dev.troubleticket.kosc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.core.internal.ApiResponse;
import dev.troubleticket.core.internal.ErrorBodyParser;
import dev.troubleticket.core.internal.ProviderError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Kosc's error bodies: the newer {@code {"apirequest_uuid", "error", "details": [{"field", "errors"}]}}
 * and the older shapes (a plain string, DRF's {@code {"detail": ...}}, DRF's {@code {"field": ["msg"]}}, a
 * list of messages). Never throws; whatever it cannot read, the exception still keeps as the raw body.
 *
 * <p>A refusal whose words say another ticket is already open is reported as a conflict even when Kosc
 * answers it with 400, since retrying it unchanged cannot help and the caller acts on it differently.
 */
public final class ErrorParser implements ErrorBodyParser {
    private final ObjectMapper mapper;

    public ErrorParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public ProviderError parse(ApiResponse response) {
        String body = response.body().trim();
        if (body.isEmpty()) {
            return ProviderError.unreadable();
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (Exception notJson) {
            // A plain-text or HTML answer: the message is the text's start, kept short.
            return ProviderError.message(body.length() > 200 ? body.substring(0, 200) + "..." : body);
        }
        ProviderError parsed = read(root);
        return conflictWords(parsed) ? new ProviderError(parsed.code(), parsed.message(), parsed.requestId(),
                parsed.violations(), ProviderError.Kind.CONFLICT) : parsed;
    }

    private static ProviderError read(JsonNode root) {
        if (root.isTextual()) {
            return ProviderError.message(root.asText());
        }
        if (root.isArray()) {
            return ProviderError.message(joinTexts(root));
        }
        if (!root.isObject()) {
            return ProviderError.unreadable();
        }
        if (root.has("apirequest_uuid") || root.has("error")) {
            List<FieldViolation> violations = new ArrayList<>();
            JsonNode details = root.get("details");
            if (details != null && details.isArray()) {
                for (JsonNode detail : details) {
                    String field = text(detail.get("field"));
                    JsonNode errors = detail.get("errors");
                    violations.add(new FieldViolation(field == null ? "(request)" : field,
                            errors == null ? "" : joinTexts(errors)));
                }
            }
            return new ProviderError(null, text(root.get("error")), text(root.get("apirequest_uuid")), violations,
                    ProviderError.Kind.FROM_STATUS);
        }
        if (root.has("detail")) {
            return ProviderError.message(text(root.get("detail")));
        }
        // DRF field errors: {"field": ["message", ...], "non_field_errors": [...]}
        List<FieldViolation> violations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            violations.add(new FieldViolation(entry.getKey(), joinTexts(entry.getValue())));
        }
        return new ProviderError(null, violations.isEmpty() ? null : "Invalid input", null, violations,
                ProviderError.Kind.FROM_STATUS);
    }

    private static boolean conflictWords(ProviderError error) {
        StringBuilder words = new StringBuilder(error.message() == null ? "" : error.message());
        error.violations().forEach(v -> words.append(' ').append(v.message()));
        String lower = words.toString().toLowerCase(Locale.ROOT);
        return lower.contains("already") && (lower.contains("open") || lower.contains("exist"));
    }

    private static String joinTexts(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(item -> parts.add(item.isValueNode() ? item.asText() : item.toString()));
            return String.join("; ", parts);
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }
}
