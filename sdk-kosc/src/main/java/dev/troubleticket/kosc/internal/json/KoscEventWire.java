package dev.troubleticket.kosc.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;

/**
 * A feed event as Kosc sends it, before its {@code data} is typed: every field as text whatever JSON it
 * came as (so that an odd value never fails a page), and {@code data} as a small tree to be read by type
 * once the type is known. Bound straight from the parser, so that only {@code data} becomes a tree.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record KoscEventWire(
        @JsonDeserialize(using = AnyText.class) String eventUuid,
        @JsonDeserialize(using = AnyText.class) String model,
        @JsonDeserialize(using = AnyText.class) String type,
        @JsonDeserialize(using = AnyText.class) String objectType,
        @JsonDeserialize(using = AnyText.class) String objectUuid,
        @JsonDeserialize(using = AnyText.class) String eventDate,
        @JsonDeserialize(using = AnyText.class) String creationDate,
        @JsonDeserialize(using = AnyText.class) String modificationDate,
        @JsonDeserialize(using = AnyText.class) String sortValue,
        JsonNode data) {

    /**
     * Any JSON value as text: a scalar as written ({@code 12}, {@code true}, a string's content), an
     * object or array as its JSON. JSON {@code null} stays {@code null} (Jackson does not ask a
     * deserializer for it).
     */
    static final class AnyText extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return read(parser, context);
        }

        /** The value the parser is on, as text (also {@link KoscEventWireReader}'s reading of each field). */
        static String read(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            return token.isScalarValue() ? parser.getText() : context.readTree(parser).toString();
        }
    }
}
