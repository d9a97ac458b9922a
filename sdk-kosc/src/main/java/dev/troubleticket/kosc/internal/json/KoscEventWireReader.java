package dev.troubleticket.kosc.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import dev.troubleticket.core.internal.WireFields;
import java.io.IOException;

/**
 * Reads a {@link KoscEventWire} field by field: each field as text whatever JSON it came as (as
 * {@link KoscEventWire.AnyText} does), {@code data} as a small tree. A feed page holds up to a thousand
 * events, and Jackson's binding of the record through its constructor was the larger part of reading
 * one; {@code KoscEventWireReaderTest} compares the two.
 */
final class KoscEventWireReader extends JsonDeserializer<KoscEventWire> implements ResolvableDeserializer {
    private JsonDeserializer<JsonNode> trees;

    @Override
    public void resolve(DeserializationContext context) throws JsonMappingException {
        trees = WireFields.deserializer(context, JsonNode.class);
    }

    @Override
    public KoscEventWire deserialize(JsonParser p, DeserializationContext c) throws IOException {
        if (!WireFields.enterObject(p, c, KoscEventWire.class)) {
            return null;
        }
        String eventUuid = null;
        String model = null;
        String type = null;
        String objectType = null;
        String objectUuid = null;
        String eventDate = null;
        String creationDate = null;
        String modificationDate = null;
        String sortValue = null;
        JsonNode data = null;
        for (String field = WireFields.firstField(p); field != null; field = p.nextFieldName()) {
            p.nextToken();
            switch (field) {
                case "event_uuid" -> eventUuid = KoscEventWire.AnyText.read(p, c);
                case "model" -> model = KoscEventWire.AnyText.read(p, c);
                case "type" -> type = KoscEventWire.AnyText.read(p, c);
                case "object_type" -> objectType = KoscEventWire.AnyText.read(p, c);
                case "object_uuid" -> objectUuid = KoscEventWire.AnyText.read(p, c);
                case "event_date" -> eventDate = KoscEventWire.AnyText.read(p, c);
                case "creation_date" -> creationDate = KoscEventWire.AnyText.read(p, c);
                case "modification_date" -> modificationDate = KoscEventWire.AnyText.read(p, c);
                case "sort_value" -> sortValue = KoscEventWire.AnyText.read(p, c);
                case "data" -> data = WireFields.other(p, c, trees);
                default -> p.skipChildren();
            }
        }
        return new KoscEventWire(eventUuid, model, type, objectType, objectUuid, eventDate, creationDate, modificationDate,
                sortValue, data);
    }
}
