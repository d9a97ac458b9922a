package dev.troubleticket.core.subscription.spi;

import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.store.FollowedTicket;
import java.util.Objects;

/**
 * One event a source read, with what identifies it, what orders it, and what to record once it is handled.
 *
 * @param key            the event's identity within the subscription, stable across reads and restarts (the seen
 *                       window drops repeats by it)
 * @param lane           the ordering key: events of one lane are handled one at a time, in order (the ticket id,
 *                       or the order or service an account-wide event concerns)
 * @param event          the neutral event
 * @param position       the stream's position once this event and every one before it is handled, or {@code null}
 *                       when the event moves no stream position
 * @param followed       the followed ticket's state to record with the event (re-read tickets), or {@code null}
 * @param lastOfTicket   whether the ticket reached a final state with this event, so that it is no longer followed
 */
public record SourceEvent(String key, String lane, TicketEvent event, String position, FollowedTicket followed,
                          boolean lastOfTicket) {
    /** Refuses an event without its key, lane or neutral event. */
    public SourceEvent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(event, "event");
    }

    /** An event of a stream with positions (a feed, a list). */
    public static SourceEvent positioned(String key, String lane, TicketEvent event, String position) {
        return new SourceEvent(key, lane, event, position, null, false);
    }
}
