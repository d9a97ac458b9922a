package dev.troubleticket.nexera.listener;

/** A notification body that is not a TMF621 event: not JSON, not an object, or without an event type. */
public final class MalformedEventException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** A notification body that could not be read as a TMF621 event, with the parser's reason as {@code cause}. */
    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
