package dev.troubleticket.kosc.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.troubleticket.core.model.Numeral;
import dev.troubleticket.core.model.Timestamp;
import java.util.List;

/**
 * A Kosc service ticket, as {@code GET /api/tickets/{id}/} and the ticket list answer it. Every field of
 * the document is here; fields the provider adds later are ignored here but kept in {@link #rawJson()}.
 *
 * @param id                  the numeric id, kept as sent whatever it is ({@link Numeral#asLong()} is the number when it is one)
 * @param uuid                the ticket's uuid, when the provider sends one (the document says tickets can be fetched by it)
 * @param alias               the alias, for example {@code T190517_08006}
 * @param creationDate        when the ticket was created
 * @param modificationDate    when it last changed
 * @param type                the ticket type ({@code service})
 * @param status              the status
 * @param category            the category
 * @param priority            the priority ({@code low})
 * @param author              who opened it
 * @param operatorTicketRef   the operator's own reference
 * @param description         the fault description
 * @param serviceUuid         the service
 * @param serviceAlias        the service alias
 * @param productName         the product
 * @param grt                 the guaranteed restoration time class
 * @param diagnosticRunId     the diagnostic run (a number in answers, text in requests)
 * @param diagnosticRunAlias  the diagnostic run alias
 * @param initialComment      the first comment
 * @param lastComment         the last comment
 * @param lastCommentAuthor   who wrote the last comment
 * @param owner               the owner
 * @param ownerContact        the person to call
 * @param operatorContactUuid the operator contact
 * @param lastUpdateAuthor    who changed it last
 * @param nextAvailableStatus the statuses the operator may set next, as the provider says
 * @param clearCode           why it was cleared (only when cleared)
 * @param responsability      who is responsible (only when cleared; Kosc's spelling)
 * @param sortValue           the listing cursor (only in lists)
 * @param rawJson             the ticket's JSON exactly as received
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KoscTicket(
        Numeral id,
        String uuid,
        String alias,
        Timestamp creationDate,
        Timestamp modificationDate,
        String type,
        KoscTicketStatus status,
        TicketCategory category,
        String priority,
        String author,
        String operatorTicketRef,
        String description,
        String serviceUuid,
        String serviceAlias,
        String productName,
        String grt,
        String diagnosticRunId,
        String diagnosticRunAlias,
        String initialComment,
        KoscLastComment lastComment,
        String lastCommentAuthor,
        String owner,
        KoscContact ownerContact,
        String operatorContactUuid,
        String lastUpdateAuthor,
        List<KoscTicketStatus> nextAvailableStatus,
        ClearCode clearCode,
        Responsibility responsability,
        String sortValue,
        String rawJson) {

    /** Copies the next available statuses, leaving out {@code null} entries. */
    public KoscTicket {
        nextAvailableStatus = nextAvailableStatus == null ? List.of() : withoutNulls(nextAvailableStatus);
    }

    /** The identifier to use in URLs: the id (its text as sent), else the alias, else the uuid. */
    public String key() {
        return id != null ? id.raw() : alias != null ? alias : uuid;
    }

    /** The statuses given, a JSON {@code null} among them left out (one odd value never fails the ticket). */
    private static List<KoscTicketStatus> withoutNulls(List<KoscTicketStatus> statuses) {
        for (KoscTicketStatus status : statuses) {
            if (status == null) {
                return statuses.stream().filter(java.util.Objects::nonNull).toList();
            }
        }
        return List.copyOf(statuses);
    }

    /** The same ticket with its JSON as received. */
    public KoscTicket withRawJson(String json) {
        return new KoscTicket(id, uuid, alias, creationDate, modificationDate, type, status, category, priority, author,
                operatorTicketRef, description, serviceUuid, serviceAlias, productName, grt, diagnosticRunId,
                diagnosticRunAlias, initialComment, lastComment, lastCommentAuthor, owner, ownerContact, operatorContactUuid,
                lastUpdateAuthor, nextAvailableStatus, clearCode, responsability, sortValue, json);
    }

    @Override
    public String toString() {
        // Descriptions, comments and contacts hold personal data: identifiers and status only.
        return "KoscTicket[id=" + id + ", alias=" + alias + ", status=" + status + ", category=" + category
                + ", operatorTicketRef=" + operatorTicketRef + ", modificationDate=" + modificationDate + "]";
    }
}
