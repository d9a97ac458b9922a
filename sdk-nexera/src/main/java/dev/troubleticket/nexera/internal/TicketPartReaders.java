package dev.troubleticket.nexera.internal;

import static dev.troubleticket.core.internal.WireFields.text;
import static dev.troubleticket.core.internal.WireFields.timestamp;
import static dev.troubleticket.core.internal.WireFields.value;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import dev.troubleticket.core.internal.WireFields;
import dev.troubleticket.core.model.Timestamp;
import dev.troubleticket.nexera.model.Note;
import dev.troubleticket.nexera.model.RelatedEntity;
import dev.troubleticket.nexera.model.StatusChangeRecord;
import dev.troubleticket.nexera.model.TroubleTicketStatus;
import java.io.IOException;

/**
 * Hand-written readers of the parts nearly every trouble ticket carries (its related entities, status
 * changes and notes), for the same reason as {@link TroubleTicketReader}: Jackson's binding of small
 * records through their constructors cost more than the ticket around them. Unknown fields are skipped,
 * as the shared mapper does for these records; {@code TroubleTicketReaderTest} compares each with
 * Jackson's binding.
 */
public final class TicketPartReaders {
    private TicketPartReaders() {
    }

    /** Reads a {@link RelatedEntity}. */
    public static final class RelatedEntityReader extends JsonDeserializer<RelatedEntity> {
        @Override
        public RelatedEntity deserialize(JsonParser p, DeserializationContext c) throws IOException {
            if (!WireFields.enterObject(p, c, RelatedEntity.class)) {
                return null;
            }
            String id = null;
            String href = null;
            String name = null;
            String role = null;
            String referredType = null;
            String type = null;
            for (String field = WireFields.firstField(p); field != null; field = p.nextFieldName()) {
                p.nextToken();
                switch (field) {
                    case "id" -> id = text(p, c);
                    case "href" -> href = text(p, c);
                    case "name" -> name = text(p, c);
                    case "role" -> role = text(p, c);
                    case "@referredType" -> referredType = text(p, c);
                    case "@type" -> type = text(p, c);
                    default -> p.skipChildren();
                }
            }
            return new RelatedEntity(id, href, name, role, referredType, type);
        }
    }

    /** Reads a {@link StatusChangeRecord}. */
    public static final class StatusChangeReader extends JsonDeserializer<StatusChangeRecord> {
        @Override
        public StatusChangeRecord deserialize(JsonParser p, DeserializationContext c) throws IOException {
            if (!WireFields.enterObject(p, c, StatusChangeRecord.class)) {
                return null;
            }
            TroubleTicketStatus status = null;
            Timestamp changeDate = null;
            String changeReason = null;
            String type = null;
            for (String field = WireFields.firstField(p); field != null; field = p.nextFieldName()) {
                p.nextToken();
                switch (field) {
                    case "status" -> status = value(p, c, TroubleTicketStatus::of, TroubleTicketStatus.class);
                    case "changeDate" -> changeDate = timestamp(p, c);
                    case "changeReason" -> changeReason = text(p, c);
                    case "@type" -> type = text(p, c);
                    default -> p.skipChildren();
                }
            }
            return new StatusChangeRecord(status, changeDate, changeReason, type);
        }
    }

    /** Reads a {@link Note}. */
    public static final class NoteReader extends JsonDeserializer<Note> {
        @Override
        public Note deserialize(JsonParser p, DeserializationContext c) throws IOException {
            if (!WireFields.enterObject(p, c, Note.class)) {
                return null;
            }
            String id = null;
            String author = null;
            Timestamp date = null;
            String text = null;
            String type = null;
            for (String field = WireFields.firstField(p); field != null; field = p.nextFieldName()) {
                p.nextToken();
                switch (field) {
                    case "id" -> id = text(p, c);
                    case "author" -> author = text(p, c);
                    case "date" -> date = timestamp(p, c);
                    case "text" -> text = text(p, c);
                    case "@type" -> type = text(p, c);
                    default -> p.skipChildren();
                }
            }
            return new Note(id, author, date, text, type);
        }
    }
}
