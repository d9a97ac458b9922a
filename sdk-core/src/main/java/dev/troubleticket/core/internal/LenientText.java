package dev.troubleticket.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Reads any JSON value where text is expected, so that an odd value never fails the object it is in: a
 * string as its content, any other scalar as written ({@code 12}, {@code 2.5}, {@code true}), an object or
 * an array as its JSON text. JSON {@code null} stays {@code null}. The shared mapper ({@link Json}) reads
 * every {@code String} with it, so every text field, and every string-backed value made from its text
 * ({@code Severity}, {@code KoscTicketStatus}, {@code Timestamp}...), reads this way; the adapters'
 * hand-written readers fall back on it for every shape but a string.
 */
public final class LenientText extends StdScalarDeserializer<String> {
    /** The one instance the shared mapper registers. */
    public static final LenientText INSTANCE = new LenientText();

    private LenientText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return read(parser, context);
    }

    /** The value the parser is on, as text; leaves the parser on the value's last token. */
    public static String read(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY || token == JsonToken.FIELD_NAME) {
            // Not the bytes as received (the payload's raw JSON keeps those), but the same JSON value.
            return context.readTree(parser).toString();
        }
        if (token == JsonToken.VALUE_EMBEDDED_OBJECT) {
            Object embedded = parser.getEmbeddedObject();
            return embedded == null ? null : embedded.toString();
        }
        return parser.getText();
    }
}
