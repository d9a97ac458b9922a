package dev.troubleticket.kosc.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.contract.ReaderEquivalence;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.kosc.model.KoscContact;
import dev.troubleticket.kosc.model.KoscLastComment;
import dev.troubleticket.kosc.model.KoscTicket;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The hand-written {@code KoscTicketReader} reads what Jackson's binding of the record's annotations reads,
 * and fails where it fails: on the document's ticket examples and on every variant {@link ReaderEquivalence}
 * makes of them (each field in every shape, left out, doubled; unknown fields; cut short).
 */
class KoscTicketReaderTest {
    /** The ticket's parts that have hand-written readers too: the reference binding reads them with Jackson. */
    private static final Class<?>[] PARTS = {KoscLastComment.class, KoscContact.class};

    private static String example(String name) throws IOException {
        try (InputStream in = KoscTicketReaderTest.class.getResourceAsStream("/spec-examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheDocumentsTicketAsJacksonsBindingDoesInEveryVariant() throws Exception {
        assertThat(new ReaderEquivalence(WireModule.mapper(), KoscTicket.class, PARTS).check(example("ticket-get.json"))).isGreaterThan(500);
    }

    @Test
    void readsEachTicketOfTheDocumentsListAsJacksonsBindingDoes() throws Exception {
        JsonNode results = Json.mapper().readTree(example("ticket-list.json"));
        assertThat(results).isNotEmpty();
        for (JsonNode ticket : results) {
            new ReaderEquivalence(WireModule.mapper(), KoscTicket.class, PARTS).check(ticket.toString());
        }
    }

    @Test
    void readsATicketAsTheSimulatorWritesIt() throws Exception {
        String simulator = "{\"id\":989,\"uuid\":\"5dae31cd-f694-4b32-9840-34deaddc5b3f\",\"alias\":\"T261123_08006\","
                + "\"creation_date\":\"2026-11-23T08:21:32.711423Z\",\"modification_date\":\"2026-11-23T08:21:32.711423Z\","
                + "\"type\":\"service\",\"status\":\"open\",\"category\":\"low_rate\",\"priority\":\"low\",\"author\":\"SIM\","
                + "\"operator_ticket_ref\":\"BENCH-0001\",\"description\":\"low rate\",\"service_uuid\":\"8ccc5104\","
                + "\"diagnostic_run_id\":18956,\"last_comment\":{\"comment\":\"c\",\"author\":\"SIM\"},\"owner_contact\":"
                + "{\"first_name\":\"Camille\",\"last_name\":\"Martin\",\"email\":\"c@example.fr\",\"phone_number\":\"0612345678\"},"
                + "\"next_available_status\":[\"cleared\",\"deferred\"],\"clear_code\":null,\"responsability\":null}";
        new ReaderEquivalence(WireModule.mapper(), KoscTicket.class, PARTS).check(simulator);
    }

    @Test
    void readsEachPartAsJacksonsBindingDoes() throws Exception {
        new ReaderEquivalence(WireModule.mapper(), KoscLastComment.class).check("{\"comment\":\"c\",\"author\":\"SIM\",\"extra\":[1]}");
        new ReaderEquivalence(WireModule.mapper(), KoscContact.class).check("{\"first_name\":\"Camille\",\"last_name\":\"Martin\","
                + "\"email\":\"c@example.fr\",\"phone_number\":\"0612345678\",\"extra\":{}}");
    }

    @Test
    void readsANumericDiagnosticRunAsTextAndKeepsTheNextStatuses() throws Exception {
        KoscTicket ticket = WireModule.mapper().readValue(example("ticket-get.json"), KoscTicket.class);
        assertThat(ticket.id()).isNotNull();
        assertThat(ticket.creationDate()).isNotNull();
        KoscTicket numeric = WireModule.mapper().readValue("{\"id\":\"12\",\"diagnostic_run_id\":18956,\"next_available_status\":\"cleared\"}",
                KoscTicket.class);
        assertThat(numeric.id().asLong()).isEqualTo(12L);
        assertThat(numeric.diagnosticRunId()).isEqualTo("18956");
        assertThat(numeric.nextAvailableStatus()).extracting(s -> s.value()).containsExactly("cleared");
    }

    @Test
    void readsEveryComponentOfTheTicketAndItsParts() throws Exception {
        // raw_json is filled with the ticket's JSON as received, by the answer's reader.
        assertThat(EveryComponentRead.check(WireModule.mapper(), KoscTicket.class, java.util.Set.of()))
                .isEqualTo(KoscTicket.class.getRecordComponents().length);
        EveryComponentRead.check(WireModule.mapper(), KoscContact.class, java.util.Set.of());
        EveryComponentRead.check(WireModule.mapper(), KoscLastComment.class, java.util.Set.of());
    }
}
