package dev.troubleticket.core.subscription.store;

import dev.troubleticket.core.model.TicketEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * An event the handler failed on at every attempt, kept in the store with its error so that it can be looked
 * at and {@link dev.troubleticket.core.subscription.TicketSubscription#replay(String) replayed}. Parking it let the subscription go on: the
 * ticket's later events were delivered after it.
 *
 * @param key      the event's identity within the subscription (what {@code replay} takes)
 * @param event    the event as it was handed to the handler
 * @param error    the last failure's class and message
 * @param attempts how many times the handler was called with it
 * @param parkedAt when it was parked
 */
public record DeadLetter(String key, TicketEvent event, String error, int attempts, Instant parkedAt) {
    /** Refuses a dead letter without its key, event or parking time. */
    public DeadLetter {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(parkedAt, "parkedAt");
    }
}
