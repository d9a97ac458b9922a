package dev.troubleticket.testkit.masstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The simulator's own checks of create and update bodies, written from the document (not shared with the adapter),
 * answered as the document's {@code illegalArgumentException} texts ({@code required fields: a,b}, {@code invalid fields: ...}).
 */
final class WireRules {
    private WireRules() {
    }

    private static final List<String> REQUIRED = List.of("baseTroubleTicketState", "mirrorKey", "dialog", "troubleType",
            "troubleDescription", "troubleDetectionTime", "preferredPriority", "troubledObject", "customerTroubleNum",
            "wh1Parameter", "clearencePerson");

    /** The rules of a create ({@code POST /troubleTicket}); throws the document's error text when one is broken. */
    static void checkCreate(JsonNode body) {
        List<String> missing = new ArrayList<>();
        for (String field : REQUIRED) {
            if (text(body, field) == null) {
                missing.add(field);
            }
        }
        String issueType = text(body, "wh1Parameter");
        boolean client = issueType != null && Set.of("cliente", "client").contains(issueType.toLowerCase(Locale.ROOT));
        if (client && text(body, "homeId") == null) {
            missing.add("homeId");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("required fields: " + String.join(",", missing));
        }
        List<String> invalid = new ArrayList<>();
        if (!States.OPENACTIVE.equals(text(body, "baseTroubleTicketState"))) {
            invalid.add("baseTroubleTicketState must be OPENACTIVE");
        }
        maxLength(body, "mirrorKey", 255, invalid);
        maxLength(body, "dialog", 4000, invalid);
        maxLength(body, "troubleType", 35, invalid);
        maxLength(body, "troubleDescription", 1000, invalid);
        maxLength(body, "troubledObject", 100, invalid);
        maxLength(body, "customerTroubleNum", 100, invalid);
        maxLength(body, "homeId", 255, invalid);
        maxLength(body, "gescal37ID", 40, invalid);
        for (int i = 2; i <= 5; i++) {
            maxLength(body, "wh" + i + "Parameter", 255, invalid);
        }
        dateTime(body, "troubleDetectionTime", invalid);
        JsonNode priority = body.get("preferredPriority");
        if (!priority.canConvertToInt() || !priority.isIntegralNumber() || priority.asInt() < 1 || priority.asInt() > 3) {
            invalid.add("preferredPriority must be an integer from 1 to 3");
        }
        if (!Set.of("cliente", "client", "red", "network").contains(issueType.toLowerCase(Locale.ROOT))) {
            invalid.add("wh1Parameter must be client or network");
        }
        attachments(body, invalid);
        if (!invalid.isEmpty()) {
            throw new IllegalArgumentException("invalid fields: " + String.join("; ", invalid));
        }
    }

    /**
     * The rules of an update ({@code PATCH /troubleTicket/{ticketId}}) of the ticket {@code ticketId}, now in state
     * {@code from}, to state {@code target}; throws the document's error text when one is broken.
     *
     * @return the operator transaction the update makes
     */
    static String checkUpdate(JsonNode body, String ticketId, String mirrorKey, String from, String target) {
        List<String> missing = new ArrayList<>();
        for (String field : List.of("ticketId", "mirrorKey", "dialog")) {
            if (text(body, field) == null) {
                missing.add(field);
            }
        }
        String transaction = States.transactionFor(from, target);
        if (States.CLOSED.equals(target)) {
            for (String field : List.of("closeOutType", "closeOutNarr", "serviceRestoredTime")) {
                if (text(body, field) == null) {
                    missing.add(field);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("required fields: " + String.join(",", missing));
        }
        List<String> invalid = new ArrayList<>();
        maxLength(body, "ticketId", 15, invalid);
        maxLength(body, "mirrorKey", 15, invalid);
        maxLength(body, "dialog", 4000, invalid);
        maxLength(body, "closeOutType", 128, invalid);
        maxLength(body, "closeOutNarr", 128, invalid);
        maxLength(body, "serviceRestoredTime", 20, invalid);
        dateTime(body, "serviceRestoredTime", invalid);
        attachments(body, invalid);
        if (!ticketId.equals(text(body, "ticketId"))) {
            invalid.add("ticketId does not match the ticket in the path");
        }
        if (!mirrorKey.equals(text(body, "mirrorKey"))) {
            invalid.add("mirrorKey does not match the ticket's");
        }
        if (transaction == null) {
            invalid.add("transition from " + from + " to " + target + " is not allowed");
        }
        if (!invalid.isEmpty()) {
            throw new IllegalArgumentException("invalid fields: " + String.join("; ", invalid));
        }
        return transaction;
    }

    /** The field's text, or {@code null} when it is absent, null, blank or not a single value. */
    static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String text = node.asText();
        return text.isBlank() ? null : text;
    }

    static void maxLength(JsonNode body, String field, int max, List<String> invalid) {
        String text = text(body, field);
        if (text != null && text.length() > max) {
            invalid.add(field + " is longer than " + max);
        }
    }

    static void dateTime(JsonNode body, String field, List<String> invalid) {
        String text = text(body, field);
        if (text == null) {
            return;
        }
        try {
            OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            invalid.add(field + " is not a date-time");
        }
    }

    static void attachments(JsonNode body, List<String> invalid) {
        JsonNode attachments = body.get("attachments");
        if (attachments == null || attachments.isNull()) {
            return;
        }
        if (!attachments.isArray()) {
            invalid.add("attachments must be an array");
            return;
        }
        for (int i = 0; i < attachments.size(); i++) {
            JsonNode a = attachments.get(i);
            String content = text(a, "content");
            if (content == null) {
                invalid.add("attachments[" + i + "].content is required");
            } else {
                try {
                    Base64.getDecoder().decode(content);
                } catch (IllegalArgumentException e) {
                    invalid.add("attachments[" + i + "].content is not base64");
                }
            }
            if (text(a, "mimeType") == null && text(a, "mimetype") == null) {
                invalid.add("attachments[" + i + "].mimeType is required");
            }
            if (text(a, "name") == null) {
                invalid.add("attachments[" + i + "].name is required");
            }
        }
    }
}
