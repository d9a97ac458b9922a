package dev.troubleticket.kosc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.kosc.model.CreateKoscTicketRequest;
import dev.troubleticket.kosc.model.KoscContact;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every field of a {@link CreateKoscTicketRequest}, and every component of its {@link KoscContact}, reaches the body
 * {@code KoscApi.createTicket} posts, under its snake_case name: a field added to the request but not to the body
 * fails here, instead of being silently left out of creates. The body is read as a real server received it.
 */
class KoscCreateBodyTest {
    /** Fields that say how the request was built and are not sent. */
    private static final Set<String> NOT_SENT = Set.of("diagnosticRunIdGiven");

    private final MockWebServer server = new MockWebServer();
    private KoscApi api;

    @BeforeEach
    void start() throws IOException {
        server.start();
        api = KoscClient.builder().baseUrl(server.url("/").toString()).staticToken("JWT", "t")
                .transportOptions(TransportOptions.builder().retryPolicy(RetryPolicy.none()).build()).build().api();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A request with every field set, each to a value of its own. */
    private static CreateKoscTicketRequest everyFieldSet() {
        return CreateKoscTicketRequest.builder()
                .diagnosticRunId("D170403_001")
                .type("service")
                .serviceUuid("svc-uuid")
                .operatorTicketRef("REF-1")
                .description("the description")
                .initialComment("the first comment")
                .category("low_rate")
                .priority("low")
                .ownerContact(new KoscContact("First", "Last", "first.last@example.fr", "0612345678"))
                .build();
    }

    private JsonNode posted(CreateKoscTicketRequest request) throws Exception {
        server.enqueue(json("[]")); // the look-up by operator reference finds nothing
        server.enqueue(json(example("ticket-get")));
        api.createTicket(request);
        server.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest post = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(post.getMethod()).isEqualTo("POST");
        return Json.mapper().readTree(post.getBody().utf8());
    }

    @Test
    void everyFieldOfTheRequestAndOfItsContactReachesTheBody() throws Exception {
        CreateKoscTicketRequest request = everyFieldSet();
        JsonNode body = posted(request);

        List<String> expected = new ArrayList<>();
        for (Field field : CreateKoscTicketRequest.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || NOT_SENT.contains(field.getName())) {
                continue;
            }
            field.setAccessible(true);
            Object value = field.get(request);
            String name = snake(field.getName());
            assertThat(value).as("the test sets %s", field.getName()).isNotNull();
            expected.add(name);
            if (value instanceof KoscContact contact) {
                JsonNode sent = body.get(name);
                assertThat(sent).as(name).isNotNull();
                List<String> contactFields = new ArrayList<>();
                for (RecordComponent component : KoscContact.class.getRecordComponents()) {
                    String part = snake(component.getName());
                    contactFields.add(part);
                    assertThat(sent.path(part).asText(null)).as("%s.%s", name, part)
                            .isEqualTo(String.valueOf(component.getAccessor().invoke(contact)));
                }
                assertThat(names(sent)).as("the contact sends its components and nothing else").containsExactlyElementsOf(contactFields);
            } else {
                assertThat(body.path(name).asText(null)).as(name).isEqualTo(value.toString());
            }
        }
        assertThat(names(body)).as("the body sends the request's fields and nothing else").containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theBodyKeepsTheDocumentsOrderWritesAMissingDiagnosticRunAsNullAndLeavesOtherNullsOut() throws Exception {
        JsonNode full = posted(everyFieldSet());
        assertThat(names(full)).containsExactly("diagnostic_run_id", "type", "service_uuid", "operator_ticket_ref",
                "description", "initial_comment", "category", "priority", "owner_contact");

        JsonNode sparse = posted(KoscTestData.typedRequest("REF-2").category("other").diagnosticRunId(null)
                .initialComment(null).priority(null).build());
        assertThat(sparse.has("diagnostic_run_id")).isTrue();
        assertThat(sparse.get("diagnostic_run_id").isNull()).isTrue();
        assertThat(sparse.has("initial_comment")).isFalse();
        assertThat(sparse.has("priority")).isFalse();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static String example(String name) {
        try (InputStream in = KoscCreateBodyTest.class.getResourceAsStream("/spec-examples/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
