package dev.troubleticket.kosc.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.model.OpenValue;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.Set;

/**
 * Checks that the mapper reads every component of a record: for each component
 * ({@link Class#getRecordComponents()}), a JSON object holding only that field (under its snake_case name, with a
 * text of its own, or an object of texts for a record-typed part) is read, and the component must come back holding
 * that text. A component the binding misses (a name that differs from the wire's, an ignored property) fails here.
 */
final class EveryComponentRead {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EveryComponentRead() {
    }

    /**
     * @param notOnTheWire components the reader fills from elsewhere (the raw JSON), not from a field of the same name
     * @return how many components were checked
     */
    static int check(ObjectMapper mapper, Class<? extends Record> type, Set<String> notOnTheWire) throws Exception {
        int checked = 0;
        for (RecordComponent component : type.getRecordComponents()) {
            if (notOnTheWire.contains(component.getName())) {
                continue;
            }
            String field = snake(component.getName());
            String marker = "v-" + field;
            ObjectNode json = NODES.objectNode();
            Class<?> componentType = component.getType();
            boolean nested = isPart(componentType);
            json.set(field, nested ? objectOf(componentType, marker) : NODES.textNode(marker));
            Object read = mapper.readValue(json.toString(), type);
            Object value = component.getAccessor().invoke(read);
            assertThat(value).as("%s.%s is read from '%s'", type.getSimpleName(), component.getName(), field).isNotNull();
            String text = value instanceof JsonNode node ? node.toString() : String.valueOf(value);
            if (nested) {
                for (RecordComponent part : componentType.getRecordComponents()) {
                    Object partValue = part.getAccessor().invoke(value);
                    assertThat(String.valueOf(partValue)).as("%s.%s.%s", type.getSimpleName(), component.getName(), part.getName())
                            .isEqualTo(marker + "." + snake(part.getName()));
                }
            } else {
                assertThat(text).as("%s.%s is read from '%s'", type.getSimpleName(), component.getName(), field).contains(marker);
            }
            checked++;
        }
        return checked;
    }

    /** A nested object of Kosc's (a contact, a last comment), as opposed to a value read from one text. */
    private static boolean isPart(Class<?> type) {
        return type.isRecord() && !OpenValue.class.isAssignableFrom(type) && type.getPackageName().startsWith("dev.troubleticket.kosc");
    }

    private static ObjectNode objectOf(Class<?> record, String marker) {
        ObjectNode object = NODES.objectNode();
        for (RecordComponent part : record.getRecordComponents()) {
            String name = snake(part.getName());
            object.put(name, marker + "." + name);
        }
        return object;
    }

    static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }
}
