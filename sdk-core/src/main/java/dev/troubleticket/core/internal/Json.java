package dev.troubleticket.core.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.troubleticket.core.model.Numeral;

/**
 * The one Jackson configuration every adapter uses, chosen for reading providers that change without
 * notice: unknown fields are ignored (adapters keep the raw payload, so nothing is lost), unknown enum
 * values fall back to the enum's {@code @JsonEnumDefaultValue} instead of failing, numbers may come as
 * strings and strings as numbers, a single value may stand for a list, and {@code null} fields are not
 * written.
 *
 * <p>Reading is lenient so that one odd value never fails an answer: any JSON value where text is expected
 * is read as text ({@link LenientText}: objects and arrays as their JSON), and so is the text of a value
 * made from one ({@link TextBackedValues}: a severity, a status, a date), a numeric field the adapters
 * declare as a {@link dev.troubleticket.core.model.Numeral} keeps whatever was sent, and a nested part of
 * the wrong shape (a string where a note object is expected) reads as {@code null} ({@link MisshapenParts}).
 * A body that is not JSON, or not the object or list expected, still fails.
 */
public final class Json {
    private static final ObjectMapper SHARED = newMapper();

    private Json() {
    }

    /** The shared, configured mapper (thread-safe; do not reconfigure it). */
    public static ObjectMapper mapper() {
        return SHARED;
    }

    /** A new mapper with the SDK's configuration, for an adapter that adds modules of its own. */
    public static ObjectMapper newMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addModule(new SimpleModule("lenient-reading").addDeserializer(String.class, LenientText.INSTANCE)
                        .addDeserializer(Numeral.class, new NumeralReader())
                        .setDeserializerModifier(new TextBackedValues()))
                .addHandler(new MisshapenParts())
                .build();
        // Providers send "customer": 100 where the document says string, and "4" where it says integer.
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        return mapper;
    }
}
