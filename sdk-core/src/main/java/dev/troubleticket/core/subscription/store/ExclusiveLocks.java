package dev.troubleticket.core.subscription.store;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The locks of {@link SubscriptionStore#exclusively} for a store that serves one process: one per store and
 * subscription, apart from the store's own monitor, so that exclusive work (a hub registration over the network)
 * never holds up the store's reads and writes (a notification the provider pushes meanwhile, a lease renewal).
 */
final class ExclusiveLocks {
    private static final Map<SubscriptionStore, Map<String, Object>> LOCKS = Collections.synchronizedMap(new WeakHashMap<>());

    private ExclusiveLocks() {
    }

    static Object of(SubscriptionStore store, String subscription) {
        return LOCKS.computeIfAbsent(store, s -> new ConcurrentHashMap<>()).computeIfAbsent(subscription, n -> new Object());
    }
}
