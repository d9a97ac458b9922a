package dev.troubleticket.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of a JSON document, as a broken proxy, a buggy provider release or an attacker would
 * send them: truncated, values of the wrong type, nulls, huge strings, deep nesting, wrong encodings,
 * missing fields, garbage.
 */
final class DocumentMutator {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The kinds of mutation, each applied in turn. */
    enum Kind { TRUNCATED, WRONG_TYPE, NULL_VALUE, HUGE_STRING, DEEP_NESTING, UTF16, INVALID_UTF8, LATIN1, MISSING_FIELD, EMPTY, GARBAGE, ROOT_TYPE }

    /** One mutated document. */
    record Mutation(Kind kind, byte[] body) {
        @Override
        public String toString() {
            return kind + " (" + body.length + " bytes)";
        }
    }

    private final Random random;

    DocumentMutator(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} mutations of {@code json}, cycling through every kind. */
    List<Mutation> mutations(String json, int count) {
        List<Mutation> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Kind kind = Kind.values()[i % Kind.values().length];
            out.add(new Mutation(kind, mutate(json, kind)));
        }
        return out;
    }

    private byte[] mutate(String json, Kind kind) {
        return switch (kind) {
            case TRUNCATED -> json.substring(0, random.nextInt(Math.max(1, json.length()))).getBytes(StandardCharsets.UTF_8);
            case WRONG_TYPE -> replaceRandomValue(json, wrongTypeValue());
            case NULL_VALUE -> replaceRandomValue(json, NODES.nullNode());
            case HUGE_STRING -> replaceRandomValue(json, NODES.textNode("x".repeat(1_000_000 + random.nextInt(1000))));
            case DEEP_NESTING -> replaceRandomValueRaw(json, "[".repeat(5_000 + random.nextInt(50_000)));
            case UTF16 -> json.getBytes(StandardCharsets.UTF_16);
            case INVALID_UTF8 -> invalidUtf8(json);
            case LATIN1 -> latin1(replaceRandomValue(json, NODES.textNode("Électricité coupée à 08h, ça ne marche pas")));
            case MISSING_FIELD -> removeRandomField(json);
            case EMPTY -> new byte[0];
            case GARBAGE -> garbage();
            case ROOT_TYPE -> (random.nextBoolean() ? "[" + json + "]" : "\"" + json.replace("\"", "'") + "\"").getBytes(StandardCharsets.UTF_8);
        };
    }

    private JsonNode wrongTypeValue() {
        return switch (random.nextInt(5)) {
            case 0 -> NODES.numberNode(random.nextLong());
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.arrayNode().add(1).add("two");
            case 3 -> NODES.objectNode().put("unexpected", true);
            default -> NODES.textNode("not-a-" + random.nextInt(100));
        };
    }

    private byte[] replaceRandomValue(String json, JsonNode replacement) {
        try {
            JsonNode root = MAPPER.readTree(json);
            List<JsonNode> containers = containers(root);
            if (containers.isEmpty()) {
                return replacement.toString().getBytes(StandardCharsets.UTF_8);
            }
            JsonNode target = containers.get(random.nextInt(containers.size()));
            if (target instanceof ObjectNode object && object.size() > 0) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                object.set(names.get(random.nextInt(names.size())), replacement);
            } else if (target instanceof ArrayNode array && array.size() > 0) {
                array.set(random.nextInt(array.size()), replacement);
            }
            return MAPPER.writeValueAsBytes(root);
        } catch (Exception e) {
            return json.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Replaces a random value by raw text (which need not be valid JSON). */
    private byte[] replaceRandomValueRaw(String json, String raw) {
        String marker = "\"__MUTATED__" + random.nextInt(1_000_000) + "\"";
        String withMarker = new String(replaceRandomValue(json, NODES.textNode(marker.substring(1, marker.length() - 1))), StandardCharsets.UTF_8);
        return withMarker.replace(marker, raw).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] removeRandomField(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            List<ObjectNode> objects = containers(root).stream().filter(n -> n instanceof ObjectNode o && o.size() > 0)
                    .map(n -> (ObjectNode) n).toList();
            if (!objects.isEmpty()) {
                ObjectNode object = objects.get(random.nextInt(objects.size()));
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                object.remove(names.get(random.nextInt(names.size())));
            }
            return MAPPER.writeValueAsBytes(root);
        } catch (Exception e) {
            return json.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static List<JsonNode> containers(JsonNode root) {
        List<JsonNode> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(JsonNode node, List<JsonNode> found) {
        if (node.isContainerNode()) {
            found.add(node);
            node.elements().forEachRemaining(child -> collect(child, found));
        }
    }

    private byte[] invalidUtf8(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        byte[] out = bytes.clone();
        for (int i = 0; i < 3 && out.length > 0; i++) {
            out[random.nextInt(out.length)] = (byte) (0x80 | random.nextInt(0x40));
        }
        return out;
    }

    private static byte[] latin1(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] garbage() {
        byte[] bytes = new byte[1 + random.nextInt(512)];
        random.nextBytes(bytes);
        return bytes;
    }
}
