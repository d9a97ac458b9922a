package dev.troubleticket.nexera;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.nexera.internal.json.WireModule;
import dev.troubleticket.nexera.model.RequirementMatrix;
import dev.troubleticket.nexera.model.TicketSamples;
import dev.troubleticket.nexera.model.TroubleTicket;
import java.lang.reflect.RecordComponent;
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
        TroubleTicket ticket = TicketSamples.everyComponentSet();
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
            assertThat(body.get(TicketSamples.wireName(component))).as("component %s in the create body", component.getName())
                    .isNotNull().isEqualTo(WireModule.mapper().valueToTree(value));
        }
        assertThat(WireModule.mapper().treeToValue(body, TroubleTicket.class)).as("the body read back").isEqualTo(ticket);
    }

    @Test
    void theBuilderCarriesEveryComponent() throws Exception {
        TroubleTicket ticket = TicketSamples.everyComponentSet();

        TroubleTicket rebuilt = ticket.toBuilder().build();

        for (RecordComponent component : TroubleTicket.class.getRecordComponents()) {
            assertThat(component.getAccessor().invoke(rebuilt)).as("component %s through toBuilder()", component.getName())
                    .isNotNull().isEqualTo(component.getAccessor().invoke(ticket));
        }
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }
}
