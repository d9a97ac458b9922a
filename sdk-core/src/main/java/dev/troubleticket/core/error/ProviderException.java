package dev.troubleticket.core.error;

/**
 * The provider refused or failed the request for a reason no more specific exception describes:
 * other 4xx answers, 5xx answers that outlasted the retries, and answers that could not be read as
 * the documented format (the raw body is then kept in {@link #rawBody()}).
 */
public class ProviderException extends TicketingException {
    private static final long serialVersionUID = 1L;

    /** A refusal or failure described by {@code details}. */
    public ProviderException(String message, ErrorDetails details) {
        super(message, details);
    }

    /** A refusal or failure described by {@code details}, caused by {@code cause} (an unreadable body, for example). */
    public ProviderException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }

    @Override
    public boolean isRetryable() {
        int status = httpStatus();
        return status == 408 || status >= 500;
    }
}
