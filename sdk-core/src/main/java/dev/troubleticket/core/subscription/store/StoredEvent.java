package dev.troubleticket.core.subscription.store;

import dev.troubleticket.core.model.TicketEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * An event as a store keeps it in the inbox: its identity within the subscription, the lane that orders it
 * (normally its ticket), the neutral event (raw payload included) and when it was received.
 *
 * @param key        the event's identity (provider event id), unique within the subscription
 * @param lane       the ordering key: events of one lane are handled one at a time, in order
 * @param event      the neutral event
 * @param receivedAt when it was received
 */
public record StoredEvent(String key, String lane, TicketEvent event, Instant receivedAt) {
    /** Refuses an inbox record without its key, lane, event or receipt time. */
    public StoredEvent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
