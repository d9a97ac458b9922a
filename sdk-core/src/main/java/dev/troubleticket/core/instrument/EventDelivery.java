package dev.troubleticket.core.instrument;

import dev.troubleticket.core.model.TicketEvent;
import java.util.Objects;

/**
 * One delivery of an event to a subscription's handler.
 *
 * @param provider     the provider id
 * @param subscription the subscription's name
 * @param key          the event's key in the subscription (its de-duplication key)
 * @param event        the event given to the handler
 * @param attempt      1 for the first delivery of the event, more when the handler failed before
 */
public record EventDelivery(String provider, String subscription, String key, TicketEvent event, int attempt) {
    /** Checks that every part is present. */
    public EventDelivery {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(event, "event");
    }

    @Override
    public String toString() {
        // The event's text may be personal data: only what identifies the delivery.
        return "EventDelivery[" + provider + "/" + subscription + " " + key + " attempt " + attempt + "]";
    }
}
