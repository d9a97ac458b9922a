package dev.troubleticket.kosc.internal.json;

import static dev.troubleticket.core.internal.WireFields.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import dev.troubleticket.core.internal.WireFields;
import dev.troubleticket.kosc.model.KoscContact;
import dev.troubleticket.kosc.model.KoscLastComment;
import java.io.IOException;

/**
 * Hand-written readers of the small objects every Kosc ticket carries (its last comment and its owner's
 * contact), for the same reason as {@link KoscTicketReader}: binding them through their record
 * constructors cost more than the rest of the ticket. {@code KoscTicketReaderTest} compares each with
 * Jackson's binding.
 */
public final class KoscPartReaders {
    private KoscPartReaders() {
    }

    /** Reads a {@link KoscLastComment}. */
    public static final class LastCommentReader extends JsonDeserializer<KoscLastComment> {
        @Override
        public KoscLastComment deserialize(JsonParser p, DeserializationContext c) throws IOException {
            if (!WireFields.enterObject(p, c, KoscLastComment.class)) {
                return null;
            }
            String comment = null;
            String author = null;
            for (String field = WireFields.firstField(p); field != null; field = p.nextFieldName()) {
                p.nextToken();
                switch (field) {
                    case "comment" -> comment = text(p, c);
                    case "author" -> author = text(p, c);
                    default -> p.skipChildren();
                }
            }
            return new KoscLastComment(comment, author);
        }
    }

    /** Reads a {@link KoscContact} (snake_case names). */
    public static final class ContactReader extends JsonDeserializer<KoscContact> {
        @Override
        public KoscContact deserialize(JsonParser p, DeserializationContext c) throws IOException {
            if (!WireFields.enterObject(p, c, KoscContact.class)) {
                return null;
            }
            String firstName = null;
            String lastName = null;
            String email = null;
            String phoneNumber = null;
            for (String field = WireFields.firstField(p); field != null; field = p.nextFieldName()) {
                p.nextToken();
                switch (field) {
                    case "first_name" -> firstName = text(p, c);
                    case "last_name" -> lastName = text(p, c);
                    case "email" -> email = text(p, c);
                    case "phone_number" -> phoneNumber = text(p, c);
                    default -> p.skipChildren();
                }
            }
            return new KoscContact(firstName, lastName, email, phoneNumber);
        }
    }
}
