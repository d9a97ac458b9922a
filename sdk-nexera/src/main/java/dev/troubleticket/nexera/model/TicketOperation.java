package dev.troubleticket.nexera.model;

/** The two operations the requirement matrix has columns for. */
public enum TicketOperation {
    /** {@code POST /troubleTicket}. */
    CREATE("POST"),
    /** {@code PATCH /troubleTicket/{id}}. */
    UPDATE("PATCH");

    private final String method;

    TicketOperation(String method) {
        this.method = method;
    }

    /** The HTTP method: POST or PATCH. */
    public String method() {
        return method;
    }
}
