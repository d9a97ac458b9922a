package dev.troubleticket.kosc.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code POST /api/tickets/{id}/events/}: a new status, a comment, or both.
 *
 * @param status  the new status ({@code closed} or {@code open}), or {@code null}
 * @param comment the comment, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketEventRequest(KoscTicketStatus status, String comment) {

    /** A comment alone. */
    public static TicketEventRequest comment(String text) {
        return new TicketEventRequest(null, text);
    }

    /** A status change, with an optional comment ({@code null} for none). */
    public static TicketEventRequest status(KoscTicketStatus status, String comment) {
        return new TicketEventRequest(status, comment);
    }

    @Override
    public String toString() {
        return "TicketEventRequest[status=" + status + ", commentLength=" + (comment == null ? 0 : comment.length()) + "]";
    }
}
