package dev.troubleticket.core.error;

/**
 * The provider refused the request because of the state of its data: for example another ticket is already open on the same service (HTTP 409, or a provider's own conflict answer).
 */
public class ConflictException extends TicketingException {
    private static final long serialVersionUID = 1L;

    /** A conflict described by {@code details}. */
    public ConflictException(String message, ErrorDetails details) {
        super(message, details);
    }

    /** A conflict described by {@code details}, caused by {@code cause}. */
    public ConflictException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
