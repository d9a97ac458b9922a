package dev.troubleticket.reliability;

import dev.troubleticket.core.subscription.SubscriptionHealth;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.HubRegistration;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import dev.troubleticket.core.model.TicketStatus;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Follows a provider's ticket events through the neutral subscription of the harness's own client
 * ({@link dev.troubleticket.core.TicketingClient#subscribe}), the same way for every provider, into a
 * {@link DeliveryLog}. Started through the faults: a start that fails (a push provider's registration) is tried
 * again, as a back office would.
 */
final class EventFollower implements AutoCloseable {
    static final String NAME = "reliability";

    private final DeliveryLog log = new DeliveryLog();
    private final SubscriptionStore store = new InMemorySubscriptionStore();
    private final TicketSubscription subscription;
    private int failedStarts;

    EventFollower(Harness harness, Outcomes outcomes) {
        TicketSubscription started = null;
        for (int attempt = 0; started == null && attempt < 10; attempt++) {
            started = outcomes.call("subscribe", () -> {
                TicketSubscription subscription = harness.client.subscribe(log::record,
                        harness.subscriptionOptions(NAME, store).build());
                try {
                    return subscription.start();
                } catch (RuntimeException e) {
                    subscription.close();
                    throw e;
                }
            }).orElse(null);
            if (started == null) {
                failedStarts++;
            }
        }
        if (started == null) {
            throw new IllegalStateException("could not start the subscription in 10 tries");
        }
        this.subscription = started;
    }

    /**
     * Waits until {@code done} holds (every event expected handled), or 30 s have passed, then a little longer for
     * what is still under way to be counted too.
     */
    void drain(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(3 * Harness.POLL_INTERVAL.toMillis());
    }

    /** What the handler got. */
    DeliveryLog log() {
        return log;
    }

    /** Whether an event saying the ticket reached {@code status} was handled. */
    boolean saw(String ticketId, TicketStatus status) {
        return log.saw(ticketId, status);
    }

    /** The hub registered at the provider for the receiver, as the store keeps it (push providers). */
    Optional<String> hubId() {
        return store.hub(NAME).map(HubRegistration::hubId);
    }

    /** The ids of every event handled. */
    Set<String> eventIds() {
        return log.eventIds();
    }

    /** Events handed to the handler more than once. */
    int repeats() {
        return log.repeats();
    }

    /** Starts that failed before one succeeded. */
    int failedStarts() {
        return failedStarts;
    }

    SubscriptionHealth health() {
        return subscription.health();
    }

    @Override
    public void close() {
        subscription.close();
    }
}
