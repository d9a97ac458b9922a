package dev.troubleticket.nexera.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.model.Timestamp;
import dev.troubleticket.nexera.model.AttachmentRefOrValue;
import dev.troubleticket.nexera.model.ChannelRef;
import dev.troubleticket.nexera.model.Note;
import dev.troubleticket.nexera.model.Origin;
import dev.troubleticket.nexera.model.RelatedEntity;
import dev.troubleticket.nexera.model.Severity;
import dev.troubleticket.nexera.model.TicketSamples;
import dev.troubleticket.nexera.model.TicketSubtype;
import dev.troubleticket.nexera.model.TicketType;
import dev.troubleticket.nexera.model.TroubleTicket;
import dev.troubleticket.nexera.model.TroubleTicketStatus;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code CreateBodyWriter} writes the tree Jackson's serialization writes (names, order, left-out nulls,
 * unknown fields last): on the examples, on a ticket with every field, and on the example with each of its
 * fields removed in turn; and it writes each component of the record, enumerated from the record itself.
 */
class CreateBodyWriterTest {
    private static final ObjectMapper MAPPER = Json.mapper();

    private static String example(String name) throws IOException {
        try (InputStream in = CreateBodyWriterTest.class.getResourceAsStream("/spec-examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertSameAsJackson(TroubleTicket ticket) {
        JsonNode jackson = MAPPER.valueToTree(ticket);
        ObjectNode ours = CreateBodyWriter.of(ticket, MAPPER);
        assertThat(ours).isEqualTo(jackson);
        // Same order too: the body sent is this tree's text.
        assertThat(ours.toString()).isEqualTo(jackson.toString());
    }

    @Test
    void writesTheExamplesAsJacksonDoes() throws Exception {
        List<String> tickets = new ArrayList<>(List.of(example("trouble-ticket.json")));
        for (String event : new String[] {"event-status-change.json", "event-resolved.json", "event-information-required.json",
                "event-attribute-value-change.json"}) {
            tickets.add(MAPPER.readTree(example(event)).at("/event/troubleTicket").toString());
        }
        for (String json : tickets) {
            assertSameAsJackson(TroubleTicket.fromJson(json));
        }
    }

    @Test
    void writesTheExampleWithEachFieldLeftOutAsJacksonDoes() throws Exception {
        ObjectNode full = (ObjectNode) MAPPER.readTree(example("trouble-ticket.json"));
        Iterator<String> names = full.fieldNames();
        int checked = 0;
        while (names.hasNext()) {
            ObjectNode without = full.deepCopy();
            without.remove(names.next());
            assertSameAsJackson(TroubleTicket.fromJson(without.toString()));
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void writesEveryFieldNullEntriesAndUnknownFieldsAsJacksonDoes() {
        TroubleTicket ticket = TroubleTicket.builder().id("T1").href("h").name("n").description("d").severity(Severity.of("Urgent"))
                .status(TroubleTicketStatus.of("inProgress")).ticketType(TicketType.of("Customer_Trouble_Ticket"))
                .ticketSubtype(TicketSubtype.of("Maintenance")).priority(4).channel(ChannelRef.named("API")).origin(Origin.WEB)
                .externalId("ISP-1").correlationId("c").creationDate(Timestamp.parse("2021-02-26T08:15:00.000+0000"))
                .lastUpdate(Timestamp.parse("not a date")).resolutionDate(Timestamp.parse("2021-02-27T16:00:00Z"))
                .statusChangeReason("r").note(Arrays.asList(Note.of("me", "text"), null)).relatedEntity(List.of())
                .attachment(List.of(AttachmentRefOrValue.embedded("a.png", "image/png", new byte[] {1, 2})))
                .build();
        assertSameAsJackson(ticket);
        TroubleTicket withExtras = TroubleTicket.fromJson("{\"id\":\"T1\",\"x\":null,\"y\":{\"a\":null,\"b\":[1,null]},\"z\":\"text\","
                + "\"relatedEntity\":[null,{\"id\":\"S\",\"role\":\"affectedService\"}]}");
        assertSameAsJackson(withExtras);
        assertThat(withExtras.additionalProperties()).containsKey("x");
        assertSameAsJackson(TroubleTicket.fromJson("{}"));
    }

    @Test
    void writesNotesAndRelatedEntitiesWithEveryFieldAsJacksonDoes() {
        TroubleTicket ticket = TroubleTicket.builder().name("n")
                .note(Arrays.asList(new Note("N1", "me", Timestamp.parse("2021-02-26T08:15:00Z"), "text \"quoted\"", "Note"),
                        new Note(null, null, Timestamp.parse("not a date"), null, null), null))
                .relatedEntity(Arrays.asList(new RelatedEntity("S1", "/s/1", "line", "affectedService", "Service", "RelatedEntity"),
                        new RelatedEntity(null, null, null, null, null, null), null))
                .build();
        assertSameAsJackson(ticket);
        assertSameAsJackson(TroubleTicket.builder().note(List.of()).relatedEntity(List.of()).build());
    }

    @Test
    void writesEachComponentOfTheRecordUnderItsWireName() throws Exception {
        for (RecordComponent component : TroubleTicket.class.getRecordComponents()) {
            TroubleTicket ticket = TicketSamples.onlyComponentSet(component);
            ObjectNode written = CreateBodyWriter.of(ticket, MAPPER);
            if (component.getName().equals("additionalProperties")) {
                assertThat(written.has("vendorField")).as("an unknown field is written").isTrue();
            } else {
                assertThat(written.has(TicketSamples.wireName(component))).as("component %s is written", component.getName()).isTrue();
            }
            assertSameAsJackson(ticket);
        }
        assertSameAsJackson(TicketSamples.everyComponentSet());
    }
}
