package dev.troubleticket.nexera.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.model.Numeral;
import dev.troubleticket.core.model.OpenValue;
import dev.troubleticket.core.model.Timestamp;
import dev.troubleticket.nexera.model.Note;
import dev.troubleticket.nexera.model.RelatedEntity;
import dev.troubleticket.nexera.model.TroubleTicket;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Writes a {@link TroubleTicket} as the JSON tree Jackson's serialization of it gives (the record's
 * order, {@code null} fields left out, unknown fields last), taking the scalar fields itself and handing
 * only the nested parts to Jackson. A create is written once as a tree, checked against the requirement
 * matrix and sent as that tree's bytes; Jackson's serialization of the 30-component record was the
 * larger part of that. {@code CreateBodyWriterTest} compares the two on many tickets and fails for a component of
 * the record this class does not write.
 */
public final class CreateBodyWriter {
    private CreateBodyWriter() {
    }

    /** The ticket as a tree, exactly as {@code mapper.valueToTree(ticket)} writes it. */
    public static ObjectNode of(TroubleTicket t, ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        text(json, "id", t.id());
        text(json, "href", t.href());
        text(json, "name", t.name());
        text(json, "description", t.description());
        value(json, "severity", t.severity());
        value(json, "status", t.status());
        value(json, "ticketType", t.ticketType());
        value(json, "ticketSubtype", t.ticketSubtype());
        number(json, "priority", t.priority());
        nested(json, "channel", t.channel(), mapper);
        value(json, "origin", t.origin());
        text(json, "externalId", t.externalId());
        text(json, "correlationId", t.correlationId());
        date(json, "creationDate", t.creationDate());
        date(json, "lastUpdate", t.lastUpdate());
        date(json, "expectedResolutionDate", t.expectedResolutionDate());
        date(json, "requestedResolutionDate", t.requestedResolutionDate());
        date(json, "resolutionDate", t.resolutionDate());
        date(json, "statusChangeDate", t.statusChangeDate());
        text(json, "statusChangeReason", t.statusChangeReason());
        list(json, "note", t.note(), CreateBodyWriter::note);
        nested(json, "attachment", t.attachment(), mapper);
        list(json, "relatedEntity", t.relatedEntity(), CreateBodyWriter::relatedEntity);
        nested(json, "relatedParty", t.relatedParty(), mapper);
        nested(json, "troubleTicketRelationship", t.troubleTicketRelationship(), mapper);
        nested(json, "statusChange", t.statusChange(), mapper);
        text(json, "@baseType", t.baseType());
        text(json, "@type", t.type());
        text(json, "@schemaLocation", t.schemaLocation());
        for (Map.Entry<String, Object> extra : t.additionalProperties().entrySet()) {
            nested(json, extra.getKey(), extra.getValue(), mapper);
        }
        return json;
    }

    private static void text(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    private static void value(ObjectNode json, String name, OpenValue value) {
        if (value != null) {
            json.put(name, value.value());
        }
    }

    /** A numeral as Jackson writes it: the number when it is one, else the text. */
    private static void number(ObjectNode json, String name, Numeral value) {
        if (value == null) {
            return;
        }
        Object written = value.jsonValue();
        if (written instanceof Integer whole) {
            json.put(name, whole);
        } else if (written instanceof Long whole) {
            json.put(name, whole);
        } else if (written instanceof java.math.BigInteger whole) {
            json.put(name, whole);
        } else if (written instanceof java.math.BigDecimal decimal) {
            json.put(name, decimal);
        } else {
            json.put(name, value.raw());
        }
    }

    private static void date(ObjectNode json, String name, Timestamp value) {
        if (value != null) {
            json.put(name, value.raw());
        }
    }

    // A neutral create sends a note and a related entity: written here too, since valueToTree (Jackson's
    // serializer into a token buffer, read back as a tree) of those two lists was most of what remained.
    private static void note(ObjectNode note, Note n) {
        text(note, "id", n.id());
        text(note, "author", n.author());
        date(note, "date", n.date());
        text(note, "text", n.text());
        text(note, "@type", n.type());
    }

    private static void relatedEntity(ObjectNode entity, RelatedEntity e) {
        text(entity, "id", e.id());
        text(entity, "href", e.href());
        text(entity, "name", e.name());
        text(entity, "role", e.role());
        text(entity, "@referredType", e.referredType());
        text(entity, "@type", e.type());
    }

    /** A list of objects, as Jackson writes it: absent when null, {@code null} for a null item. */
    private static <T> void list(ObjectNode json, String name, List<T> items, BiConsumer<ObjectNode, T> writeItem) {
        if (items == null) {
            return;
        }
        ArrayNode list = json.putArray(name);
        for (T item : items) {
            if (item == null) {
                list.addNull();
            } else {
                writeItem.accept(list.addObject(), item);
            }
        }
    }

    private static void nested(ObjectNode json, String name, Object value, ObjectMapper mapper) {
        if (value != null) {
            JsonNode tree = mapper.valueToTree(value);
            if (tree != null) {
                json.set(name, tree);
            }
        }
    }
}
