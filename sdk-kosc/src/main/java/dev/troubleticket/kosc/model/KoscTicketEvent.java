package dev.troubleticket.kosc.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.troubleticket.core.model.Numeral;
import dev.troubleticket.core.model.Timestamp;

/**
 * An event of one ticket ({@code /api/tickets/{id}/events/}): a status change, a comment, or both.
 *
 * @param id             the event id, kept as sent whatever it is
 * @param status         the status the ticket moved to, or {@code null} for a plain comment
 * @param comment        the comment, or {@code null}
 * @param author         who made it
 * @param creationDate   when
 * @param clearCode      why the ticket was cleared (on {@code cleared} events)
 * @param responsability who is responsible (on {@code cleared} events; Kosc's spelling)
 * @param sortValue      the listing cursor, when listed
 * @param rawJson        the event's JSON exactly as received
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KoscTicketEvent(
        Numeral id,
        KoscTicketStatus status,
        String comment,
        String author,
        Timestamp creationDate,
        ClearCode clearCode,
        Responsibility responsability,
        String sortValue,
        String rawJson) {

    /** The same event with its JSON as received. */
    public KoscTicketEvent withRawJson(String json) {
        return new KoscTicketEvent(id, status, comment, author, creationDate, clearCode, responsability, sortValue, json);
    }

    @Override
    public String toString() {
        return "KoscTicketEvent[id=" + id + ", status=" + status + ", author=" + author + ", creationDate=" + creationDate
                + ", clearCode=" + clearCode + ", commentLength=" + (comment == null ? 0 : comment.length()) + "]";
    }
}
