package dev.troubleticket.testkit.nexera;

/** A request the simulator answers 400: its message is the error body's message. */
final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
        super(message);
    }
}
