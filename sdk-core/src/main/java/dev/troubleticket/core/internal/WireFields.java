package dev.troubleticket.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.troubleticket.core.model.Numeral;
import dev.troubleticket.core.model.Timestamp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Field readers for the hand-written deserializers of the providers' hot types (a ticket, a feed
 * event), which read a field's value straight from the parser instead of going through Jackson's
 * property-based record creators (for a 30-component record, most of the reading time).
 *
 * <p>Each reader takes the common shape itself (a JSON string for a text, a date or a string-backed
 * value; an integer for a number) and hands every other shape to the lenient reading the shared mapper
 * gives the field's type ({@link Json}: any value as text, numbers kept as {@code Numeral}s whatever was
 * sent, empty strings, single values for lists, a nested part of the wrong shape as {@code null}), as the
 * annotation-driven binding would; each adapter's tests compare its hand-written readers with Jackson's
 * binding on the specification's examples and on mutations of them. So the uncommon shapes cost nothing
 * on the common path, and an odd value never fails the object it is in.
 *
 * <p>Every method is called with the parser on the field's value and leaves it on the value's last token.
 */
public final class WireFields {
    private WireFields() {
    }

    /** A text field: any other JSON value as its text ({@link LenientText}). */
    public static String text(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        return LenientText.read(parser, context);
    }

    /** A date field, kept as written (see {@link Timestamp}). */
    public static Timestamp timestamp(JsonParser parser, DeserializationContext context) throws IOException {
        return value(parser, context, Timestamp::parse, Timestamp.class);
    }

    /** A string-backed value ({@code Severity.of}, {@code KoscTicketStatus.of}, ...) made by {@code of}. */
    public static <T> T value(JsonParser parser, DeserializationContext context, Function<String, T> of, Class<T> type)
            throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING && parser.getTextLength() > 0) {
            return of.apply(parser.getText());
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        // An empty string, a number, an object...: however the configured binding takes it.
        return context.readValue(parser, type);
    }

    /**
     * A numeric field: a JSON integer read straight from the parser (a small one answered without allocating),
     * any other value kept as its text ({@link NumeralReader}).
     */
    public static Numeral numeral(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            return Numeral.of(parser.getIntValue());
        }
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        return NumeralReader.read(parser, context);
    }

    /**
     * A field left unread: its value skipped whole (an object or array with everything in it), answering
     * {@code null}. For readers that read only the fields their caller looks at.
     */
    public static <T> T skipped(JsonParser parser) throws IOException {
        parser.skipChildren();
        return null;
    }

    /** A field of any other type, through Jackson's deserializer for it (found once by {@link #deserializer}). */
    public static <T> T other(JsonParser parser, DeserializationContext context, JsonDeserializer<T> deserializer)
            throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return deserializer.getNullValue(context);
        }
        return deserializer.deserialize(parser, context);
    }

    /**
     * A list field: a JSON array read element by element with {@code element} (JSON null elements as the
     * element deserializer's null, as Jackson's list binding keeps them); any other shape (a single value,
     * an empty string, ...) read by {@code whole}, Jackson's deserializer of the list. Jackson's list
     * binding costs measurably more per list than this loop, and a ticket has several.
     */
    public static <T> List<T> list(JsonParser parser, DeserializationContext context, JsonDeserializer<T> element,
                                   JsonDeserializer<List<T>> whole) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            return other(parser, context, whole);
        }
        List<T> items = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw context.wrongTokenException(parser, List.class, JsonToken.END_ARRAY, "the list ends too soon");
            }
            items.add(token == JsonToken.VALUE_NULL ? element.getNullValue(context) : element.deserialize(parser, context));
        }
        return items;
    }

    /** Jackson's deserializer for {@code type}, to look up once when a hand-written deserializer is resolved. */
    @SuppressWarnings("unchecked")
    public static <T> JsonDeserializer<T> deserializer(DeserializationContext context, JavaType type) throws JsonMappingException {
        return (JsonDeserializer<T>) context.findRootValueDeserializer(type);
    }

    /** Jackson's deserializer for a {@code List<element>}. */
    public static <T> JsonDeserializer<List<T>> listDeserializer(DeserializationContext context, Class<T> element)
            throws JsonMappingException {
        return deserializer(context, context.getTypeFactory().constructCollectionType(List.class, element));
    }

    /** Jackson's deserializer for {@code type}. */
    public static <T> JsonDeserializer<T> deserializer(DeserializationContext context, Class<T> type) throws JsonMappingException {
        return deserializer(context, context.constructType(type));
    }

    /**
     * The name of the field the parser is on, or {@code null} at the end of the object: the start of a
     * reader's loop {@code for (field = firstField(p); field != null; field = p.nextFieldName())}, after
     * {@link #enterObject}. {@code nextFieldName()} is the parser's fast path for names (Jackson's own
     * tree and bean readers use it); a loop over {@code nextToken()} read ~10 % slower than a tree.
     */
    public static String firstField(JsonParser parser) throws IOException {
        return parser.currentToken() == JsonToken.FIELD_NAME ? parser.currentName() : null;
    }

    /**
     * Moves the parser, on a value that should be an object, to its first field name (or to the end of an
     * empty object) and answers {@code true}. A value that is not an object answers {@code false}, for the
     * caller to read as {@code null}, when it is an empty string (the shared mapper reads those as no
     * object) or a part of the wrong shape inside an object (see {@code MisshapenParts}); anything else
     * (a body that is not an object) fails as Jackson's binding fails on it.
     */
    public static boolean enterObject(JsonParser parser, DeserializationContext context, Class<?> type) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            parser.nextToken();
            return true;
        }
        if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT) {
            return true;
        }
        if (token == JsonToken.VALUE_STRING && parser.getTextLength() == 0
                && context.isEnabled(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)) {
            return false;
        }
        context.handleUnexpectedToken(type, parser);
        return false;
    }
}
