package dev.troubleticket.nexera;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.model.Numeral;
import dev.troubleticket.core.model.OpenValue;
import dev.troubleticket.core.model.Timestamp;
import dev.troubleticket.nexera.internal.json.WireModule;
import dev.troubleticket.nexera.model.RequirementMatrix;
import dev.troubleticket.nexera.model.TroubleTicket;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every component of {@link TroubleTicket}, enumerated from the record itself, reaches the body a create sends, and
 * survives the builder ({@code toBuilder()}) and the adapter's reading of that body. A component added to the record
 * without the builder setter, the wire name or the reading fails here, whatever it is called.
 */
class NexeraCreateBodyTest {
    private final MockWebServer server = new MockWebServer();
    private Tmf621Api api;

    @BeforeEach
    void start() throws Exception {
        server.start();
        // A profile that allows every field, so that the body is the ticket as written (the matrix is the validation's business).
        Tmf621Profile everythingOptional = Tmf621Profile.generic().withMatrix(RequirementMatrix.builder("default").build());
        api = Tmf621Client.builder().profile(everythingOptional).baseUrl(server.url("/").toString()).token("t")
                .transportOptions(TransportOptions.builder().retryPolicy(RetryPolicy.none()).build()).build()
                .unwrap(Tmf621Api.class);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyComponentOfTheTicketReachesTheCreateBody() throws Exception {
        TroubleTicket ticket = (TroubleTicket) sample(TroubleTicket.class, "ticket");
        server.enqueue(json("[]")); // the look-up by externalId finds nothing
        server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json").body("{\"id\":\"TT-1\"}").build());

        api.create(ticket);

        server.takeRequest();
        RecordedRequest post = server.takeRequest();
        assertThat(post.getMethod()).isEqualTo("POST");
        JsonNode body = WireModule.mapper().readTree(post.getBody().utf8());
        for (RecordComponent component : TroubleTicket.class.getRecordComponents()) {
            Object value = component.getAccessor().invoke(ticket);
            if (component.getName().equals("additionalProperties")) {
                ((Map<?, ?>) value).forEach((name, extra) -> assertThat(body.get((String) name)).as("unknown field %s", name)
                        .isEqualTo(WireModule.mapper().valueToTree(extra)));
                continue;
            }
            assertThat(body.get(wireName(component))).as("component %s in the create body", component.getName())
                    .isNotNull().isEqualTo(WireModule.mapper().valueToTree(value));
        }
        assertThat(WireModule.mapper().treeToValue(body, TroubleTicket.class)).as("the body read back").isEqualTo(ticket);
    }

    @Test
    void theBuilderCarriesEveryComponent() throws Exception {
        TroubleTicket ticket = (TroubleTicket) sample(TroubleTicket.class, "ticket");

        TroubleTicket rebuilt = ticket.toBuilder().build();

        for (RecordComponent component : TroubleTicket.class.getRecordComponents()) {
            assertThat(component.getAccessor().invoke(rebuilt)).as("component %s through toBuilder()", component.getName())
                    .isNotNull().isEqualTo(component.getAccessor().invoke(ticket));
        }
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static String wireName(RecordComponent component) {
        // A record component's @JsonProperty lands on its accessor, field and constructor parameter.
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    /**
     * A value of {@code type} with every part set: a record gets a value for each of its components, a string-backed
     * value its first documented value, so that the create passes the checks that stay with a permissive matrix.
     */
    private static Object sample(Type type, String name) throws Exception {
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
            Constructor<?> canonical = cls.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        }
        throw new AssertionError("no sample value for " + type + " (" + name + "): add one here");
    }
}
