package dev.troubleticket.benchmarks;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.model.Numeral;
import dev.troubleticket.nexera.model.Note;
import dev.troubleticket.nexera.model.RelatedEntity;
import dev.troubleticket.nexera.model.StatusChangeRecord;
import dev.troubleticket.nexera.model.TicketSubtype;
import dev.troubleticket.nexera.model.TroubleTicket;

/**
 * The Jackson side of {@link JsonBindingBenchmark}: mappers configured as the adapters' ({@link Json#newMapper()},
 * issue 9's lenient reading) with mix-ins that take each hand-written reader away and bind the same type the
 * standard way instead: builder binding where the type has a builder ({@code TroubleTicket}), record binding
 * otherwise. (Kosc's mix-ins, measured here, now sit on its model and in its adapter's {@code WireModule}.)
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

    /** The adapter's configuration, with {@code types} bound by their own annotations instead of their hand-written readers. */
    static ObjectMapper recordBinding(Class<?>... types) {
        ObjectMapper mapper = Json.newMapper();
        for (Class<?> type : types) {
            mapper.addMixIn(type, RecordBinding.class);
        }
        return mapper;
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
