package dev.troubleticket.nexera.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import dev.troubleticket.nexera.model.TroubleTicket;
import java.io.IOException;

/**
 * A trouble ticket read only as far as {@link NeutralMapping#toTicket} looks at it: those fields are
 * read exactly as the full reading reads them (same shapes accepted, same failures); every other field (notes, status changes, parties, unknown fields)
 * is skipped unread and left null. A page of neutral tickets is read this way: the fields it skips are
 * most of a ticket's text, and the ticket's raw JSON, kept beside the neutral one, still holds them all.
 *
 * <p>So a field the neutral ticket does not use cannot fail a neutral list (a malformed note, say); the
 * typed API ({@code Tmf621Api}) still reads and checks every field. The ticket inside is partial: map it,
 * never hand it out.
 *
 * @param ticket the ticket with only the mapped fields read
 */
@JsonDeserialize(using = TicketForMapping.Reader.class)
public record TicketForMapping(TroubleTicket ticket) {

    /** Reads a {@link TicketForMapping} with a {@link TroubleTicketReader} limited to the mapped fields. */
    public static final class Reader extends JsonDeserializer<TicketForMapping> implements ResolvableDeserializer {
        private final TroubleTicketReader tickets = new TroubleTicketReader(true);

        @Override
        public void resolve(DeserializationContext context) throws JsonMappingException {
            tickets.resolve(context);
        }

        @Override
        public TicketForMapping deserialize(JsonParser p, DeserializationContext c) throws IOException {
            TroubleTicket ticket = tickets.deserialize(p, c);
            return ticket == null ? null : new TicketForMapping(ticket);
        }
    }
}
