package dev.troubleticket.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import dev.troubleticket.core.internal.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Checks a hand-written deserializer against Jackson's annotation-driven binding of the same type, on a
 * document and on variants of it: every field, at every depth, given each shape a provider might send
 * instead (null, an empty string, a text, integers small and huge, a decimal, booleans, empty and
 * non-empty arrays and objects), every field left out, an unknown field added, every field written twice,
 * and the document cut short at every tenth of its length. For each variant both must read the same value,
 * or both must fail; and a variant that changes one field (its shape, its absence, written twice) must be
 * read by both: one odd value never fails a record.
 *
 * <p>The reference binding is the lenient reading: the shared mapper (its lenient text, its
 * {@code Numeral}s, its wrong-shaped parts read as {@code null}; see {@code Json}) with a mix-in that takes
 * the hand-written deserializer away ({@code @JsonDeserialize} with no {@code using}), so the record's own
 * annotations drive it.
 */
public final class ReaderEquivalence {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper TREES = new ObjectMapper();

    /** Takes the class-level {@code @JsonDeserialize(using = ...)} away. */
    @JsonDeserialize
    private abstract static class AnnotationDriven {
    }

    private final Class<?> type;
    private final ObjectMapper sdk;
    private final ObjectMapper reference;
    private int variants;
    private int bothRead;

    /** A check of {@code type}'s hand-written deserializer against Jackson's binding. */
    public ReaderEquivalence(Class<?> type, Class<?>... alsoHandWritten) {
        this(Json.newMapper(), type, alsoHandWritten);
    }

    /**
     * A check of the hand-written deserializer that {@code sdk} binds to {@code type} (through an adapter's Jackson
     * module) against Jackson's binding of the type's own annotations, with the SDK's configuration.
     */
    public ReaderEquivalence(ObjectMapper sdk, Class<?> type, Class<?>... alsoHandWritten) {
        this.sdk = sdk;
        this.type = type;
        this.reference = Json.newMapper().addMixIn(type, AnnotationDriven.class);
        for (Class<?> other : alsoHandWritten) {
            reference.addMixIn(other, AnnotationDriven.class);
        }
    }

    /** Checks {@code json} and every variant of it; answers how many variants were compared. */
    public int check(String json) throws Exception {
        for (Variant variant : variants(json)) {
            compare(variant.json(), variant.description(), variant.sameAs(), variant.path() != null);
        }
        assertThat(bothRead).as("variants of %s that both read", type.getSimpleName()).isPositive();
        return variants;
    }

    /**
     * One document to read: {@code json} itself or a change of it.
     *
     * @param description what was changed, for a failure's message
     * @param json        the document
     * @param path        the JSON pointer of the field changed or left out ({@code /note/0/text}), or
     *                    {@code null} when the change is not to one field (unknown fields added, cut short...)
     * @param sameAs      when not {@code null}, a document that must read the same (see {@link #compare})
     */
    public record Variant(String description, String json, String path, String sameAs) {
    }

    /** {@code json} and the variants {@link #check} compares, in that order. */
    public static List<Variant> variants(String json) throws Exception {
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("the document itself", json, null, null));
        JsonNode root = TREES.readTree(json);
        List<String> paths = new ArrayList<>();
        collectFieldPaths(root, "", paths);
        for (String path : paths) {
            for (JsonNode shape : shapes()) {
                JsonNode copy = root.deepCopy();
                replace(copy, path, shape);
                variants.add(new Variant(path + " = " + shape, copy.toString(), path, null));
            }
            JsonNode copy = root.deepCopy();
            remove(copy, path);
            variants.add(new Variant("without " + path, copy.toString(), path, null));
        }
        if (root instanceof ObjectNode object) {
            ObjectNode withUnknown = object.deepCopy();
            withUnknown.putObject("fieldFromANewerRelease").put("kept", true).putArray("list").add(1).add("two");
            withUnknown.put("anotherNewField", "text");
            variants.add(new Variant("with unknown fields", withUnknown.toString(), null, null));
            Iterator<String> names = object.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                String twice = json.trim().replaceFirst("\\}$", ",\"" + name + "\":" + object.get(name) + "}");
                variants.add(new Variant(name + " written twice", twice, "/" + name, json));
            }
        }
        for (int tenth = 1; tenth < 10; tenth++) {
            variants.add(new Variant("cut at " + tenth + "/10", json.substring(0, json.length() * tenth / 10), null, null));
        }
        for (String whole : List.of("null", "\"\"", "12", "[]", "[" + json + "]", "\"text\"", "true")) {
            variants.add(new Variant("the whole document as " + whole, whole, null, null));
        }
        return variants;
    }

    /**
     * @param sameAs when not {@code null}, a document that reads the same; used where Jackson's binding
     *               cannot read the variant for a reason of its own making: a field written twice in a
     *               record whose every component was already set fails with "No fallback setter" (its
     *               creator has already run). The hand-written readers take the last value instead.
     * @param changesOneField whether the variant changes one field only, which the lenient reading must read
     */
    private void compare(String json, String variant, String sameAs, boolean changesOneField) {
        variants++;
        Object expected;
        Object actual;
        Exception expectedFailure = null;
        Exception actualFailure = null;
        try {
            expected = reference.readValue(json, type);
        } catch (InvalidDefinitionException e) {
            if (sameAs == null) {
                throw new AssertionError(variant + ": Jackson cannot bind " + type.getSimpleName() + " at all", e);
            }
            try {
                expected = reference.readValue(sameAs, type);
            } catch (Exception unreadable) {
                expected = null;
                expectedFailure = unreadable;
            }
        } catch (Exception e) {
            expected = null;
            expectedFailure = e;
        }
        if (expectedFailure != null && changesOneField) {
            throw new AssertionError(variant + ": the lenient reading must read a change to one field", expectedFailure);
        }
        try {
            actual = sdk.readValue(json, type);
        } catch (Exception e) {
            actual = null;
            actualFailure = e;
        }
        if (expectedFailure != null || actualFailure != null) {
            assertThat(actualFailure).as("%s: the hand-written reader fails where Jackson fails (Jackson: %s)", variant,
                    expectedFailure).isNotNull();
            assertThat(expectedFailure).as("%s: Jackson fails where the hand-written reader fails (%s)", variant,
                    actualFailure).isNotNull();
            return;
        }
        bothRead++;
        assertThat(Objects.equals(actual, expected)).as("%s:%n  hand-written %s%n  Jackson      %s", variant,
                describe(actual), describe(expected)).isTrue();
    }

    /** Records print their components; the SDK's toString() hides free text, so compare as JSON too. */
    private String describe(Object value) {
        try {
            return sdk.writeValueAsString(value);
        } catch (Exception e) {
            return String.valueOf(value);
        }
    }

    private static List<JsonNode> shapes() {
        return List.of(NODES.nullNode(), NODES.textNode(""), NODES.textNode("text"), NODES.textNode("42"),
                NODES.numberNode(7), NODES.numberNode(-3_000_000_000L), NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890")),
                NODES.numberNode(2.5), NODES.booleanNode(true), NODES.arrayNode(), NODES.arrayNode().add("x"),
                NODES.objectNode(), NODES.objectNode().put("a", 1), NODES.textNode("2024-02-30T25:61:00Z"));
    }

    /** Paths like {@code /note/0/text} of every field below the root, containers included. */
    private static void collectFieldPaths(JsonNode node, String prefix, List<String> paths) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                String path = prefix + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                paths.add(path);
                collectFieldPaths(field.getValue(), path, paths);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String path = prefix + "/" + i;
                paths.add(path);
                collectFieldPaths(array.get(i), path, paths);
            }
        }
    }

    private static void replace(JsonNode root, String path, JsonNode value) {
        int cut = path.lastIndexOf('/');
        JsonNode parent = root.at(path.substring(0, cut));
        String last = path.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }

    private static void remove(JsonNode root, String path) {
        int cut = path.lastIndexOf('/');
        JsonNode parent = root.at(path.substring(0, cut));
        String last = path.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
        }
    }
}
