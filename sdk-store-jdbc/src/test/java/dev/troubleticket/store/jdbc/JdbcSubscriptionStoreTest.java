package dev.troubleticket.store.jdbc;

import dev.troubleticket.core.contract.MutableClock;
import dev.troubleticket.core.contract.SubscriptionStoreContractTest;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import dev.troubleticket.store.jdbc.testing.EmbeddedDatabase;

/** The store contract on a real PostgreSQL server, each test on tables of its own prefix. */
class JdbcSubscriptionStoreTest extends SubscriptionStoreContractTest {
    private String prefix;

    @Override
    protected SubscriptionStore newStore(MutableClock clock, int seenWindow) {
        prefix = EmbeddedDatabase.uniquePrefix();
        JdbcSubscriptionStore store = open(clock, seenWindow);
        store.migrate();
        return store;
    }

    @Override
    protected boolean persists() {
        return true;
    }

    @Override
    protected SubscriptionStore reopen(MutableClock clock, int seenWindow) {
        return open(clock, seenWindow);
    }

    private JdbcSubscriptionStore open(MutableClock clock, int seenWindow) {
        return JdbcSubscriptionStore.builder(EmbeddedDatabase.shared().dataSource()).tablePrefix(prefix).seenWindow(seenWindow)
                .clock(clock).build();
    }
}
