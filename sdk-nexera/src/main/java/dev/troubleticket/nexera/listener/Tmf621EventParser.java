package dev.troubleticket.nexera.listener;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.model.RawPayload;
import dev.troubleticket.core.model.Timestamp;
import dev.troubleticket.nexera.model.TroubleTicket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a notification body into a typed {@link Tmf621Event}. Unknown event types and fields are kept;
 * only a body that is not a JSON object with an {@code eventType} is refused.
 */
public final class Tmf621EventParser {
    private final ObjectMapper mapper;
    private final String provider;

    /** A parser for the given provider id (kept in the events' raw payload). */
    public Tmf621EventParser(String provider) {
        this.provider = provider;
        this.mapper = Json.mapper();
    }

    /** Parses the body. */
    public Tmf621Event parse(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw new MalformedEventException("the notification is not JSON: " + e.getClass().getSimpleName(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("the notification is not a JSON object", null);
        }
        String eventType = text(root, "eventType");
        if (eventType == null || eventType.isBlank()) {
            throw new MalformedEventException("the notification has no eventType", null);
        }
        JsonNode event = root.path("event");
        EventHeader header = new EventHeader(text(root, "eventId"), eventType, time(root, "eventTime"),
                root.has("timeOcurred") ? time(root, "timeOcurred") : time(root, "timeOccurred"), text(root, "correlationId"),
                text(root, "domain"), text(root, "title"), text(root, "description"), text(root, "priority"), text(root, "href"));
        TroubleTicket ticket = ticket(event.get("troubleTicket"));
        String fieldPath = text(root, "fieldPath") != null ? text(root, "fieldPath") : text(event, "fieldPath");
        RawPayload raw = new RawPayload(provider, new String(body, StandardCharsets.UTF_8));
        // Servers differ in case ("troubleTicketStatusChangeEvent") and blanks: compared as OpenValue compares.
        switch (eventType.strip().toLowerCase(Locale.ROOT)) {
            case "troubleticketattributevaluechangeevent":
                return new Tmf621Event.AttributeValueChange(header, ticket, fieldPath, raw);
            case "troubleticketstatuschangeevent":
                return new Tmf621Event.StatusChange(header, ticket, raw);
            case "troubleticketresolvedevent":
                return new Tmf621Event.Resolved(header, ticket, raw);
            case "troubleticketinformationrequiredevent":
                return new Tmf621Event.InformationRequired(header, ticket, fieldPath, raw);
            case "troubleticketcreateevent":
                return new Tmf621Event.Created(header, ticket, raw);
            case "troubleticketdeleteevent":
                return new Tmf621Event.Deleted(header, ticket, raw);
            default:
                return new Tmf621Event.Unknown(header, ticket, raw);
        }
    }

    private TroubleTicket ticket(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        try {
            return mapper.treeToValue(node, TroubleTicket.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedEventException("event.troubleTicket is not a TMF621 TroubleTicket: " + e.getMessage(), e);
        }
    }

    private static Timestamp time(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : Timestamp.parse(text);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
