package dev.troubleticket.nexera.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import dev.troubleticket.core.contract.ReaderEquivalence;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.nexera.model.TroubleTicket;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The adapter's mapper ({@link WireModule#mapper()}: {@link TroubleTicket} bound through its builder) reads what
 * Jackson's binding of the record's own components reads with the shared mapper (the lenient reading of issue 9),
 * and fails where it fails: on the specification-built examples and on every variant {@link ReaderEquivalence}
 * makes of them (each field in every shape, left out, doubled; unknown fields; cut short).
 */
class WireModuleTest {
    /** Takes the builder away: the record is bound through its canonical constructor. */
    @JsonDeserialize
    private abstract static class ThroughComponents {
    }

    private final ObjectMapper reference = Json.newMapper().addMixIn(TroubleTicket.class, ThroughComponents.class);
    private int bothRead;

    private static String example(String name) throws IOException {
        try (InputStream in = WireModuleTest.class.getResourceAsStream("/spec-examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Compares the two readings on {@code json} and every variant of it; answers how many variants. */
    private int check(String json) throws Exception {
        int variants = 0;
        for (ReaderEquivalence.Variant variant : ReaderEquivalence.variants(json)) {
            variants++;
            Object expected = null;
            Exception expectedFailure = null;
            try {
                expected = reference.readValue(variant.json(), TroubleTicket.class);
            } catch (InvalidDefinitionException e) {
                // A shape the constructor binding cannot take at all (a field written twice): compare with the document it stands for.
                expected = variant.sameAs() == null ? null : reference.readValue(variant.sameAs(), TroubleTicket.class);
            } catch (Exception e) {
                expectedFailure = e;
            }
            Object actual = null;
            Exception actualFailure = null;
            try {
                actual = WireModule.mapper().readValue(variant.json(), TroubleTicket.class);
            } catch (Exception e) {
                actualFailure = e;
            }
            if (variant.path() != null) {
                assertThat(actualFailure).as("%s: a change to one field is read", variant.description()).isNull();
            }
            assertThat(actualFailure == null).as("%s: the builder binding fails where the component binding fails (%s / %s)",
                    variant.description(), actualFailure, expectedFailure).isEqualTo(expectedFailure == null);
            if (actualFailure == null) {
                bothRead++;
                assertThat(Objects.equals(actual, expected)).as("%s:%n  builder    %s%n  components %s", variant.description(),
                        WireModule.mapper().writeValueAsString(actual), WireModule.mapper().writeValueAsString(expected)).isTrue();
            }
        }
        assertThat(bothRead).isPositive();
        return variants;
    }

    @Test
    void readsTheFullExampleAsTheComponentBindingDoesInEveryVariant() throws Exception {
        assertThat(check(example("trouble-ticket.json"))).isGreaterThan(500);
    }

    @Test
    void readsTheTicketsOfTheEventExamplesAsTheComponentBindingDoes() throws Exception {
        for (String event : new String[] {"event-status-change.json", "event-resolved.json", "event-information-required.json",
                "event-attribute-value-change.json"}) {
            JsonNode ticket = Json.mapper().readTree(example(event)).at("/event/troubleTicket");
            check(ticket.toString());
        }
    }

    @Test
    void readsATicketAsTheSimulatorWritesIt() throws Exception {
        String simulator = "{\"name\":\"No sync on the ONT\",\"description\":\"LOS since 08:00.\",\"severity\":\"High\","
                + "\"ticketType\":\"Customer_Trouble_Ticket\",\"priority\":3,\"externalId\":\"BENCH-0001\",\"relatedEntity\":"
                + "[{\"id\":\"FTTH-000123\",\"role\":\"affectedService\",\"@referredType\":\"Service\"}],\"id\":\"TT-000001\","
                + "\"creationDate\":\"2026-11-23T08:21:32.906Z\",\"status\":\"submitted\",\"statusChange\":[{\"status\":\"submitted\","
                + "\"changeDate\":\"2026-11-23T08:21:32.906Z\"}],\"@type\":\"TroubleTicket\"}";
        check(simulator);
    }

    @Test
    void anEmptyStringReadsAsNoTicketAsEveryOtherObjectDoes() throws Exception {
        assertThat(WireModule.mapper().readValue("\"\"", TroubleTicket.class)).isNull();
        assertThat(WireModule.mapper().readValue("[\"\",{\"id\":\"1\"}]", TroubleTicket[].class))
                .extracting(t -> t == null ? null : t.id()).containsExactly(null, "1");
    }

    @Test
    void keepsUnknownFieldsInOrderAndReadsTheSubTypeAlias() throws Exception {
        TroubleTicket ticket = WireModule.mapper().readValue(example("trouble-ticket.json"), TroubleTicket.class);
        assertThat(ticket.additionalProperties()).containsEntry("ResolutionPaymentCode", "NONE");
        assertThat(ticket.ticketSubtype().value()).isEqualTo("Maintenance");
        assertThat(ticket.priority().asInteger()).isEqualTo(4);
        assertThat(ticket.creationDate().instant()).hasToString("2021-02-26T08:15:00Z");
        assertThat(ticket.note()).singleElement().satisfies(note -> assertThat(note.text()).isEqualTo("Technician dispatched"));
    }
}
