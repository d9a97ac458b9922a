package dev.troubleticket.spring;

/**
 * The {@code troubleticket.*} properties do not make a client or a subscription; {@link #property()} is the one at
 * fault, and the message says what it should be. Spring Boot reports it at start-up through
 * {@link TroubleTicketFailureAnalyzer}. Never holds a secret's value.
 */
public class TroubleTicketPropertyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final String property;

    /** A failure of {@code property}, said by {@code message}. */
    public TroubleTicketPropertyException(String property, String message) {
        super(message);
        this.property = property;
    }

    /** A failure of {@code property}, said by {@code message}, found as {@code cause}. */
    public TroubleTicketPropertyException(String property, String message, Throwable cause) {
        super(message, cause);
        this.property = property;
    }

    /** The property at fault, such as {@code troubleticket.clients.kosc.base-url}. */
    public String property() {
        return property;
    }
}
