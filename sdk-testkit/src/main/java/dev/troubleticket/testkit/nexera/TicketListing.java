package dev.troubleticket.testkit.nexera;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.testkit.SimulatorResponses;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;

/**
 * {@code GET /troubleTicket}'s query: every documented filter (a list of alternatives, the date operators
 * {@code .gt}, {@code .gte}, {@code .lt}, {@code .lte}), {@code fields}, and {@code offset}/{@code limit} paging
 * answered with {@code X-Total-Count}, {@code X-Result-Count} and 206 for a partial page.
 */
final class TicketListing {
    private static final int DEFAULT_LIMIT = 100;
    private static final Set<String> PAGING = Set.of("offset", "limit", "fields");
    private static final Set<String> DATE_OPERATORS = Set.of("gt", "gte", "lt", "lte");

    private TicketListing() {
    }

    /** The page of {@code matching} (the tickets {@link #matches} kept, in order) that the URL asks for. */
    static MockResponse page(List<ObjectNode> matching, HttpUrl url) {
        int offset = intParameter(url, "offset", 0);
        int limit = intParameter(url, "limit", DEFAULT_LIMIT);
        int from = Math.min(offset, matching.size());
        int to = Math.min(from + limit, matching.size());
        ArrayNode page = SimulatorResponses.mapper().createArrayNode();
        for (ObjectNode ticket : matching.subList(from, to)) {
            page.add(project(ticket, url.queryParameter("fields")));
        }
        boolean partial = to < matching.size();
        return new MockResponse.Builder().code(partial ? 206 : 200)
                .addHeader("Content-Type", "application/json")
                .addHeader("X-Total-Count", String.valueOf(matching.size()))
                .addHeader("X-Result-Count", String.valueOf(page.size()))
                .body(page.toString()).build();
    }

    /** Whether the ticket passes every filter of the URL. */
    static boolean matches(ObjectNode ticket, HttpUrl url) {
        for (String name : url.queryParameterNames()) {
            if (PAGING.contains(name)) {
                continue;
            }
            String value = url.queryParameter(name);
            int dot = name.lastIndexOf('.');
            String operator = dot > 0 ? name.substring(dot + 1) : "";
            if (DATE_OPERATORS.contains(operator)) {
                String field = name.substring(0, dot);
                if (!compareDate(ticket.path(field).asText(null), operator, value)) {
                    return false;
                }
                continue;
            }
            // The document spells the filter ticketSubType and the field ticketSubtype.
            String field = name.equals("ticketSubType") ? "ticketSubtype" : name;
            JsonNode actual = ticket.get(field);
            if (actual == null || actual.isNull() || actual.isContainerNode()) {
                return false;
            }
            boolean any = false;
            for (String alternative : value.split(",")) {
                any |= equalValues(actual.asText(), alternative.trim());
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    /** The ticket with only the {@code fields} asked for (and its id and href), or whole without them. */
    static ObjectNode project(ObjectNode ticket, String fields) {
        if (fields == null || fields.isBlank()) {
            return ticket;
        }
        ObjectNode projected = SimulatorResponses.mapper().createObjectNode();
        projected.set("id", ticket.get("id"));
        projected.set("href", ticket.get("href"));
        for (String field : fields.split(",")) {
            JsonNode value = ticket.get(field.trim());
            if (value != null) {
                projected.set(field.trim(), value);
            }
        }
        return projected;
    }

    private static boolean equalValues(String actual, String wanted) {
        Instant a = instant(actual);
        Instant w = instant(wanted);
        return a != null && w != null ? a.equals(w) : actual.equals(wanted);
    }

    private static boolean compareDate(String actual, String operator, String wanted) {
        Instant a = instant(actual);
        Instant w = instant(wanted);
        if (a == null || w == null) {
            return false;
        }
        int c = a.compareTo(w);
        return switch (operator) {
            case "gt" -> c > 0;
            case "gte" -> c >= 0;
            case "lt" -> c < 0;
            default -> c <= 0;
        };
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int intParameter(HttpUrl url, String name, int fallback) {
        String value = url.queryParameter(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 0) {
                throw new BadRequest(name + " must not be negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a number");
        }
    }
}
