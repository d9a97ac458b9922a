package dev.troubleticket.nexera;

import dev.troubleticket.core.subscription.store.ForwardingSubscriptionStore;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.core.subscription.store.StoredEvent;

/** An in-memory store whose inbox writes first run a hook a test sets: one that blocks, or one that throws. */
final class HookedStore extends ForwardingSubscriptionStore {
    /** Runs before a notification is written to the inbox; it may block or throw. */
    interface Hook {
        void beforeInboxWrite(StoredEvent event) throws Exception;
    }

    private volatile Hook hook = event -> { };

    HookedStore() {
        super(new InMemorySubscriptionStore());
    }

    void beforeInboxWrite(Hook value) {
        this.hook = value;
    }

    @Override
    public boolean addToInbox(String subscription, StoredEvent event) {
        try {
            hook.beforeInboxWrite(event);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return super.addToInbox(subscription, event);
    }
}
