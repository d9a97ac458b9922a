package dev.troubleticket.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.internal.Json;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The odd values a provider may send in any field of a record, for tests that generate one case per field
 * and per shape: every component of the record ({@link Class#getRecordComponents()}, under the wire name
 * the shared mapper gives it) and every field of a document that has one, each given a number, a numeric
 * string, another string, a boolean, an object, an array and {@code null}. A component added to the record
 * is covered without touching the test.
 */
public final class OddValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = Json.mapper();

    private OddValues() {
    }

    /** One field given one shape. */
    public record Case(String field, String shape, JsonNode value) {
        @Override
        public String toString() {
            return field + " = " + value + " (" + shape + ")";
        }
    }

    /** The shapes, by name. */
    public static Map<String, JsonNode> shapes() {
        Map<String, JsonNode> shapes = new LinkedHashMap<>();
        shapes.put("number", NODES.numberNode(7));
        shapes.put("numeric string", NODES.textNode("42"));
        shapes.put("other string", NODES.textNode("High"));
        shapes.put("boolean", NODES.booleanNode(true));
        shapes.put("object", NODES.objectNode().put("level", "High"));
        shapes.put("array", NODES.arrayNode().add(1).add("x"));
        shapes.put("null", NODES.nullNode());
        return shapes;
    }

    /**
     * The wire names of every component of {@code type} that is read from a field of its own (a catch-all
     * map of unknown fields is not), followed by the other top-level fields of {@code document}.
     */
    public static Set<String> fields(Class<? extends Record> type, JsonNode document) {
        BeanDescription description = MAPPER.getDeserializationConfig().introspect(MAPPER.constructType(type));
        Map<String, String> wireNames = new HashMap<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            wireNames.put(property.getInternalName(), property.getName());
        }
        Set<String> fields = new LinkedHashSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String wire = wireNames.get(component.getName());
            if (wire != null) {
                fields.add(wire);
            }
        }
        assertThat(fields).as("the components of %s found by their wire names", type.getSimpleName())
                .hasSizeGreaterThanOrEqualTo(type.getRecordComponents().length - 1);
        for (Iterator<String> names = document.fieldNames(); names.hasNext(); ) {
            fields.add(names.next());
        }
        return fields;
    }

    /** Every field of {@link #fields} in every shape of {@link #shapes}. */
    public static List<Case> cases(Class<? extends Record> type, JsonNode document) {
        return fields(type, document).stream()
                .flatMap(field -> shapes().entrySet().stream().map(shape -> new Case(field, shape.getKey(), shape.getValue())))
                .toList();
    }

    /** {@code document} with the case's field set to its value. */
    public static ObjectNode apply(JsonNode document, Case odd) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        copy.set(odd.field(), odd.value().deepCopy());
        return copy;
    }

    /**
     * Asserts that the typed record keeps the case's value where its component holds a scalar (a text, a
     * {@code Numeral}, a string-backed value, a date): the component's text is the value's text (a
     * string's content, any other value as written, an object or array as its JSON), or {@code null} for
     * JSON {@code null}. Components of other types (parts, lists) are not looked at here.
     */
    public static void assertScalarKept(Record typed, Case odd) {
        RecordComponent component = componentFor(typed.getClass(), odd.field());
        if (component == null || !isScalar(component.getType())) {
            return;
        }
        Object value;
        try {
            value = component.getAccessor().invoke(typed);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        String text = textOf(value, component.getType());
        String expected = odd.value().isNull() ? null : odd.value().isTextual() ? odd.value().textValue()
                : odd.value().isValueNode() ? odd.value().asText() : odd.value().toString();
        assertThat(text).as("%s: %s keeps the value", odd, component.getName()).isEqualTo(expected);
    }

    /** The component read from the field {@code wireName} (or one of its aliases), or {@code null}. */
    private static RecordComponent componentFor(Class<?> type, String wireName) {
        BeanDescription description = MAPPER.getDeserializationConfig().introspect(MAPPER.constructType(type));
        for (BeanPropertyDefinition property : description.findProperties()) {
            boolean named = property.getName().equals(wireName)
                    || property.findAliases().stream().anyMatch(alias -> alias.getSimpleName().equals(wireName));
            if (named) {
                for (RecordComponent component : type.getRecordComponents()) {
                    if (component.getName().equals(property.getInternalName())) {
                        return component;
                    }
                }
            }
        }
        return null;
    }

    private static boolean isScalar(Class<?> type) {
        return type == String.class || type == dev.troubleticket.core.model.Numeral.class
                || type == dev.troubleticket.core.model.Timestamp.class
                || dev.troubleticket.core.model.OpenValue.class.isAssignableFrom(type)
                || (type.isRecord() && type.getRecordComponents().length == 1 && type.getRecordComponents()[0].getType() == String.class
                        && type.getRecordComponents()[0].getName().equals("value"));
    }

    /** The text of a scalar component's value, or {@code null} when it is null. */
    private static String textOf(Object value, Class<?> type) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof dev.troubleticket.core.model.Numeral numeral) {
            return numeral.raw();
        }
        if (value instanceof dev.troubleticket.core.model.Timestamp timestamp) {
            return timestamp.raw();
        }
        if (value instanceof dev.troubleticket.core.model.OpenValue open) {
            return open.value();
        }
        try {
            // The adapters' string-backed values that do not implement OpenValue have value() too.
            var accessor = type.getMethod("value");
            return type.isRecord() && type.getRecordComponents().length == 1 && accessor.getReturnType() == String.class
                    ? (String) accessor.invoke(value) : null;
        } catch (ReflectiveOperationException notStringBacked) {
            return null;
        }
    }

    /** Asserts that {@code rawJson} (a payload's raw JSON) holds the case's value exactly as sent. */
    public static void assertKeptAsSent(String rawJson, Case odd) {
        try {
            JsonNode raw = MAPPER.readTree(rawJson);
            assertThat(raw.get(odd.field())).as("%s: the raw JSON keeps the value as sent", odd).isEqualTo(odd.value());
        } catch (java.io.IOException e) {
            throw new AssertionError(odd + ": the raw JSON is not JSON: " + rawJson, e);
        }
    }
}
