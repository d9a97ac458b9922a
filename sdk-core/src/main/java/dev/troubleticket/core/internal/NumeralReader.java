package dev.troubleticket.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import dev.troubleticket.core.model.Numeral;
import java.io.IOException;

/**
 * Reads a {@link Numeral} from any JSON value: an integer straight from the parser, any other value kept as
 * its text ({@link LenientText}), whatever it is. JSON {@code null} stays {@code null}.
 */
public final class NumeralReader extends StdScalarDeserializer<Numeral> {
    public NumeralReader() {
        super(Numeral.class);
    }

    @Override
    public Numeral deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return read(parser, context);
    }

    /** The numeral the parser is on; leaves the parser on the value's last token. */
    public static Numeral read(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return Numeral.of(parser.getLongValue());
        }
        return Numeral.parse(LenientText.read(parser, context));
    }
}
