package dev.troubleticket.masstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.model.Attachment;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.masstack.internal.NeutralMapping;
import dev.troubleticket.masstack.model.BinaryAttachment;
import dev.troubleticket.masstack.model.CreateTroubleTicketRequest;
import dev.troubleticket.masstack.model.IssueType;
import dev.troubleticket.masstack.model.MasStackAttachment;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every component of {@link CreateTroubleTicketRequest} reaches the body MasStack receives, under its name and with
 * its value, in both create variants: the request is built from the record's own component list, so a component
 * added to the record and left out of the create body fails here instead of being silently dropped. The same holds
 * for the neutral create: each component is either filled from the neutral request or one of its provider fields,
 * and each provider field reaches the body.
 */
class MasStackCreateBodyTest {
    private static final ObjectMapper MAPPER = Json.mapper();

    private final MockWebServer server = new MockWebServer();
    private MasStackApi api;

    @BeforeEach
    void start() throws Exception {
        server.start();
        api = MasStackClient.builder().baseUrl(server.url("/").toString()).staticToken("t").build().unwrap(MasStackApi.class);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * A value for each component that passes the document's rules and differs from every other component's, so
     * that a value written under the wrong name is caught too. A component of a new type needs a value here.
     */
    private static Object sample(RecordComponent component, int index) {
        Map<String, Object> valid = Map.of(
                "baseTroubleTicketState", "OPENACTIVE",
                "troubleDetectionTime", "2025-01-15T10:30:00Z",
                "preferredPriority", 2,
                "wh1Parameter", IssueType.CLIENT,
                "attachments", List.of(MasStackAttachment.of("plano.pdf", "application/pdf", new byte[] {1, 2, 3})),
                "customer", "100");
        if (valid.containsKey(component.getName())) {
            return valid.get(component.getName());
        }
        if (component.getType() == String.class) {
            return "v" + index; // short enough for every limit of the document
        }
        return fail("no sample value for the new component " + component.getName() + " (" + component.getGenericType()
                + "): add one to this test");
    }

    /** The request with every component set, built through the canonical constructor from the record's components. */
    private static CreateTroubleTicketRequest everyComponentSet(Map<String, Object> values) throws Exception {
        RecordComponent[] components = CreateTroubleTicketRequest.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            arguments[i] = sample(components[i], i);
            values.put(wireName(components[i]), arguments[i]);
        }
        return CreateTroubleTicketRequest.class.getDeclaredConstructor(types).newInstance(arguments);
    }

    private static String wireName(RecordComponent component) {
        JsonProperty property = component.getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    private JsonNode sentBody(RecordedRequest post) throws Exception {
        String contentType = post.getHeaders().get("Content-Type");
        String body = post.getBody().string(StandardCharsets.UTF_8);
        if (contentType.startsWith("multipart/form-data")) {
            // The JSON "data" part: between its headers and the next boundary.
            String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
            for (String part : body.split(java.util.regex.Pattern.quote(boundary))) {
                if (part.contains("name=\"data\"")) {
                    return MAPPER.readTree(part.substring(part.indexOf("\r\n\r\n") + 4).trim());
                }
            }
            return fail("no data part in " + body);
        }
        return MAPPER.readTree(body);
    }

    private static void assertEveryComponentSent(JsonNode body, Map<String, Object> values) {
        assertThat(body.isObject()).isTrue();
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        assertThat(new TreeSet<>(names)).as("the body's fields are the request's components").isEqualTo(new TreeSet<>(values.keySet()));
        values.forEach((name, value) -> assertThat(body.get(name)).as(name).isEqualTo(MAPPER.valueToTree(value)));
    }

    @Test
    void everyComponentOfTheRequestReachesTheJsonCreateBody() throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        CreateTroubleTicketRequest request = everyComponentSet(values);
        server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
                .body("{\"ticketId\":\"RED-1\",\"mirrorKey\":\"v1\"}").build());

        api.create(request);

        assertEveryComponentSent(sentBody(server.takeRequest()), values);
    }

    @Test
    void everyComponentOfTheRequestReachesTheMultipartDataPart() throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        CreateTroubleTicketRequest request = everyComponentSet(values);
        server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
                .body("{\"ticketId\":\"RED-1\",\"mirrorKey\":\"v1\"}").build());

        api.createMultipart(request, List.of(new BinaryAttachment("big.bin", "application/octet-stream", new byte[] {9})));

        assertEveryComponentSent(sentBody(server.takeRequest()), values);
    }

    @Test
    void theTypedBuilderSetsEveryComponent() throws Exception {
        // A component the builder cannot set, or that build() leaves out, could only be sent by the canonical constructor.
        Map<String, Object> values = new LinkedHashMap<>();
        CreateTroubleTicketRequest expected = everyComponentSet(values);
        CreateTroubleTicketRequest.Builder builder = CreateTroubleTicketRequest.builder();
        for (RecordComponent component : CreateTroubleTicketRequest.class.getRecordComponents()) {
            Method setter = CreateTroubleTicketRequest.Builder.class.getMethod(component.getName(), component.getType());
            setter.invoke(builder, component.getAccessor().invoke(expected));
        }
        assertThat(builder.build()).isEqualTo(expected);
    }

    /** What a neutral create fills from its own fields rather than from a provider field of the same name. */
    private static final Set<String> FROM_NEUTRAL_FIELDS_ONLY =
            Set.of("baseTroubleTicketState", "mirrorKey", "troubleDetectionTime", "attachments");

    @Test
    void everyComponentIsANeutralProviderFieldUnlessTheNeutralRequestFillsIt() {
        Set<String> components = new TreeSet<>();
        for (RecordComponent component : CreateTroubleTicketRequest.class.getRecordComponents()) {
            components.add(component.getName());
        }
        Set<String> expected = new TreeSet<>(NeutralMapping.CREATE_FIELDS);
        expected.addAll(FROM_NEUTRAL_FIELDS_ONLY);
        assertThat(components).isEqualTo(expected);
    }

    @Test
    void everyProviderFieldOfANeutralCreateReachesTheBody() throws Exception {
        CreateTicketRequest.Builder neutral = CreateTicketRequest.builder().externalReference("ONV-1")
                .detectedAt(java.time.Instant.parse("2025-01-15T10:30:00Z"))
                .attachments(List.of(new Attachment("plano.pdf", "application/pdf", new byte[] {1, 2, 3}, null)));
        Map<String, Object> expected = new LinkedHashMap<>();
        int index = 0;
        for (String field : new TreeSet<>(NeutralMapping.CREATE_FIELDS)) {
            String text = switch (field) {
                case "preferredPriority" -> "2";
                case "wh1Parameter" -> "cliente";
                default -> "v" + index++;
            };
            neutral.providerField(field, text);
            expected.put(field, field.equals("preferredPriority") ? 2 : text);
        }
        server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
                .body("{\"ticketId\":\"RED-1\",\"mirrorKey\":\"ONV-1\"}").build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"ticketId\":\"RED-1\",\"mirrorKey\":\"ONV-1\",\"baseTroubleTicketState\":\"OPENACTIVE\"}").build());

        MasStackClient.builder().baseUrl(server.url("/").toString()).staticToken("t").build().create(neutral.build());

        JsonNode body = sentBody(server.takeRequest());
        expected.forEach((name, value) -> assertThat(body.get(name)).as(name).isEqualTo(MAPPER.valueToTree(value)));
        assertThat(body.get("mirrorKey").asText()).isEqualTo("ONV-1");
        assertThat(body.get("troubleDetectionTime").asText()).isEqualTo("2025-01-15T10:30:00Z");
        assertThat(body.get("attachments")).hasSize(1);
    }
}
