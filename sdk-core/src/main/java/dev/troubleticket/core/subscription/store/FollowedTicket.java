package dev.troubleticket.core.subscription.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A ticket a subscription follows by re-reading it (MasStack), with what was last seen of it.
 *
 * @param ticketId   the provider's ticket id
 * @param state      what the adapter last saw, in its own compact text ({@code null} before the first read); the
 *                   store keeps it as it is
 * @param followedAt when following started
 */
public record FollowedTicket(String ticketId, String state, Instant followedAt) {
    /** Refuses a followed ticket without its id or the time following started. */
    public FollowedTicket {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(followedAt, "followedAt");
    }

    /** The same ticket with a new state. */
    public FollowedTicket withState(String newState) {
        return new FollowedTicket(ticketId, newState, followedAt);
    }
}
