package dev.troubleticket.core.error;

/**
 * The provider refused the credentials, or they could not be obtained (HTTP 401 or 403, or a failed login or token exchange).
 */
public class AuthenticationException extends TicketingException {
    private static final long serialVersionUID = 1L;

    /** A refusal described by {@code details}. */
    public AuthenticationException(String message, ErrorDetails details) {
        super(message, details);
    }

    /** A refusal described by {@code details}, caused by {@code cause} (a failed login, for example). */
    public AuthenticationException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }
}
