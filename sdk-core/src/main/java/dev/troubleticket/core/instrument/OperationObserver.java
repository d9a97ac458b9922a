package dev.troubleticket.core.instrument;

/** Told how one operation ended; given by {@link Instrumentation#operationStarted}. */
@FunctionalInterface
public interface OperationObserver {
    /** An observer that does nothing. */
    OperationObserver NONE = failure -> { };

    /**
     * The operation ended: {@code failure} is {@code null} when it succeeded, else what it threw (see
     * {@link Outcome#of(Throwable)}). The operation's attempts and last status are final by now.
     */
    void ended(Throwable failure);
}
