package dev.troubleticket.kosc.internal.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.kosc.model.KoscTicket;

/**
 * The Jackson module of Kosc's wire types, registered on the adapter's mapper ({@link #mapper()}). The model
 * records are bound by their own annotations with the shared mapper's lenient reading ({@link Json#newMapper()}:
 * text from any value, odd numerals kept, a misshapen part read as {@code null}); what only the adapter needs,
 * the partial reading of a ticket for the neutral mapping ({@link #forMapping(ObjectMapper)}), is a mix-in here,
 * so that no public model type names an internal class.
 */
public final class WireModule extends SimpleModule {
    private static final ObjectMapper MAPPER = Json.newMapper().registerModule(new WireModule());

    public WireModule() {
        super("kosc-wire");
    }

    /** The SDK's mapper ({@link Json#newMapper()}) with this module: the one the Kosc adapter reads and writes with. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A copy of {@code mapper} that reads a {@link KoscTicket} only as far as {@code NeutralMapping.ticket} and
     * the list's paging ({@code sort_value}) look at it: every other field is skipped unread and left null
     * ({@link TicketForMapping}), so a field the neutral ticket does not use cannot fail a neutral list. The
     * tickets it reads are partial: map them, never hand them out.
     */
    public static ObjectMapper forMapping(ObjectMapper mapper) {
        return mapper.copy().addMixIn(KoscTicket.class, TicketForMapping.class);
    }

    /** The ticket's fields the neutral mapping and the paging do not read (Jackson skips ignored fields unread). */
    @JsonIgnoreProperties({"type", "author", "service_alias", "product_name", "grt", "diagnostic_run_id",
            "diagnostic_run_alias", "initial_comment", "last_comment", "last_comment_author", "owner",
            "operator_contact_uuid", "last_update_author", "next_available_status", "clear_code", "responsability",
            "raw_json"})
    abstract static class TicketForMapping {
    }
}
