package dev.troubleticket.nexera.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.contract.PartialReadingCheck;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.Timestamp;
import dev.troubleticket.nexera.NexeraProfile;
import dev.troubleticket.nexera.model.StatusChangeRecord;
import dev.troubleticket.nexera.model.TroubleTicket;
import dev.troubleticket.nexera.model.TroubleTicketStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A ticket read only as far as the neutral mapping looks at it maps to the same neutral ticket as the
 * fully read one, on the specification's examples and on every variant {@code ReaderEquivalence} makes
 * of them ({@link PartialReadingCheck}). Both readings are lenient: a field of any shape, mapped or not,
 * fails neither, so no variant is read by the partial reading alone.
 */
class TicketForMappingTest {
    /** The JSON fields {@code NeutralMapping.toTicket} looks at: the partial reading reads these and no other. */
    private static final Set<String> MAPPED = Set.of("id", "externalId", "status", "name", "description", "ticketSubtype",
            "ticketSubType", "ticketType", "creationDate", "lastUpdate", "priority", "severity", "relatedEntity", "attachment");

    private final NeutralMapping mapping = new NeutralMapping("nexera", NexeraProfile.profile().defaultTicketType(), Json.mapper());
    private final PartialReadingCheck check = new PartialReadingCheck(MAPPED,
            json -> neutral(Json.mapper().readValue(json, TroubleTicket.class), json),
            json -> {
                TicketForMapping read = Json.mapper().readValue(json, TicketForMapping.class);
                return neutral(read == null ? null : read.ticket(), json);
            });

    private static String example(String name) throws IOException {
        try (InputStream in = TicketForMappingTest.class.getResourceAsStream("/spec-examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** As the API takes a page's ticket: one that reads as nothing is refused (one without an id is kept). */
    private Ticket neutral(TroubleTicket ticket, String json) {
        if (ticket == null) {
            throw new AssertionError("no ticket");
        }
        return mapping.toTicket(ticket, json);
    }

    @Test
    void mapsTheFullExampleAndEachOfItsVariantsAsTheFullReadingDoes() throws Exception {
        check.check(example("trouble-ticket.json"));

        assertThat(check.bothMapped()).isGreaterThan(300);
        // Odd notes, status changes, parties...: the full reading keeps the ticket too, as the partial one does.
        assertThat(check.onlyPartialRead()).isZero();
    }

    @Test
    void mapsTheTicketsOfTheEventExamplesAsTheFullReadingDoes() throws Exception {
        for (String event : new String[] {"event-status-change.json", "event-resolved.json", "event-information-required.json",
                "event-attribute-value-change.json"}) {
            JsonNode ticket = Json.mapper().readTree(example(event)).at("/event/troubleTicket");
            check.check(ticket.toString());
        }
        assertThat(check.bothMapped()).isPositive();
    }

    @Test
    void mapsATicketWithAttachmentsASubTypeAndSeveralEntitiesAsTheFullReadingDoes() throws Exception {
        check.check("{\"id\":\"TT-1\",\"status\":\"inProgress\",\"severity\":\"Critical\",\"ticketType\":\"Customer_Trouble_Ticket\","
                + "\"ticketSubType\":\"Maintenance\",\"externalId\":\"INC-1\",\"name\":\"n\",\"description\":\"d\","
                + "\"creationDate\":\"2026-01-05T10:00:00+01:00\",\"lastUpdate\":\"2026-01-05 10:00:00\",\"relatedEntity\":["
                + "{\"id\":\"ONT-1\",\"role\":\"equipment\"},{\"id\":\"FTTH-1\",\"role\":\"AffectedService\"}],"
                + "\"attachment\":[{\"name\":\"a.txt\",\"mimeType\":\"text/plain\",\"content\":\"aGk=\"},{\"id\":\"9\",\"url\":\"http://x/9\"}],"
                + "\"note\":[{\"text\":\"t\"}],\"vendorField\":{\"a\":1}}");
        assertThat(check.bothMapped()).isGreaterThan(200);
        assertThat(check.onlyPartialRead()).isZero();
    }

    @Test
    void thePartialReadingReadsTheMappedFieldsAndLeavesEveryOtherOneUnread() throws Exception {
        // Every field of the record given, so that each one read or skipped shows.
        TroubleTicket everything = Json.mapper().readValue(example("trouble-ticket.json"), TroubleTicket.class).toBuilder()
                .href("h").correlationId("c").expectedResolutionDate(Timestamp.parse("2026-01-01T00:00:00Z"))
                .requestedResolutionDate(Timestamp.parse("2026-01-02T00:00:00Z")).resolutionDate(Timestamp.parse("2026-01-03T00:00:00Z"))
                .statusChangeDate(Timestamp.parse("2026-01-04T00:00:00Z")).statusChangeReason("r")
                .statusChange(List.of(new StatusChangeRecord(TroubleTicketStatus.SUBMITTED, Timestamp.parse("2026-01-04T00:00:00Z"), "new", null)))
                .build();
        String json = Json.mapper().writeValueAsString(everything);
        TroubleTicket whole = Json.mapper().readValue(json, TroubleTicket.class);
        TroubleTicket partial = Json.mapper().readValue(json, TicketForMapping.class).ticket();

        PartialReadingCheck.checkComponents(whole, partial, MAPPED, name -> switch (name) {
            case "baseType", "type", "schemaLocation" -> "@" + name;
            default -> name;
        }, Map.of("additionalProperties", Map.of()));
    }
}
