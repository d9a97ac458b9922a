package dev.troubleticket.nexera.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.BuilderBasedDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.troubleticket.core.internal.Json;
import java.io.IOException;

/**
 * The adapter's Jackson module: what the TMF621 wire needs beyond the model's own annotations. The model binds
 * itself ({@code TroubleTicket} through its builder, the small records through their components); this module
 * only makes a type bound through a builder read an empty string as {@code null}, as the shared mapper reads
 * every other object ({@code ACCEPT_EMPTY_STRING_AS_NULL_OBJECT}): Jackson's builder binding turns it into a
 * {@code null} builder and then fails calling {@code build()} on it. With it, the adapter's mapper reads a ticket
 * as the record's component binding does on every input ({@code WireModuleTest}); pages and answers that are not
 * objects are refused before binding anyway, by the one-pass reader.
 */
public final class WireModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    private static final ObjectMapper MAPPER = Json.newMapper().registerModule(new WireModule());

    /** The module, to register on a mapper configured as {@link Json#newMapper()} is. */
    public WireModule() {
        super("nexera-wire");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return deserializer instanceof BuilderBasedDeserializer ? new EmptyTextAsNull(deserializer) : deserializer;
            }
        });
    }

    /** The shared mapper of the adapter: {@link Json#newMapper()}'s configuration with this module (thread-safe; do not reconfigure it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads {@code ""} as {@code null}, hands everything else to the builder-based deserializer. */
    private static final class EmptyTextAsNull extends DelegatingDeserializer {
        private static final long serialVersionUID = 1L;

        EmptyTextAsNull(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new EmptyTextAsNull(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING) && p.getTextLength() == 0) {
                return null;
            }
            return super.deserialize(p, context);
        }
    }
}
