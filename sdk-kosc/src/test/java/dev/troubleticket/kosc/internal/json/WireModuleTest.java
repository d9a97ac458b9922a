package dev.troubleticket.kosc.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.contract.PartialReadingCheck;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.kosc.internal.NeutralMapping;
import dev.troubleticket.kosc.model.CreateKoscTicketRequest;
import dev.troubleticket.kosc.model.KoscContact;
import dev.troubleticket.kosc.model.KoscLastComment;
import dev.troubleticket.kosc.model.KoscTicket;
import dev.troubleticket.kosc.model.TicketCategory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The adapter's mapper binds every component of Kosc's wire records (a component the binding misses fails
 * here), reads odd scalars as their text, and writes the create body with {@code diagnostic_run_id} always
 * present. A Kosc ticket read only as far as the neutral mapping and the paging look at it
 * ({@link WireModule#forMapping}) gives the same neutral ticket and the same {@code sort_value} as the fully
 * read one, on the document's tickets and on every variant {@code ReaderEquivalence} makes of them
 * ({@link PartialReadingCheck}). Both readings are lenient: a field of any shape, mapped or not, fails neither,
 * so no variant is read by the partial reading alone.
 */
class WireModuleTest {
    private static final ObjectMapper FOR_MAPPING = WireModule.forMapping(WireModule.mapper());
    /** The JSON fields the neutral mapping and the paging look at: the partial reading reads these and no other. */
    private static final Set<String> MAPPED = Set.of("id", "uuid", "alias", "creation_date", "modification_date", "status",
            "category", "priority", "operator_ticket_ref", "description", "service_uuid", "owner_contact", "sort_value");

    private final PartialReadingCheck check = new PartialReadingCheck(MAPPED,
            json -> neutral(WireModule.mapper().readValue(json, KoscTicket.class), json),
            json -> {
                KoscTicket read = FOR_MAPPING.readValue(json, KoscTicket.class);
                return neutral(read, json);
            });

    private static String example(String name) throws IOException {
        try (InputStream in = WireModuleTest.class.getResourceAsStream("/spec-examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** What the neutral list makes of a ticket: the neutral ticket and the paging cursor. */
    private static List<Object> neutral(KoscTicket ticket, String json) {
        if (ticket == null) {
            throw new AssertionError("no ticket");
        }
        return Arrays.asList(NeutralMapping.ticket(ticket.withRawJson(json)), ticket.sortValue());
    }

    @Test
    void mapsTheDocumentsTicketAndEachOfItsVariantsAsTheFullReadingDoes() throws Exception {
        check.check(example("ticket-get.json"));

        assertThat(check.bothMapped()).isGreaterThan(200);
        assertThat(check.onlyPartialRead()).isZero();
    }

    @Test
    void mapsEachTicketOfTheDocumentsListAsTheFullReadingDoes() throws Exception {
        // The document shows the list as a bare array of tickets.
        for (JsonNode ticket : Json.mapper().readTree(example("ticket-list.json"))) {
            check.check(ticket.toString());
        }
        assertThat(check.bothMapped()).isPositive();
    }

    @Test
    void mapsATicketAsTheSimulatorWritesItWithContactCommentAndStatusListAsTheFullReadingDoes() throws Exception {
        check.check("{\"id\":989,\"uuid\":\"5dae31cd\",\"alias\":\"T261123_08006\",\"creation_date\":\"2026-11-23T08:21:32.711423Z\","
                + "\"modification_date\":\"2026-11-23T08:21:32.711423Z\",\"type\":\"service\",\"status\":\"open\",\"category\":\"low_rate\","
                + "\"priority\":\"low\",\"author\":\"SIM\",\"operator_ticket_ref\":\"BENCH-0001\",\"description\":\"low rate\","
                + "\"service_uuid\":\"8ccc5104\",\"diagnostic_run_id\":18956,\"last_comment\":{\"comment\":\"c\",\"author\":\"SIM\"},"
                + "\"owner_contact\":{\"first_name\":\"Camille\",\"last_name\":\"Martin\",\"email\":\"c@example.fr\",\"phone_number\":\"06\"},"
                + "\"next_available_status\":[\"cleared\",\"deferred\"],\"clear_code\":null,\"responsability\":null,\"sort_value\":\"s-989\"}");
        assertThat(check.bothMapped()).isGreaterThan(200);
        assertThat(check.onlyPartialRead()).isZero();
    }

    @Test
    void thePartialReadingReadsTheMappedFieldsAndLeavesEveryOtherOneUnread() throws Exception {
        String json = "{\"id\":1,\"uuid\":\"u\",\"alias\":\"a\",\"creation_date\":\"2026-01-01T00:00:00Z\","
                + "\"modification_date\":\"2026-01-02T00:00:00Z\",\"type\":\"service\",\"status\":\"open\",\"category\":\"low_rate\","
                + "\"priority\":\"low\",\"author\":\"au\",\"operator_ticket_ref\":\"r\",\"description\":\"d\",\"service_uuid\":\"s\","
                + "\"service_alias\":\"sa\",\"product_name\":\"p\",\"grt\":\"4h\",\"diagnostic_run_id\":\"7\",\"diagnostic_run_alias\":\"da\","
                + "\"initial_comment\":\"ic\",\"last_comment\":{\"comment\":\"c\"},\"last_comment_author\":\"lca\",\"owner\":\"o\","
                + "\"owner_contact\":{\"first_name\":\"F\"},\"operator_contact_uuid\":\"ocu\",\"last_update_author\":\"lua\","
                + "\"next_available_status\":[\"cleared\"],\"clear_code\":\"TT\",\"responsability\":\"kosc\",\"sort_value\":\"sv\","
                + "\"raw_json\":\"{}\"}";
        KoscTicket whole = WireModule.mapper().readValue(json, KoscTicket.class);
        KoscTicket partial = FOR_MAPPING.readValue(json, KoscTicket.class);

        PartialReadingCheck.checkComponents(whole, partial, MAPPED,
                name -> name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT), Map.of("next_available_status", List.of()));
    }

    @Test
    void readsEveryComponentOfTheTicketItsPartsAndTheFeedEvent() throws Exception {
        // raw_json is read too (and then replaced by the ticket's JSON as received, by the answer's reader).
        assertThat(EveryComponentRead.check(WireModule.mapper(), KoscTicket.class, Set.of()))
                .isEqualTo(KoscTicket.class.getRecordComponents().length);
        assertThat(EveryComponentRead.check(WireModule.mapper(), KoscContact.class, Set.of())).isEqualTo(4);
        assertThat(EveryComponentRead.check(WireModule.mapper(), KoscLastComment.class, Set.of())).isEqualTo(2);
        assertThat(EveryComponentRead.check(WireModule.mapper(), KoscEventWire.class, Set.of()))
                .isEqualTo(KoscEventWire.class.getRecordComponents().length);
    }

    @Test
    void readsEveryFieldOfTheDocumentsTicket() throws Exception {
        KoscTicket ticket = WireModule.mapper().readValue(example("ticket-get.json"), KoscTicket.class);
        JsonNode json = Json.mapper().readTree(example("ticket-get.json"));
        for (var component : KoscTicket.class.getRecordComponents()) {
            String field = EveryComponentRead.snake(component.getName());
            if (json.hasNonNull(field)) {
                assertThat(component.getAccessor().invoke(ticket)).as("%s from the document's ticket", field).isNotNull();
            }
        }
    }

    @Test
    void readsANumericDiagnosticRunAsTextAndASingleNextStatusAsAList() throws Exception {
        KoscTicket numeric = WireModule.mapper().readValue("{\"id\":\"12\",\"diagnostic_run_id\":18956,\"next_available_status\":\"cleared\"}",
                KoscTicket.class);
        assertThat(numeric.id().asLong()).isEqualTo(12L);
        assertThat(numeric.diagnosticRunId()).isEqualTo("18956");
        assertThat(numeric.nextAvailableStatus()).extracting(s -> s.value()).containsExactly("cleared");
    }

    @Test
    void readsAFeedEventsScalarsAsWrittenAndItsContainersAsJson() throws Exception {
        KoscEventWire wire = WireModule.mapper().readValue("{\"event_uuid\":12,\"model\":true,\"type\":{\"a\":[1]},\"data\":null}",
                KoscEventWire.class);
        assertThat(wire.eventUuid()).isEqualTo("12");
        assertThat(wire.model()).isEqualTo("true");
        assertThat(wire.type()).isEqualTo("{\"a\":[1]}");
        assertThat(wire.data() == null || wire.data().isNull()).isTrue();
    }

    @Test
    void writesTheCreateBodyWithTheDiagnosticRunAlwaysAndOtherNullsLeftOut() throws Exception {
        assertThat(WireModule.mapper().writeValueAsString(CreateKoscTicketRequest.builder().build()))
                .isEqualTo("{\"diagnostic_run_id\":null,\"type\":\"service\"}");
        CreateKoscTicketRequest request = CreateKoscTicketRequest.builder().diagnosticRunId("run-1").serviceUuid("u-1")
                .operatorTicketRef("ref \"1\"").initialComment("").category(TicketCategory.of("a_new_category")).priority("high")
                .ownerContact(new KoscContact("Zo\u00eb", null, "a@b.fr", null)).build();
        assertThat(WireModule.mapper().writeValueAsString(request)).isEqualTo("{\"diagnostic_run_id\":\"run-1\",\"type\":\"service\","
                + "\"service_uuid\":\"u-1\",\"operator_ticket_ref\":\"ref \\\"1\\\"\",\"initial_comment\":\"\",\"category\":\"a_new_category\","
                + "\"priority\":\"high\",\"owner_contact\":{\"first_name\":\"Zo\u00eb\",\"email\":\"a@b.fr\"}}");
        assertThat(request.toJson().toString()).isEqualTo(WireModule.mapper().writeValueAsString(request));
    }
}
