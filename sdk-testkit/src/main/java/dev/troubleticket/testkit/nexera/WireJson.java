package dev.troubleticket.testkit.nexera;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.testkit.SimulatorResponses;
import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** The JSON the simulator reads and writes besides tickets: request bodies, TMF630 error bodies, TMF621 notifications. */
final class WireJson {
    private WireJson() {
    }

    /** The request's body as a JSON object, or a {@link BadRequest}. */
    static ObjectNode readObject(RecordedRequest request) {
        try {
            JsonNode node = SimulatorResponses.mapper().readTree(bodyText(request));
            if (node == null || !node.isObject()) {
                throw new BadRequest("the body must be a JSON object");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new BadRequest("the body is not JSON");
        }
    }

    static String bodyText(RecordedRequest request) {
        return request.getBody() == null ? "" : request.getBody().utf8();
    }

    /** A TMF630 error answer. */
    static MockResponse error(int status, String code, String reason, String message) {
        ObjectNode body = SimulatorResponses.mapper().createObjectNode();
        body.put("code", code);
        body.put("reason", reason);
        body.put("message", message);
        body.put("status", String.valueOf(status));
        body.put("referenceError", "https://docs.example/nexera/errors/" + code);
        body.put("@type", "Error");
        return SimulatorResponses.json(status, body);
    }

    /** A TMF621 notification about {@code ticket}, with the document's misspelt {@code timeOcurred}. */
    static ObjectNode event(String eventId, String eventType, ObjectNode ticket, String fieldPath, String now) {
        ObjectNode event = SimulatorResponses.mapper().createObjectNode();
        event.put("eventId", eventId);
        event.put("eventTime", now);
        event.put("eventType", eventType);
        event.put("correlationId", ticket.path("correlationId").asText(null));
        event.put("domain", "troubleTicket");
        event.put("title", eventType);
        event.put("description", eventType + " for " + ticket.path("id").asText());
        event.put("priority", ticket.has("priority") ? ticket.get("priority").asText() : null);
        event.put("timeOcurred", now);
        if (fieldPath != null) {
            event.put("fieldPath", fieldPath);
        }
        event.putObject("event").set("troubleTicket", ticket);
        return event;
    }
}
