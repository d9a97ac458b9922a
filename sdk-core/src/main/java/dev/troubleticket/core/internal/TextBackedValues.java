package dev.troubleticket.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import java.io.IOException;

/**
 * Makes every value built from its text ({@code Severity.of}, {@code KoscTicketStatus.of},
 * {@code Timestamp.parse}: a type whose only creator takes a {@code String}) read from any JSON value,
 * as {@link LenientText} reads it: {@code "severity": {"level": 2}} is the severity {@code {"level":2}},
 * kept, instead of a failure. A string is read exactly as before.
 */
final class TextBackedValues extends BeanDeserializerModifier {

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                  JsonDeserializer<?> deserializer) {
        if (deserializer instanceof BeanDeserializerBase bean && isTextBacked(bean.getValueInstantiator())) {
            return new AnyValueAsText(bean, bean.getValueInstantiator());
        }
        return deserializer;
    }

    private static boolean isTextBacked(ValueInstantiator instantiator) {
        return instantiator.canCreateFromString() && !instantiator.canCreateFromObjectWith()
                && !instantiator.canCreateUsingDefault() && !instantiator.canCreateUsingDelegate();
    }

    /** Reads a string through the type's own deserializer, and any other value as its text through its creator. */
    private static final class AnyValueAsText extends DelegatingDeserializer {
        private final ValueInstantiator instantiator;

        AnyValueAsText(JsonDeserializer<?> delegate, ValueInstantiator instantiator) {
            super(delegate);
            this.instantiator = instantiator;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new AnyValueAsText(delegate, instantiator);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NULL) {
                return _delegatee.deserialize(parser, context);
            }
            return instantiator.createFromString(context, LenientText.read(parser, context));
        }
    }
}
