package dev.troubleticket.core.instrument;

/**
 * One SDK operation as instrumentation sees it: a call of the neutral {@link dev.troubleticket.core.TicketingClient}
 * (one page of a listing is one operation) or one poll of a subscription's stream. An operation that calls another
 * (a transition that reads the ticket first) is one operation: the inner call's requests are its attempts.
 *
 * <p>Calls of an adapter's typed API ({@code unwrap(...)}) are not operations; their HTTP attempts are still told,
 * with no operation.
 */
public interface Operation {
    /** {@link dev.troubleticket.core.TicketingClient#create}. */
    String CREATE = "create";
    /** {@link dev.troubleticket.core.TicketingClient#get}. */
    String GET = "get";
    /** One page of {@link dev.troubleticket.core.TicketingClient#list}. */
    String LIST = "list";
    /** {@link dev.troubleticket.core.TicketingClient#comment}. */
    String COMMENT = "comment";
    /** {@link dev.troubleticket.core.TicketingClient#transition}. */
    String TRANSITION = "transition";
    /** {@link dev.troubleticket.core.TicketingClient#history}. */
    String HISTORY = "history";
    /** {@link dev.troubleticket.core.TicketingClient#allowedTransitions}. */
    String ALLOWED_TRANSITIONS = "allowed_transitions";
    /** One read of a subscription's stream ({@code tickets}, {@code feed}, ...). */
    String POLL = "poll";

    /** The provider id ({@code kosc}, {@code masstack}, {@code nexera}, ...). */
    String provider();

    /** One of the names above. */
    String name();

    /** The ticket the operation is about, or {@code null} (create, list, poll). May be personal data to some: see each module's option to leave it out. */
    String ticketId();

    /** How many HTTP attempts the operation made so far. */
    int attempts();

    /** The status of the last answer the operation got, or 0 when it got none (refused before sending, no connection). */
    int lastStatus();
}
