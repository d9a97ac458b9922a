package dev.troubleticket.testkit.nexera;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.testkit.SimulatorResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The fields of a ticket's notes and attachments that the server sets, on a create and after a merge patch: new
 * notes get an id and a date while known ones keep theirs, new attachments get an id, and a reference (an id
 * without content) is replaced by the attachment stored under it.
 */
final class ServerFields {
    private final Supplier<String> now;
    private final Supplier<String> nextAttachmentId;

    ServerFields(Supplier<String> now, Supplier<String> nextAttachmentId) {
        this.now = now;
        this.nextAttachmentId = nextAttachmentId;
    }

    /** Stamps {@code ticket}'s notes and attachments; {@code previous} is the ticket before the patch, {@code null} on a create. */
    void stamp(ObjectNode ticket, ObjectNode previous) {
        stampNotes(ticket, previous);
        stampAttachments(ticket, previous);
    }

    private void stampNotes(ObjectNode ticket, ObjectNode previous) {
        JsonNode notes = ticket.get("note");
        if (notes == null || !notes.isArray()) {
            return;
        }
        Map<String, JsonNode> known = new LinkedHashMap<>();
        if (previous != null && previous.get("note") != null) {
            previous.get("note").forEach(n -> known.put(n.path("id").asText(), n));
        }
        int next = known.size();
        for (JsonNode n : notes) {
            ObjectNode note = (ObjectNode) n;
            JsonNode old = note.hasNonNull("id") ? known.get(note.get("id").asText()) : null;
            if (old != null) {
                note.set("date", old.get("date"));
            } else {
                note.put("id", String.valueOf(++next));
                note.put("date", now.get());
            }
        }
    }

    private void stampAttachments(ObjectNode ticket, ObjectNode previous) {
        JsonNode attachments = ticket.get("attachment");
        if (attachments == null || !attachments.isArray()) {
            return;
        }
        Map<String, JsonNode> known = new LinkedHashMap<>();
        if (previous != null && previous.get("attachment") != null) {
            previous.get("attachment").forEach(a -> known.put(a.path("id").asText(), a));
        }
        ArrayNode result = SimulatorResponses.mapper().createArrayNode();
        for (JsonNode a : attachments) {
            if (a.hasNonNull("id") && !a.hasNonNull("content") && known.containsKey(a.get("id").asText())) {
                result.add(known.get(a.get("id").asText()));
            } else {
                ObjectNode attachment = a.deepCopy();
                attachment.put("id", nextAttachmentId.get());
                result.add(attachment);
            }
        }
        ticket.set("attachment", result);
    }
}
