package dev.troubleticket.core.subscription.store;

import dev.troubleticket.core.contract.MutableClock;
import dev.troubleticket.core.contract.SubscriptionStoreContractTest;

/** The in-memory store keeps the store contract, except what only a persisting store can. */
class InMemorySubscriptionStoreTest extends SubscriptionStoreContractTest {
    @Override
    protected SubscriptionStore newStore(MutableClock clock, int seenWindow) {
        return new InMemorySubscriptionStore(seenWindow, clock);
    }

    @Override
    protected boolean persists() {
        return false;
    }
}
