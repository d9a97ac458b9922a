package dev.troubleticket.core.subscription.store;

/**
 * A subscription store could not be opened, read or written. The message says which store, what failed and
 * what to do; a subscription whose store fails stops, as continuing would hand over events whose handling can
 * never be recorded.
 */
public class SubscriptionStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A store failure described by {@code message}. */
    public SubscriptionStoreException(String message) {
        super(message);
    }

    /** A store failure described by {@code message}, caused by {@code cause} (an I/O or SQL error). */
    public SubscriptionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
