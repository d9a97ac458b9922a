package dev.troubleticket.nexera.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.troubleticket.core.model.Numeral;
import dev.troubleticket.core.model.OpenValue;
import dev.troubleticket.core.model.Timestamp;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tickets built from the record's own components, for tests that must notice a component added later. */
public final class TicketSamples {
    private TicketSamples() {
    }

    /** A ticket with every component set (see {@link #sample}). */
    public static TroubleTicket everyComponentSet() throws Exception {
        return (TroubleTicket) sample(TroubleTicket.class, "ticket");
    }

    /** A ticket with only {@code component} set, to its value in {@link #everyComponentSet()}. */
    public static TroubleTicket onlyComponentSet(RecordComponent component) throws Exception {
        RecordComponent[] components = TroubleTicket.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(component.getName())) {
                values[i] = sample(components[i].getGenericType(), components[i].getName());
            }
        }
        return (TroubleTicket) canonical(TroubleTicket.class).newInstance(values);
    }

    /** The JSON name of a component: its {@code @JsonProperty}, else its name. */
    public static String wireName(RecordComponent component) {
        // A record component's @JsonProperty lands on its accessor, field and constructor parameter.
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    /**
     * A value of {@code type} with every part set: a record gets a value for each of its components, a string-backed
     * value its first documented value, so that the create passes the checks that stay with a permissive matrix.
     */
    public static Object sample(Type type, String name) throws Exception {
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            if (raw == List.class) {
                return List.of(sample(generic.getActualTypeArguments()[0], name));
            }
            if (raw == Map.class) {
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("vendorField", "vendor-value");
                return extra;
            }
        }
        Class<?> cls = (Class<?>) type;
        if (cls == String.class) {
            return switch (name) {
                case "content" -> "aGk=";
                case "mimeType" -> "text/plain";
                default -> name + "-value";
            };
        }
        if (cls == Numeral.class) {
            return Numeral.of(4);
        }
        if (cls == Timestamp.class) {
            return Timestamp.parse("2026-01-02T03:04:05Z");
        }
        if (OpenValue.class.isAssignableFrom(cls)) {
            return ((List<?>) cls.getMethod("knownValues").invoke(null)).get(0);
        }
        if (cls.isRecord()) {
            RecordComponent[] components = cls.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = sample(components[i].getGenericType(), components[i].getName());
            }
            return canonical(cls).newInstance(values);
        }
        throw new AssertionError("no sample value for " + type + " (" + name + "): add one here");
    }

    private static Constructor<?> canonical(Class<?> record) throws NoSuchMethodException {
        return record.getDeclaredConstructor(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new));
    }
}
