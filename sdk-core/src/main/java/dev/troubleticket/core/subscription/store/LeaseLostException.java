package dev.troubleticket.core.subscription.store;

/**
 * A write was refused because its lease is no longer the newest: another instance took the subscription over
 * (this one was paused or cut off longer than the lease's time to live). The instance stops reading and lets the
 * new holder go on.
 */
public class LeaseLostException extends SubscriptionStoreException {
    private static final long serialVersionUID = 1L;

    /** A write refused for a lost lease, described by {@code message}. */
    public LeaseLostException(String message) {
        super(message);
    }
}
