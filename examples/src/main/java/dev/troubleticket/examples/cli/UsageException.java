package dev.troubleticket.examples.cli;

/** The command line was used wrongly: a missing option, an unknown provider, an unreadable file. Exit code 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
