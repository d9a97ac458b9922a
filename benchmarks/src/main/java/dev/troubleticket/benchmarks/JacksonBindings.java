package dev.troubleticket.benchmarks;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.model.Numeral;
import dev.troubleticket.kosc.model.CreateKoscTicketRequest;
import dev.troubleticket.kosc.model.KoscContact;
import dev.troubleticket.kosc.model.KoscLastComment;
import dev.troubleticket.kosc.model.KoscTicket;
import dev.troubleticket.kosc.model.TicketCategory;
import dev.troubleticket.nexera.model.Note;
import dev.troubleticket.nexera.model.RelatedEntity;
import dev.troubleticket.nexera.model.StatusChangeRecord;
import dev.troubleticket.nexera.model.TicketSubtype;
import dev.troubleticket.nexera.model.TroubleTicket;

/**
 * The Jackson side of {@link JsonBindingBenchmark}: mappers configured as the adapters' ({@link Json#newMapper()},
 * issue 9's lenient reading) with mix-ins that take each hand-written reader away and bind the same type the
 * standard way instead: builder binding where the type has a builder ({@code TroubleTicket}), record binding
 * otherwise; and, for the writers, the request's own serialisation with the wire's names and inclusion.
 */
final class JacksonBindings {
    private JacksonBindings() {
    }

    /** The record's own annotations drive the binding (a class-level {@code @JsonDeserialize} with no {@code using}). */
    @JsonDeserialize
    abstract static class RecordBinding {
    }

    /** {@code TroubleTicket} through its builder. */
    @JsonDeserialize(builder = TroubleTicket.Builder.class)
    abstract static class TroubleTicketByBuilder {
    }

    /**
     * The builder's setters under the wire's names: the record's {@code @JsonProperty}/{@code @JsonAlias} sit on
     * its components, which the builder does not see. {@code priority(Numeral)} is named so that it wins over
     * {@code priority(Integer)}; unknown fields go to {@code additionalProperties} as on the record.
     */
    @JsonPOJOBuilder(withPrefix = "")
    abstract static class TroubleTicketBuilderMixIn {
        @JsonAlias("ticketSubType")
        abstract TroubleTicket.Builder ticketSubtype(TicketSubtype value);

        @JsonProperty("priority")
        abstract TroubleTicket.Builder priority(Numeral value);

        @JsonProperty("@baseType")
        abstract TroubleTicket.Builder baseType(String value);

        @JsonProperty("@type")
        abstract TroubleTicket.Builder type(String value);

        @JsonProperty("@schemaLocation")
        abstract TroubleTicket.Builder schemaLocation(String value);

        @JsonAnySetter
        abstract TroubleTicket.Builder additionalProperty(String name, Object value);
    }

    /**
     * The builder limited to what the neutral mapping reads, as {@code TicketForMapping} is: every other known
     * field ignored (skipped unread), unknown fields dropped (no any-setter).
     */
    @JsonPOJOBuilder(withPrefix = "")
    @JsonIgnoreProperties({"href", "channel", "origin", "correlationId", "expectedResolutionDate", "requestedResolutionDate",
            "resolutionDate", "statusChangeDate", "statusChangeReason", "note", "relatedParty", "troubleTicketRelationship",
            "statusChange", "@baseType", "@type", "@schemaLocation"})
    abstract static class TroubleTicketBuilderForMapping {
        @JsonAlias("ticketSubType")
        abstract TroubleTicket.Builder ticketSubtype(TicketSubtype value);

        @JsonProperty("priority")
        abstract TroubleTicket.Builder priority(Numeral value);

        @JsonProperty("@baseType")
        abstract TroubleTicket.Builder baseType(String value);

        @JsonProperty("@type")
        abstract TroubleTicket.Builder type(String value);

        @JsonProperty("@schemaLocation")
        abstract TroubleTicket.Builder schemaLocation(String value);
    }

    /** {@code KoscTicket} by record binding, limited to what the neutral mapping and paging read (as {@code KoscTicketForMapping}). */
    @JsonDeserialize
    @JsonIgnoreProperties({"type", "author", "service_alias", "product_name", "grt", "diagnostic_run_id",
            "diagnostic_run_alias", "initial_comment", "last_comment", "last_comment_author", "owner",
            "operator_contact_uuid", "last_update_author", "next_available_status", "clear_code", "responsability",
            "raw_json"})
    abstract static class KoscTicketForMapping {
    }

    /** {@code POST /api/tickets/}'s body from the request's accessors: the document's order, {@code diagnostic_run_id} always written. */
    @JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE,
            fieldVisibility = JsonAutoDetect.Visibility.NONE)
    @JsonPropertyOrder({"diagnostic_run_id", "type", "service_uuid", "operator_ticket_ref", "description", "initial_comment",
            "category", "priority", "owner_contact"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract static class KoscCreateBody {
        @JsonProperty("diagnostic_run_id")
        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract String diagnosticRunId();

        @JsonProperty("type")
        abstract String type();

        @JsonProperty("service_uuid")
        abstract String serviceUuid();

        @JsonProperty("operator_ticket_ref")
        abstract String operatorTicketRef();

        @JsonProperty("description")
        abstract String description();

        @JsonProperty("initial_comment")
        abstract String initialComment();

        @JsonProperty("category")
        abstract TicketCategory category();

        @JsonProperty("priority")
        abstract String priority();

        @JsonProperty("owner_contact")
        abstract KoscContact ownerContact();
    }

    /** The adapter's configuration, with {@code types} bound by their own annotations instead of their hand-written readers. */
    static ObjectMapper recordBinding(Class<?>... types) {
        ObjectMapper mapper = Json.newMapper();
        for (Class<?> type : types) {
            mapper.addMixIn(type, RecordBinding.class);
        }
        return mapper;
    }

    /** Kosc's ticket by record binding; its parts too when {@code parts}. */
    static ObjectMapper koscTicket(boolean parts) {
        return parts ? recordBinding(KoscTicket.class, KoscContact.class, KoscLastComment.class) : recordBinding(KoscTicket.class);
    }

    /** Kosc's ticket parts by record binding, the ticket still read by hand. */
    static ObjectMapper koscParts() {
        return recordBinding(KoscContact.class, KoscLastComment.class);
    }

    /** Kosc's ticket limited to the mapped fields, by record binding (its parts still read by hand, as in the partial reader). */
    static ObjectMapper koscTicketForMapping() {
        return Json.newMapper().addMixIn(KoscTicket.class, KoscTicketForMapping.class);
    }

    /** Kosc's create body by Jackson's serialisation of the request. */
    static ObjectMapper koscCreateBody() {
        return Json.newMapper().addMixIn(CreateKoscTicketRequest.class, KoscCreateBody.class);
    }

    /** Nexera's ticket by builder binding; its parts by record binding too when {@code parts}. */
    static ObjectMapper nexeraTicket(boolean parts) {
        ObjectMapper mapper = Json.newMapper()
                .addMixIn(TroubleTicket.class, TroubleTicketByBuilder.class)
                .addMixIn(TroubleTicket.Builder.class, TroubleTicketBuilderMixIn.class);
        if (parts) {
            mapper.addMixIn(Note.class, RecordBinding.class)
                    .addMixIn(RelatedEntity.class, RecordBinding.class)
                    .addMixIn(StatusChangeRecord.class, RecordBinding.class);
        }
        return mapper;
    }

    /** Nexera's ticket parts by record binding, the ticket still read by hand. */
    static ObjectMapper nexeraParts() {
        return recordBinding(Note.class, RelatedEntity.class, StatusChangeRecord.class);
    }

    /** Nexera's ticket limited to the mapped fields, by builder binding (parts still read by hand, as in the partial reader). */
    static ObjectMapper nexeraTicketForMapping() {
        return Json.newMapper()
                .addMixIn(TroubleTicket.class, TroubleTicketByBuilder.class)
                .addMixIn(TroubleTicket.Builder.class, TroubleTicketBuilderForMapping.class);
    }
}
