package dev.troubleticket.core.subscription.spi;

import dev.troubleticket.core.subscription.store.StoredEvent;

/**
 * Where a {@link PushSource} puts each notification it receives, before answering the provider. The subscription
 * handles what it holds, in per-lane order, and removes each notification once handled.
 */
public interface Inbox {

    /**
     * Writes the notification to the store's inbox and wakes the subscription.
     *
     * @return whether it was new ({@code false} for a notification already received or handled: answer 2xx all the
     *         same, the provider missed our earlier answer)
     * @throws dev.troubleticket.core.subscription.store.SubscriptionStoreException when it could not be written:
     *         answer the provider 5xx, so that it sends again
     */
    boolean offer(StoredEvent event);

    /** Records a failure of the receiver or the registration, for the subscription's health. No secrets. */
    void reportProblem(String problem);
}
