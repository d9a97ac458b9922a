package dev.troubleticket.core.subscription.spi;

/**
 * A source that reads followed tickets again (MasStack): {@link DurableSubscription#follow(String)} and
 * {@link DurableSubscription#unfollow(String)} go to it.
 */
public interface TicketFollower {

    /** Follows the ticket from now on, and keeps it in the store. */
    void follow(String ticketId);

    /** Stops following the ticket, and removes it from the store. */
    void unfollow(String ticketId);
}
