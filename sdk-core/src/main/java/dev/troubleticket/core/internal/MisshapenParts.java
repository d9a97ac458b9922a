package dev.troubleticket.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import java.io.IOException;

/**
 * Reads a part of an answer that has the wrong shape (a string, a number, a boolean or an array where an
 * object such as a note, a channel or a contact is expected) as {@code null} instead of failing the whole
 * answer: a provider's odd value never costs the ticket it is in, nor the page the ticket is on. In a list,
 * such an element is a {@code null} element. The object's raw JSON keeps the value as sent.
 *
 * <p>Only values inside an object are read so. A body, or an element of a body's top-level list, that is
 * not the object expected is still a failure (a {@code ProviderException} keeping status and raw body), and
 * so is JSON that is not well formed: those are not odd values but answers that are not what was asked for.
 */
final class MisshapenParts extends DeserializationProblemHandler {

    /** A scalar where an object is expected (Jackson found no constructor taking it). */
    @Override
    public Object handleMissingInstantiator(DeserializationContext context, Class<?> type, ValueInstantiator instantiator,
                                            JsonParser parser, String message) throws IOException {
        JsonToken token = parser.currentToken();
        return token != null && token.isScalarValue() && isPart(parser) ? null : NOT_HANDLED;
    }

    /** An array where an object is expected, or a scalar that a hand-written reader cannot take as one. */
    @Override
    public Object handleUnexpectedToken(DeserializationContext context, JavaType type, JsonToken token, JsonParser parser,
                                        String message) throws IOException {
        if (token == null || token == JsonToken.FIELD_NAME || token.isStructEnd() || !isPart(parser)) {
            return NOT_HANDLED;
        }
        parser.skipChildren();
        return null;
    }

    /**
     * Whether the value the parser is on lies inside an object: a field's value, or an element of a list
     * that is itself a field's value.
     */
    static boolean isPart(JsonParser parser) {
        JsonStreamContext context = parser.getParsingContext();
        if (parser.currentToken() != null && parser.currentToken().isStructStart()) {
            context = context.getParent();
        }
        if (context == null) {
            return false;
        }
        if (context.inObject()) {
            return true;
        }
        JsonStreamContext enclosing = context.getParent();
        return context.inArray() && enclosing != null && !enclosing.inRoot();
    }
}
