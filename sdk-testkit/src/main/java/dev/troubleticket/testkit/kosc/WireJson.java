package dev.troubleticket.testkit.kosc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.testkit.SimulatorResponses;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * The JSON the simulator writes as Kosc does: tickets, ticket events, feed events, the opaque base64
 * {@code sort_value} cursors, and Kosc's error bodies ({@code apirequest_uuid}, {@code error}, {@code details}).
 */
final class WireJson {
    static final ObjectMapper MAPPER = SimulatorResponses.mapper();
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private WireJson() {
    }

    static ObjectNode ticket(SimulatedTicket t, boolean listed) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("id", t.id);
        json.put("uuid", t.uuid);
        json.put("alias", t.alias);
        json.put("creation_date", DATE.format(t.created));
        json.put("modification_date", DATE.format(t.modified));
        json.put("type", "service");
        json.put("status", t.status);
        json.put("category", t.category);
        json.put("priority", t.priority);
        json.put("author", "SIMULATED_OPERATOR");
        json.put("operator_ticket_ref", t.reference);
        json.put("description", t.description);
        json.put("service_uuid", t.serviceUuid);
        json.put("service_alias", t.serviceAlias);
        json.put("product_name", "ADSL-Max_shared_BE_KOSC");
        json.put("grt", "standard");
        if (t.diagnosticRun == null) {
            json.putNull("diagnostic_run_id");
            json.putNull("diagnostic_run_alias");
        } else {
            json.put("diagnostic_run_id", t.diagnosticNumber);
            json.put("diagnostic_run_alias", WireRules.isDiagnosticAlias(t.diagnosticRun) ? t.diagnosticRun : "D000000_00000");
        }
        json.put("initial_comment", t.initialComment);
        if (t.lastComment == null) {
            json.putNull("last_comment");
        } else {
            ObjectNode last = json.putObject("last_comment");
            last.put("comment", t.lastComment);
            last.put("author", t.lastCommentAuthor);
        }
        json.put("last_comment_author", t.lastCommentAuthor);
        json.put("owner", "SIMULATED_OPERATOR");
        json.set("owner_contact", t.contact);
        json.put("operator_contact_uuid", "zitjrmff");
        json.put("last_update_author", t.lastUpdateAuthor);
        ArrayNode next = json.putArray("next_available_status");
        if (t.status.equals("deferred")) {
            next.add("open");
        } else if (t.status.equals("cleared")) {
            next.add("closed");
        }
        json.put("clear_code", t.clearCode);
        json.put("responsability", t.responsibility);
        if (listed) {
            json.put("sort_value", ticketCursor(t));
        }
        return json;
    }

    /** The {@code sort_value} of a listed ticket: its modification and id, base64-encoded. */
    static String ticketCursor(SimulatedTicket t) {
        return encode("p=" + URLEncoder.encode(DATE.format(t.modified), StandardCharsets.UTF_8) + "&i=" + t.id);
    }

    static ObjectNode event(SimulatedTicket.Event e, boolean listed) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("id", e.id());
        json.put("status", e.status());
        json.put("comment", e.comment());
        json.put("author", e.author());
        json.put("creation_date", DATE.format(e.created()));
        json.put("clear_code", e.clearCode());
        json.put("responsability", e.responsibility());
        if (listed) {
            json.put("sort_value", encode("p=" + URLEncoder.encode(DATE.format(e.created()), StandardCharsets.UTF_8)));
        }
        return json;
    }

    static ObjectNode feedEvent(EventFeed.FeedEvent e, boolean listed) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("model", "event");
        json.put("creation_date", DATE.format(e.created()));
        json.put("modification_date", DATE.format(e.created()));
        if (listed) {
            json.put("sort_value", encode("[\"" + DATE.format(e.created()) + "\"," + e.sequence() + "]"));
        }
        json.put("event_uuid", e.uuid());
        json.put("type", e.type());
        json.put("object_type", e.objectType());
        json.put("object_uuid", e.objectUuid());
        json.put("event_date", DATE.format(e.created()));
        json.set("data", e.data() == null ? MAPPER.nullNode() : e.data());
        return json;
    }

    /** One entry of Kosc's {@code details}: a field and its errors. */
    static ObjectNode detail(String field, String error) {
        ObjectNode detail = MAPPER.createObjectNode();
        detail.put("field", field);
        detail.putArray("errors").add(error);
        return detail;
    }

    /** Kosc's error body; {@code details} may be {@code null}. */
    static MockResponse error(int status, String error, List<ObjectNode> details) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("apirequest_uuid", "KOSC_" + UUID.randomUUID());
        body.put("error", error);
        if (details == null) {
            body.putNull("details");
        } else {
            body.putArray("details").addAll(details);
        }
        return SimulatorResponses.json(status, body);
    }

    /** The {@code Invalid input} refusal with one field error. */
    static MockResponse invalid(String field, String error) {
        return error(400, "Invalid input", List.of(detail(field, error)));
    }

    static MockResponse notFound() {
        return SimulatorResponses.json(404, Map.of("detail", "Not found."));
    }

    static MockResponse notAllowed() {
        return SimulatorResponses.json(405, Map.of("detail", "Method not allowed."));
    }

    static JsonNode body(RecordedRequest request) {
        try {
            return request.getBody() == null || request.getBody().size() == 0 ? null : MAPPER.readTree(request.getBody().utf8());
        } catch (Exception notJson) {
            return null;
        }
    }

    static int intParameter(RecordedRequest request, String name, int fallback) {
        String value = request.getUrl().queryParameter(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String text) {
        return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    }

    static String shortUuid() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}
