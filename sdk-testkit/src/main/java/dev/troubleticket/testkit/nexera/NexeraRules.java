package dev.troubleticket.testkit.nexera;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The server side of Nexera's field rules, kept apart from the adapter's copy on purpose: the simulator
 * refuses what Nexera would refuse, so that an adapter bug that lets a bad request through shows.
 * Codes per field: Customer_Trouble_Ticket POST, PATCH, Complaint POST, PATCH.
 */
final class NexeraRules {
    private static final Map<String, String> MATRIX = new LinkedHashMap<>();

    static {
        row("id", "P P P P");
        row("href", "P P P P");
        row("name", "R O R O");
        row("description", "R O R O");
        row("severity", "R O O O");
        row("ticketType", "R P R P");
        row("ticketSubtype", "O P R P");
        row("channel", "O P O P");
        row("origin", "O P O P");
        row("externalId", "O P O P");
        row("correlationId", "O P O P");
        row("creationDate", "P P P P");
        row("lastUpdate", "P P P P");
        row("status", "P O P O");
        row("statusChangeDate", "P P P P");
        row("statusChangeReason", "P O P O");
        row("statusChange", "P P P P");
        row("resolutionDate", "P P P P");
        row("expectedResolutionDate", "P P P P");
        row("relatedEntity", "R P O P");
        row("relatedParty", "O P O P");
        row("troubleTicketRelationship", "P P P P");
        row("@type", "O P O P");
        row("@baseType", "O P O P");
        row("@schemaLocation", "O P O P");
        row("note.date", "P P P P");
        row("note.text", "R R R R");
        row("attachment.name", "R R R R");
        row("attachment.content", "R R R R");
        row("attachment.mimeType", "R R R R");
        row("relatedEntity.id", "R R R R");
        row("relatedEntity.role", "R R R R");
        row("relatedEntity.@referredType", "R R R R");
        row("relatedParty.id", "R R R R");
        row("relatedParty.role", "R R R R");
        row("relatedParty.@referredType", "R R R R");
    }

    static final Set<String> TICKET_TYPES = Set.of("customer_trouble_ticket", "complaint");
    static final Set<String> SUBTYPES = Set.of("financial", "activation", "maintenance", "other");
    static final Set<String> SEVERITIES = Set.of("high", "medium", "low");

    private NexeraRules() {
    }

    private static void row(String field, String codes) {
        MATRIX.put(field, codes);
    }

    /** Every problem of a create ({@code patch=false}) or a merge patch on a ticket of {@code ticketType}. */
    static List<String> violations(ObjectNode body, boolean patch, String ticketType) {
        List<String> problems = new ArrayList<>();
        String type = ticketType == null ? "" : ticketType.toLowerCase(Locale.ROOT);
        int column = (type.equals("complaint") ? 2 : 0) + (patch ? 1 : 0);
        MATRIX.forEach((field, codes) -> {
            String code = codes.split(" ")[column];
            int dot = field.indexOf('.');
            if (dot < 0) {
                check(code, field, body.get(field), problems);
                return;
            }
            JsonNode array = body.get(field.substring(0, dot));
            if (array != null && array.isArray()) {
                for (int i = 0; i < array.size(); i++) {
                    JsonNode element = array.get(i);
                    boolean reference = field.startsWith("attachment.") && element.hasNonNull("id") && !element.hasNonNull("content");
                    boolean existingNote = field.equals("note.date") && patch && element.hasNonNull("id");
                    if (!reference && !existingNote) {
                        check(code, field.replace(".", "[" + i + "]."), element.get(field.substring(dot + 1)), problems);
                    }
                }
            }
        });
        if (!patch) {
            vocabulary(body, "ticketType", TICKET_TYPES, problems);
        }
        vocabulary(body, "ticketSubtype", SUBTYPES, problems);
        vocabulary(body, "severity", SEVERITIES, problems);
        JsonNode priority = body.get("priority");
        if (priority != null && !priority.isNull() && (!priority.canConvertToInt() || priority.asInt() < 1 || priority.asInt() > 10)) {
            problems.add("priority: must be 1..10");
        }
        JsonNode attachments = body.get("attachment");
        if (attachments != null && attachments.isArray()) {
            for (JsonNode a : attachments) {
                if (a.hasNonNull("content")) {
                    try {
                        Base64.getDecoder().decode(a.get("content").asText().replaceAll("\\s", ""));
                    } catch (IllegalArgumentException e) {
                        problems.add("attachment.content: not base64");
                    }
                }
            }
        }
        return problems;
    }

    private static void check(String code, String field, JsonNode value, List<String> problems) {
        boolean present = value != null && !value.isNull() && !(value.isTextual() && value.asText().isBlank())
                && !(value.isContainerNode() && value.isEmpty());
        if (code.equals("R") && !present) {
            problems.add(field + ": required");
        } else if (code.equals("P") && present) {
            problems.add(field + ": prohibited");
        }
    }

    private static void vocabulary(ObjectNode body, String field, Set<String> values, List<String> problems) {
        JsonNode value = body.get(field);
        if (value != null && !value.isNull() && !values.contains(value.asText().toLowerCase(Locale.ROOT))) {
            problems.add(field + ": unknown value '" + value.asText() + "'");
        }
    }

    /** Whether an operator may move a ticket from {@code from} to {@code to}. */
    static boolean operatorMayMove(String from, String to) {
        String f = from.toLowerCase(Locale.ROOT);
        String t = to.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "inprogress" -> f.equals("pending") || f.equals("resolved");
            case "closed" -> f.equals("resolved");
            case "cancelled" -> Set.of("submitted", "acknowledged", "inprogress", "pending", "held").contains(f);
            default -> false;
        };
    }
}
