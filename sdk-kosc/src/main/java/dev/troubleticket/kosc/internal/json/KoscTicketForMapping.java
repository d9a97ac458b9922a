package dev.troubleticket.kosc.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import dev.troubleticket.kosc.model.KoscTicket;
import java.io.IOException;

/**
 * A Kosc ticket read only as far as {@code NeutralMapping.ticket} and the list's paging ({@code sort_value})
 * look at it: those fields are read exactly as the full reading reads them (same shapes accepted, same
 * failures); every other field (comments, authors, the status list, ...) is skipped unread and left null.
 * A page of neutral tickets is read this way; the ticket's raw JSON, kept beside the neutral one, still
 * holds every field.
 *
 * <p>So a field the neutral ticket does not use cannot fail a neutral list; {@code KoscApi}'s typed
 * listing still reads and checks every field. The ticket inside is partial: map it, never hand it out.
 *
 * @param ticket the ticket with only the mapped fields read
 */
public record KoscTicketForMapping(KoscTicket ticket) {

    /** Reads a {@link KoscTicketForMapping} with a {@link KoscTicketReader} limited to the mapped fields. */
    public static final class Reader extends JsonDeserializer<KoscTicketForMapping> implements ResolvableDeserializer {
        private final KoscTicketReader tickets = new KoscTicketReader(true);

        @Override
        public void resolve(DeserializationContext context) throws JsonMappingException {
            tickets.resolve(context);
        }

        @Override
        public KoscTicketForMapping deserialize(JsonParser p, DeserializationContext c) throws IOException {
            KoscTicket ticket = tickets.deserialize(p, c);
            return ticket == null ? null : new KoscTicketForMapping(ticket);
        }
    }
}
