package dev.troubleticket.kosc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.troubleticket.core.error.ErrorDetails;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.internal.ApiResponse;
import dev.troubleticket.core.model.Timestamp;
import dev.troubleticket.kosc.model.KoscEvent;
import dev.troubleticket.kosc.model.KoscEventData;
import dev.troubleticket.kosc.model.KoscEventType;
import dev.troubleticket.kosc.model.KoscTicket;
import dev.troubleticket.kosc.model.KoscTicketEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Kosc's JSON into the typed model, keeping each object's JSON as received. Unknown fields, enum
 * values and event types are kept; a date that cannot be read is kept raw and logged (without personal
 * data), never failing the page it is on. A body that is not the documented shape at all becomes a
 * {@link ProviderException} keeping status and raw body.
 */
public final class KoscReader {
    private static final Logger LOG = LoggerFactory.getLogger(KoscReader.class);

    private final ObjectMapper mapper;

    public KoscReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** One ticket from an answer. */
    public KoscTicket ticket(ApiResponse response) {
        return ticket(object(tree(response), response, "ticket"), response);
    }

    /** A list of tickets from an answer. */
    public List<KoscTicket> tickets(ApiResponse response) {
        List<KoscTicket> tickets = new ArrayList<>();
        for (JsonNode node : array(tree(response), response, "ticket list")) {
            tickets.add(ticket(object(node, response, "ticket"), response));
        }
        return tickets;
    }

    /** One ticket event from an answer. */
    public KoscTicketEvent ticketEvent(ApiResponse response) {
        return ticketEvent(object(tree(response), response, "ticket event"), response);
    }

    /** A list of ticket events from an answer. */
    public List<KoscTicketEvent> ticketEvents(ApiResponse response) {
        List<KoscTicketEvent> events = new ArrayList<>();
        for (JsonNode node : array(tree(response), response, "ticket event list")) {
            events.add(ticketEvent(object(node, response, "ticket event"), response));
        }
        return events;
    }

    /** One feed event from an answer. */
    public KoscEvent event(ApiResponse response) {
        return event(object(tree(response), response, "event"));
    }

    /** A list of feed events from an answer. */
    public List<KoscEvent> events(ApiResponse response) {
        List<KoscEvent> events = new ArrayList<>();
        for (JsonNode node : array(tree(response), response, "event list")) {
            events.add(event(object(node, response, "event")));
        }
        return events;
    }

    /** A ticket from its JSON. */
    public KoscTicket ticket(JsonNode node, ApiResponse response) {
        KoscTicket ticket = bind(node, KoscTicket.class, response).withRawJson(node.toString());
        warnIfUnreadable("ticket", ticket.key(), "creation_date", ticket.creationDate());
        warnIfUnreadable("ticket", ticket.key(), "modification_date", ticket.modificationDate());
        return ticket;
    }

    /** A ticket event from its JSON. */
    public KoscTicketEvent ticketEvent(JsonNode node, ApiResponse response) {
        KoscTicketEvent event = bind(node, KoscTicketEvent.class, response).withRawJson(node.toString());
        warnIfUnreadable("ticket event", String.valueOf(event.id()), "creation_date", event.creationDate());
        return event;
    }

    /** A feed event from its JSON; never fails on its content. */
    public KoscEvent event(JsonNode node) {
        String uuid = text(node, "event_uuid");
        KoscEventType type = KoscEventType.of(text(node, "type"));
        KoscEvent event = new KoscEvent(uuid, text(node, "model"), type, text(node, "object_type"), text(node, "object_uuid"),
                timestamp(node, "event_date"), timestamp(node, "creation_date"), timestamp(node, "modification_date"),
                text(node, "sort_value"), data(type, node.get("data")), node.toString());
        warnIfUnreadable("event", uuid, "event_date", event.eventDate());
        warnIfUnreadable("event", uuid, "creation_date", event.creationDate());
        return event;
    }

    /** The typed data of an event of the given type. */
    public static KoscEventData data(KoscEventType type, JsonNode data) {
        if (data == null || data.isNull() || (data.isObject() && data.isEmpty())) {
            return new KoscEventData.None();
        }
        if (!data.isObject() || type == null) {
            return new KoscEventData.Generic(data.toString());
        }
        switch (type.value().toLowerCase(Locale.ROOT)) {
            case "order-submitted":
                return new KoscEventData.OrderSubmitted(text(data, "kosc_order_ref"));
            case "order-completed":
                return orderCompleted(data);
            case "order-on-site-intervention-succeeded":
            case "order-on-site-intervention-failed":
            case "order-appointment-deferred":
                return new KoscEventData.ProviderMessage(text(data, "message"));
            case "order-info":
                JsonNode stop = data.get("stop_deferred");
                return new KoscEventData.InfoMessage(text(data, "message"),
                        stop == null || stop.isNull() ? null : stop.isBoolean() ? stop.booleanValue() : Boolean.valueOf(stop.asText()));
            case "order-information-from-provider":
                return new KoscEventData.InformationFromProvider(text(data, "message"), text(data, "description"));
            case "order-rejected":
                return new KoscEventData.OrderRejected(text(data, "reject_reason"), text(data, "reject_code"),
                        text(data, "reject_subcode"), text(data, "reject_description"));
            case "order-cancelled":
                return new KoscEventData.OrderCancelled(text(data, "reason"));
            case "order-appointment-agreed":
                return new KoscEventData.AppointmentAgreed(timestamp(data, "start_date"), timestamp(data, "end_date"));
            case "order-localloop-desaturation-planned":
            case "order-network-desaturation-planned":
                if (data.has("desaturation_type")) {
                    return new KoscEventData.DesaturationPlanned(text(data, "desaturation_type"));
                }
                return new KoscEventData.Generic(data.toString());
            case "cri":
                Map<String, String> files = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> file = it.next();
                    files.put(file.getKey(), file.getValue().asText());
                }
                return new KoscEventData.InterventionReportFiles(files);
            default:
                return new KoscEventData.Generic(data.toString());
        }
    }

    private static KoscEventData orderCompleted(JsonNode data) {
        List<KoscEventData.Endpoint> endpoints = new ArrayList<>();
        JsonNode list = data.get("endpoints");
        if (list != null && list.isArray()) {
            for (JsonNode endpoint : list) {
                Map<String, Object> fields = new LinkedHashMap<>();
                endpoint.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
                endpoints.add(new KoscEventData.Endpoint(text(endpoint, "service_uuid"), text(endpoint, "service_alias"), fields));
            }
        }
        return new KoscEventData.OrderCompleted(endpoints, text(data, "service_uuid"), text(data, "service_alias"));
    }

    private JsonNode tree(ApiResponse response) {
        try {
            JsonNode node = mapper.readTree(response.body());
            return node == null ? JsonNodeFactory.instance.missingNode() : node;
        } catch (Exception e) {
            throw unexpected(response, "a body that is not JSON", e);
        }
    }

    private static JsonNode object(JsonNode node, ApiResponse response, String what) {
        if (!node.isObject()) {
            throw unexpected(response, node.getNodeType() + " where a " + what + " object was expected", null);
        }
        return node;
    }

    private static JsonNode array(JsonNode node, ApiResponse response, String what) {
        if (node.isObject() && node.get("results") != null && node.get("results").isArray()) {
            // A DRF paginated envelope: the items are in "results".
            return node.get("results");
        }
        if (!node.isArray()) {
            throw unexpected(response, node.getNodeType() + " where a " + what + " (JSON array) was expected", null);
        }
        return node;
    }

    private <T> T bind(JsonNode node, Class<T> type, ApiResponse response) {
        try {
            return mapper.treeToValue(node, type);
        } catch (Exception e) {
            throw unexpected(response, "a " + type.getSimpleName() + " that cannot be read", e);
        }
    }

    private static ProviderException unexpected(ApiResponse response, String what, Exception cause) {
        return new ProviderException("kosc answered HTTP " + response.status() + " with " + what,
                new ErrorDetails("kosc", response.status(), null, null, null, response.body(), response.attempts()), cause);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    private static Timestamp timestamp(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : Timestamp.parse(text);
    }

    private static void warnIfUnreadable(String what, String id, String field, Timestamp value) {
        if (value != null && !value.isReadable()) {
            // Only the identifier and the date text: no personal data reaches the log.
            LOG.warn("kosc {} {}: {} '{}' cannot be read as a date; kept as text", what, id, field, value.raw());
        }
    }
}
