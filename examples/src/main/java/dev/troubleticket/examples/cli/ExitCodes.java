package dev.troubleticket.examples.cli;

import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.error.TicketingException;
import dev.troubleticket.core.error.TransportException;
import dev.troubleticket.core.error.UnsupportedCapabilityException;
import dev.troubleticket.core.error.ValidationException;

/**
 * The command line's exit codes, one place for all of them:
 * 0 done, 2 usage error, 3 refused by validation (nothing sent), 4 refused by the provider (4xx),
 * 5 provider or network failure after retries, 1 anything else.
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int OTHER = 1;
    public static final int USAGE = 2;
    public static final int INVALID = 3;
    public static final int REFUSED = 4;
    public static final int FAILED = 5;

    private ExitCodes() {
    }

    /** The exit code for a failure. */
    public static int of(Throwable failure) {
        if (failure instanceof UsageException || failure instanceof UnsupportedCapabilityException) {
            return USAGE;
        }
        if (failure instanceof ValidationException v && !v.reachedProvider()) {
            return INVALID;
        }
        if (failure instanceof TransportException) {
            return FAILED;
        }
        if (failure instanceof TicketingException t) {
            int status = t.httpStatus();
            if (status >= 400 && status < 500) {
                return REFUSED;
            }
            if (status >= 500 || failure instanceof ProviderException) {
                return FAILED;
            }
        }
        return OTHER;
    }

    /** One clear sentence for stderr, with the provider's own message. */
    public static String sentence(Throwable failure) {
        String message = describe(failure);
        return switch (of(failure)) {
            case USAGE -> "ticketctl: " + message;
            case INVALID -> "ticketctl: refused before sending: " + message;
            case REFUSED -> "ticketctl: the provider refused the request: " + message;
            case FAILED -> "ticketctl: the provider or the network failed: " + message;
            default -> "ticketctl: unexpected failure: " + message + " (--debug shows where)";
        };
    }

    /**
     * The failure's own words on one line, without a Java class name: its message, else its cause's, else a plain
     * "no message".
     */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
            }
        }
        return "no message";
    }
}
