package dev.troubleticket.core.instrument;

/** Told how one HTTP attempt ended; exactly one of its methods is called. Given by {@link Instrumentation#attemptStarted}. */
public interface AttemptObserver {
    /** An observer that does nothing. */
    AttemptObserver NONE = new AttemptObserver() {
    };

    /** The provider answered with {@code status} (any status, a retried 503 or a refused 401 included). */
    default void responded(int status) {
    }

    /** The attempt got no answer: the connection failed, timed out, or the answer was cut off. */
    default void failed(Exception cause) {
    }
}
