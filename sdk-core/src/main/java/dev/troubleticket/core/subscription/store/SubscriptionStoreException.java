package dev.troubleticket.core.subscription.store;

/**
 * A subscription store could not be opened, read or written. The message says which store, what failed and
 * what to do; a subscription whose store fails stops, as continuing would hand over events whose handling can
 * never be recorded.
 */
public class SubscriptionStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SubscriptionStoreException(String message) {
        super(message);
    }

    public SubscriptionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
