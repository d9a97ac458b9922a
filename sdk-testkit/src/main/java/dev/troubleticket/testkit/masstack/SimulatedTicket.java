package dev.troubleticket.testkit.masstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One ticket's state on the simulated side. */
final class SimulatedTicket {
    final String id;
    final Map<String, Object> fields = new LinkedHashMap<>();
    final List<Map<String, String>> attachments = new ArrayList<>();
    final List<String> dialogHistory = new ArrayList<>();
    final List<String> transactions = new ArrayList<>();
    String state = States.OPENACTIVE;
    String dialog;
    String closeOutType;
    String closeOutNarr;
    String serviceRestoredTime;

    SimulatedTicket(String id, JsonNode body) {
        this.id = id;
        for (String field : List.of("mirrorKey", "troubleType", "troubleDescription", "troubleDetectionTime",
                "troubledObject", "customerTroubleNum", "homeId", "gescal37ID", "wh1Parameter", "wh2Parameter",
                "wh3Parameter", "wh4Parameter", "wh5Parameter", "customer", "clearencePerson")) {
            fields.put(field, WireRules.text(body, field));
        }
        fields.put("preferredPriority", body.get("preferredPriority").asInt());
        this.dialog = body.path("dialog").asText();
        dialogHistory.add("TU: " + dialog);
        transactions.add("TU01");
    }

    String mirrorKey() {
        return (String) fields.get("mirrorKey");
    }

    /** The GET answer: the document's field order and spelling ({@code troubleDectectionTime}). */
    Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ticketId", id);
        json.put("mirrorKey", fields.get("mirrorKey"));
        json.put("baseTroubleTicketState", state);
        json.put("dialog", dialog);
        json.put("troubleType", fields.get("troubleType"));
        json.put("troubleDescription", fields.get("troubleDescription"));
        json.put("troubleDectectionTime", fields.get("troubleDetectionTime"));
        json.put("preferredPriority", fields.get("preferredPriority"));
        json.put("troubledObject", fields.get("troubledObject"));
        json.put("customerTroubleNum", fields.get("customerTroubleNum"));
        json.put("homeId", fields.get("homeId"));
        json.put("gescal37ID", fields.get("gescal37ID"));
        json.put("wh1Parameter", fields.get("wh1Parameter"));
        json.put("wh2Parameter", fields.get("wh2Parameter"));
        json.put("wh3Parameter", fields.get("wh3Parameter"));
        json.put("wh4Parameter", fields.get("wh4Parameter"));
        json.put("wh5Parameter", fields.get("wh5Parameter"));
        Object customer = fields.get("customer");
        // The document's GET example writes customer as a number.
        json.put("customer", customer instanceof String s && s.matches("\\d{1,18}") ? Long.valueOf(s) : customer);
        json.put("clearencePerson", fields.get("clearencePerson"));
        json.put("closeOutType", closeOutType);
        json.put("closeOutNarr", closeOutNarr);
        json.put("serviceRestoredTime", serviceRestoredTime);
        json.put("attachments", attachments.isEmpty() ? null : List.copyOf(attachments));
        return json;
    }
}
