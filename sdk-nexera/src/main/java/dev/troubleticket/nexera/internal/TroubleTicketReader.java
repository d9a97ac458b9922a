package dev.troubleticket.nexera.internal;

import static dev.troubleticket.core.internal.WireFields.numeral;
import static dev.troubleticket.core.internal.WireFields.other;
import static dev.troubleticket.core.internal.WireFields.skipped;
import static dev.troubleticket.core.internal.WireFields.text;
import static dev.troubleticket.core.internal.WireFields.timestamp;
import static dev.troubleticket.core.internal.WireFields.value;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import dev.troubleticket.core.internal.WireFields;
import dev.troubleticket.core.model.Numeral;
import dev.troubleticket.core.model.Timestamp;
import dev.troubleticket.nexera.model.AttachmentRefOrValue;
import dev.troubleticket.nexera.model.ChannelRef;
import dev.troubleticket.nexera.model.Note;
import dev.troubleticket.nexera.model.Origin;
import dev.troubleticket.nexera.model.RelatedEntity;
import dev.troubleticket.nexera.model.RelatedParty;
import dev.troubleticket.nexera.model.Severity;
import dev.troubleticket.nexera.model.StatusChangeRecord;
import dev.troubleticket.nexera.model.TicketSubtype;
import dev.troubleticket.nexera.model.TicketType;
import dev.troubleticket.nexera.model.TroubleTicket;
import dev.troubleticket.nexera.model.TroubleTicketRelationship;
import dev.troubleticket.nexera.model.TroubleTicketStatus;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link TroubleTicket} field by field from the parser. Jackson's binding of this 30-component
 * record through its constructor took about 1.5 times as long as reading the same bytes into a tree,
 * and a ticket page is what the SDK reads most; this reader takes a fraction of that. It reads the same
 * names the record's annotations declare ({@code @type}, {@code ticketSubType} for
 * {@code ticketSubtype}, ...), keeps unknown fields in {@code additionalProperties}, and hands every
 * uncommon shape and the nested lists to Jackson (see {@link WireFields}), so it reads every value as
 * leniently as the annotation-driven binding with the shared mapper does (an odd value is kept, never
 * fatal) and refuses only what it refuses: {@code TroubleTicketReaderTest} compares the two.
 *
 * <p>Made {@code mappedOnly}, it reads only the fields {@link NeutralMapping#toTicket} looks at and skips
 * every other one unread, unknown fields included (see {@link TicketForMapping}). Which fields those are
 * is decided in the one switch below, case by case: a set looked up for every field cost more than the
 * skipping saved.
 */
public final class TroubleTicketReader extends JsonDeserializer<TroubleTicket> implements ResolvableDeserializer {
    private final boolean mappedOnly;
    private JsonDeserializer<ChannelRef> channels;
    private JsonDeserializer<List<Note>> notes;
    private JsonDeserializer<List<AttachmentRefOrValue>> attachments;
    private JsonDeserializer<List<RelatedEntity>> relatedEntities;
    private JsonDeserializer<RelatedEntity> relatedEntity;
    private JsonDeserializer<Note> note;
    private JsonDeserializer<StatusChangeRecord> statusChange;
    private JsonDeserializer<List<RelatedParty>> relatedParties;
    private JsonDeserializer<List<TroubleTicketRelationship>> relationships;
    private JsonDeserializer<List<StatusChangeRecord>> statusChanges;
    private JsonDeserializer<Object> anyValue;

    /** Reads every field (Jackson makes it so, from the record's {@code @JsonDeserialize}). */
    public TroubleTicketReader() {
        this(false);
    }

    /** Reads every field, or with {@code mappedOnly} only those the neutral mapping looks at. */
    TroubleTicketReader(boolean mappedOnly) {
        this.mappedOnly = mappedOnly;
    }

    @Override
    public void resolve(DeserializationContext context) throws JsonMappingException {
        channels = WireFields.deserializer(context, ChannelRef.class);
        notes = WireFields.listDeserializer(context, Note.class);
        attachments = WireFields.listDeserializer(context, AttachmentRefOrValue.class);
        relatedEntities = WireFields.listDeserializer(context, RelatedEntity.class);
        relatedEntity = WireFields.deserializer(context, RelatedEntity.class);
        note = WireFields.deserializer(context, Note.class);
        statusChange = WireFields.deserializer(context, StatusChangeRecord.class);
        relatedParties = WireFields.listDeserializer(context, RelatedParty.class);
        relationships = WireFields.listDeserializer(context, TroubleTicketRelationship.class);
        statusChanges = WireFields.listDeserializer(context, StatusChangeRecord.class);
        anyValue = WireFields.deserializer(context, Object.class);
    }

    @Override
    public TroubleTicket deserialize(JsonParser p, DeserializationContext c) throws IOException {
        if (!WireFields.enterObject(p, c, TroubleTicket.class)) {
            return null;
        }
        String id = null;
        String href = null;
        String name = null;
        String description = null;
        Severity severity = null;
        TroubleTicketStatus status = null;
        TicketType ticketType = null;
        TicketSubtype ticketSubtype = null;
        Numeral priority = null;
        ChannelRef channel = null;
        Origin origin = null;
        String externalId = null;
        String correlationId = null;
        Timestamp creationDate = null;
        Timestamp lastUpdate = null;
        Timestamp expectedResolutionDate = null;
        Timestamp requestedResolutionDate = null;
        Timestamp resolutionDate = null;
        Timestamp statusChangeDate = null;
        String statusChangeReason = null;
        List<Note> note = null;
        List<AttachmentRefOrValue> attachment = null;
        List<RelatedEntity> relatedEntity = null;
        List<RelatedParty> relatedParty = null;
        List<TroubleTicketRelationship> troubleTicketRelationship = null;
        List<StatusChangeRecord> statusChange = null;
        String baseType = null;
        String type = null;
        String schemaLocation = null;
        Map<String, Object> additionalProperties = null;
        for (String field = WireFields.firstField(p); field != null; field = p.nextFieldName()) {
            p.nextToken();
            switch (field) {
                case "id" -> id = text(p, c);
                case "href" -> href = mappedOnly ? skipped(p) : text(p, c);
                case "name" -> name = text(p, c);
                case "description" -> description = text(p, c);
                case "severity" -> severity = value(p, c, Severity::of, Severity.class);
                case "status" -> status = value(p, c, TroubleTicketStatus::of, TroubleTicketStatus.class);
                case "ticketType" -> ticketType = value(p, c, TicketType::of, TicketType.class);
                case "ticketSubtype", "ticketSubType" -> ticketSubtype = value(p, c, TicketSubtype::of, TicketSubtype.class);
                case "priority" -> priority = numeral(p, c);
                case "channel" -> channel = mappedOnly ? skipped(p) : other(p, c, channels);
                case "origin" -> origin = mappedOnly ? skipped(p) : value(p, c, Origin::of, Origin.class);
                case "externalId" -> externalId = text(p, c);
                case "correlationId" -> correlationId = mappedOnly ? skipped(p) : text(p, c);
                case "creationDate" -> creationDate = timestamp(p, c);
                case "lastUpdate" -> lastUpdate = timestamp(p, c);
                case "expectedResolutionDate" -> expectedResolutionDate = mappedOnly ? skipped(p) : timestamp(p, c);
                case "requestedResolutionDate" -> requestedResolutionDate = mappedOnly ? skipped(p) : timestamp(p, c);
                case "resolutionDate" -> resolutionDate = mappedOnly ? skipped(p) : timestamp(p, c);
                case "statusChangeDate" -> statusChangeDate = mappedOnly ? skipped(p) : timestamp(p, c);
                case "statusChangeReason" -> statusChangeReason = mappedOnly ? skipped(p) : text(p, c);
                case "note" -> note = mappedOnly ? skipped(p) : WireFields.list(p, c, this.note, notes);
                case "attachment" -> attachment = other(p, c, attachments);
                case "relatedEntity" -> relatedEntity = WireFields.list(p, c, this.relatedEntity, relatedEntities);
                case "relatedParty" -> relatedParty = mappedOnly ? skipped(p) : other(p, c, relatedParties);
                case "troubleTicketRelationship" -> troubleTicketRelationship = mappedOnly ? skipped(p) : other(p, c, relationships);
                case "statusChange" -> statusChange = mappedOnly ? skipped(p) : WireFields.list(p, c, this.statusChange, statusChanges);
                case "@baseType" -> baseType = mappedOnly ? skipped(p) : text(p, c);
                case "@type" -> type = mappedOnly ? skipped(p) : text(p, c);
                case "@schemaLocation" -> schemaLocation = mappedOnly ? skipped(p) : text(p, c);
                default -> {
                    if (mappedOnly) {
                        p.skipChildren();
                    } else {
                        if (additionalProperties == null) {
                            additionalProperties = new LinkedHashMap<>();
                        }
                        additionalProperties.put(field, other(p, c, anyValue));
                    }
                }
            }
        }
        return new TroubleTicket(id, href, name, description, severity, status, ticketType, ticketSubtype, priority,
                channel, origin, externalId, correlationId, creationDate, lastUpdate, expectedResolutionDate,
                requestedResolutionDate, resolutionDate, statusChangeDate, statusChangeReason, note, attachment,
                relatedEntity, relatedParty, troubleTicketRelationship, statusChange, baseType, type, schemaLocation,
                additionalProperties);
    }
}
