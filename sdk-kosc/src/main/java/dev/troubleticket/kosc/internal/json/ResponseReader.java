package dev.troubleticket.kosc.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.internal.ApiResponse;
import dev.troubleticket.core.internal.OnePassReader;
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
import java.util.Map;

/**
 * Turns Kosc's JSON into the typed model, keeping each object's JSON exactly as received. Each answer is
 * read in one pass ({@link OnePassReader}): objects are bound straight from the parser and their raw JSON
 * is their slice of the body; only a feed event's {@code data} becomes a small tree, to be read once its
 * type is known. Unknown fields, enum values and event types are kept; a date that cannot be read is kept
 * raw and logged (without personal data), never failing the page it is on. A body that is not the
 * documented shape at all becomes a {@link ProviderException} keeping status and raw body.
 */
public final class ResponseReader {
    /** Kosc's paginated answers (DRF) hold their items in this field. */
    private static final String RESULTS = "results";

    private final OnePassReader json;
    private final OnePassReader forMapping;

    public ResponseReader(ObjectMapper mapper) {
        this.json = new OnePassReader("kosc", mapper);
        this.forMapping = new OnePassReader("kosc", WireModule.forMapping(mapper));
    }

    /** One ticket from an answer. */
    public KoscTicket ticket(ApiResponse response) {
        return json.object(response, KoscTicket.class, "ticket", ResponseReader::ticket);
    }

    /** A list of tickets from an answer. */
    public List<KoscTicket> tickets(ApiResponse response) {
        return json.array(response, RESULTS, KoscTicket.class, "ticket", ResponseReader::ticket);
    }

    /**
     * A list of tickets from an answer, each read only as far as the neutral mapping and the paging look
     * ({@link WireModule#forMapping}): partial tickets, to be mapped, never handed out.
     */
    public List<KoscTicket> ticketsForMapping(ApiResponse response) {
        return forMapping.array(response, RESULTS, KoscTicket.class, "ticket", ResponseReader::ticket);
    }

    /** One ticket event from an answer. */
    public KoscTicketEvent ticketEvent(ApiResponse response) {
        return json.object(response, KoscTicketEvent.class, "ticket event", ResponseReader::ticketEvent);
    }

    /** A list of ticket events from an answer. */
    public List<KoscTicketEvent> ticketEvents(ApiResponse response) {
        return json.array(response, RESULTS, KoscTicketEvent.class, "ticket event", ResponseReader::ticketEvent);
    }

    /** One feed event from an answer. */
    public KoscEvent event(ApiResponse response) {
        return json.object(response, KoscEventWire.class, "event", ResponseReader::event);
    }

    /** A list of feed events from an answer. */
    public List<KoscEvent> events(ApiResponse response) {
        return json.array(response, RESULTS, KoscEventWire.class, "event", ResponseReader::event);
    }

    private static KoscTicket ticket(KoscTicket bound, String rawJson) {
        // Dates are read when asked (NeutralMapping warns of one it needs and cannot read).
        return bound.withRawJson(rawJson);
    }

    private static KoscTicketEvent ticketEvent(KoscTicketEvent bound, String rawJson) {
        return bound.withRawJson(rawJson);
    }

    /** A feed event from its fields as text; never fails on its content. */
    private static KoscEvent event(KoscEventWire wire, String rawJson) {
        KoscEventType type = KoscEventType.of(wire.type());
        KoscEvent event = new KoscEvent(wire.eventUuid(), wire.model(), type, wire.objectType(), wire.objectUuid(),
                Timestamp.parse(wire.eventDate()), Timestamp.parse(wire.creationDate()), Timestamp.parse(wire.modificationDate()),
                wire.sortValue(), data(type, wire.data()), rawJson);
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
        // Types are nearly always written as documented: the exact value first, spared a look-up per event.
        KoscEventData typed = typed(type.value(), data);
        if (typed == null) {
            KoscEventType documented = type.canonical();
            typed = documented == null || documented.value().equals(type.value()) ? null : typed(documented.value(), data);
        }
        return typed != null ? typed : new KoscEventData.Generic(data.toString());
    }

    /** The typed data of an event whose type is written {@code type}, or {@code null} for a type without one. */
    private static KoscEventData typed(String type, JsonNode data) {
        switch (type) {
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
                return null;
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

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value instanceof TextNode text) {
            // Nearly every value: one class check instead of three calls through JsonNode's node types.
            return text.textValue();
        }
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    private static Timestamp timestamp(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : Timestamp.parse(text);
    }
}
