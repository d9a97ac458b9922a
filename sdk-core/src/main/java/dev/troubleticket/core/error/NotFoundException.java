package dev.troubleticket.core.error;

/**
 * The ticket, event or other object asked for does not exist at the provider (HTTP 404 or the provider's own not-found answer).
 */
public class NotFoundException extends TicketingException {
    private static final long serialVersionUID = 1L;

    /** An absence described by {@code details}. */
    public NotFoundException(String message, ErrorDetails details) {
        super(message, details);
    }

    /** An absence described by {@code details}, caused by {@code cause}. */
    public NotFoundException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
