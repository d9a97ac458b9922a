package dev.troubleticket.nexera;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.contract.ReaderEquivalence;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.nexera.model.Note;
import dev.troubleticket.nexera.model.RelatedEntity;
import dev.troubleticket.nexera.model.StatusChangeRecord;
import dev.troubleticket.nexera.model.TroubleTicket;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The hand-written {@code TroubleTicketReader} reads what Jackson's binding of the record's annotations
 * reads, and fails where it fails: on the specification-built examples and on every variant
 * {@link ReaderEquivalence} makes of them (each field in every shape, left out, doubled; unknown fields;
 * cut short).
 */
class TroubleTicketReaderTest {
    /** The ticket's parts that have hand-written readers too: the reference binding reads them with Jackson. */
    private static final Class<?>[] PARTS = {RelatedEntity.class, StatusChangeRecord.class, Note.class};

    private static String example(String name) throws IOException {
        try (InputStream in = TroubleTicketReaderTest.class.getResourceAsStream("/spec-examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheFullExampleAsJacksonsBindingDoesInEveryVariant() throws Exception {
        int variants = new ReaderEquivalence(TroubleTicket.class, PARTS).check(example("trouble-ticket.json"));
        assertThat(variants).isGreaterThan(500);
    }

    @Test
    void readsTheTicketsOfTheEventExamplesAsJacksonsBindingDoes() throws Exception {
        for (String event : new String[] {"event-status-change.json", "event-resolved.json", "event-information-required.json",
                "event-attribute-value-change.json"}) {
            JsonNode ticket = Json.mapper().readTree(example(event)).at("/event/troubleTicket");
            new ReaderEquivalence(TroubleTicket.class, PARTS).check(ticket.toString());
        }
    }

    @Test
    void readsATicketAsTheSimulatorWritesIt() throws Exception {
        String simulator = "{\"name\":\"No sync on the ONT\",\"description\":\"LOS since 08:00.\",\"severity\":\"High\","
                + "\"ticketType\":\"Customer_Trouble_Ticket\",\"priority\":3,\"externalId\":\"BENCH-0001\",\"relatedEntity\":"
                + "[{\"id\":\"FTTH-000123\",\"role\":\"affectedService\",\"@referredType\":\"Service\"}],\"id\":\"TT-000001\","
                + "\"creationDate\":\"2026-11-23T08:21:32.906Z\",\"status\":\"submitted\",\"statusChange\":[{\"status\":\"submitted\","
                + "\"changeDate\":\"2026-11-23T08:21:32.906Z\"}],\"@type\":\"TroubleTicket\"}";
        new ReaderEquivalence(TroubleTicket.class, PARTS).check(simulator);
    }

    @Test
    void readsEachPartAsJacksonsBindingDoes() throws Exception {
        new ReaderEquivalence(RelatedEntity.class).check("{\"id\":\"FTTH-1\",\"href\":\"h\",\"name\":\"n\",\"role\":\"affectedService\","
                + "\"@referredType\":\"Service\",\"@type\":\"RelatedEntity\",\"extra\":{\"a\":[1]}}");
        new ReaderEquivalence(StatusChangeRecord.class).check("{\"status\":\"resolved\",\"changeDate\":\"2021-02-26T09:30:11.000+0000\","
                + "\"changeReason\":\"fixed\",\"@type\":\"StatusChange\",\"extra\":1}");
        new ReaderEquivalence(Note.class).check("{\"id\":\"1\",\"author\":\"NOC\",\"date\":\"2021-02-26T09:30:12Z\",\"text\":\"t\","
                + "\"@type\":\"Note\",\"extra\":[{}]}");
    }

    @Test
    void keepsUnknownFieldsInOrderAndReadsTheSubTypeAlias() throws Exception {
        TroubleTicket ticket = Json.mapper().readValue(example("trouble-ticket.json"), TroubleTicket.class);
        assertThat(ticket.additionalProperties()).containsEntry("ResolutionPaymentCode", "NONE");
        assertThat(ticket.ticketSubtype().value()).isEqualTo("Maintenance");
        assertThat(ticket.priority().asInteger()).isEqualTo(4);
        assertThat(ticket.creationDate().instant()).hasToString("2021-02-26T08:15:00Z");
        assertThat(ticket.note()).singleElement().satisfies(note -> assertThat(note.text()).isEqualTo("Technician dispatched"));
    }
}
