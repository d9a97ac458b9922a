package dev.troubleticket.kosc.internal.json;

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
import dev.troubleticket.kosc.model.ClearCode;
import dev.troubleticket.kosc.model.KoscContact;
import dev.troubleticket.kosc.model.KoscLastComment;
import dev.troubleticket.kosc.model.KoscTicket;
import dev.troubleticket.kosc.model.KoscTicketStatus;
import dev.troubleticket.kosc.model.Responsibility;
import dev.troubleticket.kosc.model.TicketCategory;
import java.io.IOException;
import java.util.List;

/**
 * Reads a {@link KoscTicket} field by field from the parser, under the snake_case names its
 * {@code @JsonNaming} gives. Jackson's binding of the 30-component record through its constructor was
 * most of the time of reading a ticket page; this reader hands only the uncommon shapes, the contact,
 * the last comment and the status list to Jackson (see {@link WireFields}), so it reads every value as
 * leniently as the annotation-driven binding with the shared mapper does (an odd value is kept, never
 * fatal) and refuses only what it refuses: {@code KoscTicketReaderTest} compares the two. Unknown fields
 * are skipped (the raw JSON keeps them).
 *
 * <p>Made {@code mappedOnly}, it reads only the fields {@code NeutralMapping.ticket} and the list's paging
 * look at and skips every other one unread (see {@link KoscTicketForMapping}); the switch below decides
 * which, case by case.
 */
public final class KoscTicketReader extends JsonDeserializer<KoscTicket> implements ResolvableDeserializer {
    private final boolean mappedOnly;
    private JsonDeserializer<KoscLastComment> lastComments;
    private JsonDeserializer<KoscContact> contacts;
    private JsonDeserializer<List<KoscTicketStatus>> statusLists;

    /** Reads every field (the one {@link WireModule} registers). */
    public KoscTicketReader() {
        this(false);
    }

    /** Reads every field, or with {@code mappedOnly} only those the neutral mapping and paging look at. */
    KoscTicketReader(boolean mappedOnly) {
        this.mappedOnly = mappedOnly;
    }

    @Override
    public void resolve(DeserializationContext context) throws JsonMappingException {
        lastComments = WireFields.deserializer(context, KoscLastComment.class);
        contacts = WireFields.deserializer(context, KoscContact.class);
        statusLists = WireFields.listDeserializer(context, KoscTicketStatus.class);
    }

    @Override
    public KoscTicket deserialize(JsonParser p, DeserializationContext c) throws IOException {
        if (!WireFields.enterObject(p, c, KoscTicket.class)) {
            return null;
        }
        Numeral id = null;
        String uuid = null;
        String alias = null;
        Timestamp creationDate = null;
        Timestamp modificationDate = null;
        String type = null;
        KoscTicketStatus status = null;
        TicketCategory category = null;
        String priority = null;
        String author = null;
        String operatorTicketRef = null;
        String description = null;
        String serviceUuid = null;
        String serviceAlias = null;
        String productName = null;
        String grt = null;
        String diagnosticRunId = null;
        String diagnosticRunAlias = null;
        String initialComment = null;
        KoscLastComment lastComment = null;
        String lastCommentAuthor = null;
        String owner = null;
        KoscContact ownerContact = null;
        String operatorContactUuid = null;
        String lastUpdateAuthor = null;
        List<KoscTicketStatus> nextAvailableStatus = null;
        ClearCode clearCode = null;
        Responsibility responsability = null;
        String sortValue = null;
        String rawJson = null;
        for (String field = WireFields.firstField(p); field != null; field = p.nextFieldName()) {
            p.nextToken();
            switch (field) {
                case "id" -> id = numeral(p, c);
                case "uuid" -> uuid = text(p, c);
                case "alias" -> alias = text(p, c);
                case "creation_date" -> creationDate = timestamp(p, c);
                case "modification_date" -> modificationDate = timestamp(p, c);
                case "type" -> type = mappedOnly ? skipped(p) : text(p, c);
                case "status" -> status = value(p, c, KoscTicketStatus::of, KoscTicketStatus.class);
                case "category" -> category = value(p, c, TicketCategory::of, TicketCategory.class);
                case "priority" -> priority = text(p, c);
                case "author" -> author = mappedOnly ? skipped(p) : text(p, c);
                case "operator_ticket_ref" -> operatorTicketRef = text(p, c);
                case "description" -> description = text(p, c);
                case "service_uuid" -> serviceUuid = text(p, c);
                case "service_alias" -> serviceAlias = mappedOnly ? skipped(p) : text(p, c);
                case "product_name" -> productName = mappedOnly ? skipped(p) : text(p, c);
                case "grt" -> grt = mappedOnly ? skipped(p) : text(p, c);
                case "diagnostic_run_id" -> diagnosticRunId = mappedOnly ? skipped(p) : text(p, c);
                case "diagnostic_run_alias" -> diagnosticRunAlias = mappedOnly ? skipped(p) : text(p, c);
                case "initial_comment" -> initialComment = mappedOnly ? skipped(p) : text(p, c);
                case "last_comment" -> lastComment = mappedOnly ? skipped(p) : other(p, c, lastComments);
                case "last_comment_author" -> lastCommentAuthor = mappedOnly ? skipped(p) : text(p, c);
                case "owner" -> owner = mappedOnly ? skipped(p) : text(p, c);
                case "owner_contact" -> ownerContact = other(p, c, contacts);
                case "operator_contact_uuid" -> operatorContactUuid = mappedOnly ? skipped(p) : text(p, c);
                case "last_update_author" -> lastUpdateAuthor = mappedOnly ? skipped(p) : text(p, c);
                case "next_available_status" -> nextAvailableStatus = mappedOnly ? skipped(p) : other(p, c, statusLists);
                case "clear_code" -> clearCode = mappedOnly ? skipped(p) : value(p, c, ClearCode::of, ClearCode.class);
                case "responsability" -> responsability = mappedOnly ? skipped(p) : value(p, c, Responsibility::of, Responsibility.class);
                case "sort_value" -> sortValue = text(p, c);
                case "raw_json" -> rawJson = mappedOnly ? skipped(p) : text(p, c);
                default -> p.skipChildren();
            }
        }
        try {
            return new KoscTicket(id, uuid, alias, creationDate, modificationDate, type, status, category, priority, author,
                    operatorTicketRef, description, serviceUuid, serviceAlias, productName, grt, diagnosticRunId,
                    diagnosticRunAlias, initialComment, lastComment, lastCommentAuthor, owner, ownerContact,
                    operatorContactUuid, lastUpdateAuthor, nextAvailableStatus, clearCode, responsability, sortValue, rawJson);
        } catch (RuntimeException refused) {
            // Whatever the record refuses, it refuses as it does under Jackson's binding.
            return (KoscTicket) c.handleInstantiationProblem(KoscTicket.class, null, refused);
        }
    }
}
