package dev.troubleticket.core.error;

/**
 * No usable answer came back: the connection failed, timed out, or was reset, or the answer could not
 * be read at all. Retries (where the request allows them) were already made.
 */
public class TransportException extends TicketingException {
    private static final long serialVersionUID = 1L;

    public TransportException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
