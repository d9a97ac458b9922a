package dev.troubleticket.core.subscription.store;

import java.util.Objects;

/**
 * One atomic step of a subscription, as {@link SubscriptionStore#commit(Lease, Commit)} records it. Each part
 * is optional; build it with the static methods and the {@code with...} ones.
 *
 * @param subscription  the subscription's name
 * @param eventKey      the identity of the event handled or parked, for the seen window; or {@code null}
 * @param stream        the stream whose position moves; or {@code null}
 * @param position      that stream's new position (with {@code stream})
 * @param followed      a followed ticket's new state; or {@code null}
 * @param unfollow      a ticket no longer followed (its final state was delivered); or {@code null}
 * @param inboxDone     the key of a notification to remove from the inbox; or {@code null}
 * @param deadLetter    an event parked; or {@code null}
 */
public record Commit(
        String subscription,
        String eventKey,
        String stream,
        String position,
        FollowedTicket followed,
        String unfollow,
        String inboxDone,
        DeadLetter deadLetter) {

    /** Checks that a position comes with its stream. */
    public Commit {
        Objects.requireNonNull(subscription, "subscription");
        if ((stream == null) != (position == null)) {
            throw new IllegalArgumentException("a position needs its stream, and a stream its position");
        }
    }

    /**
     * Whether this commit moves what only the lease holder may move: a stream's position or a followed ticket. A
     * commit that does not (a handled notification, a dead letter) may be written without a lease.
     */
    public boolean movesStream() {
        return stream != null || followed != null || unfollow != null;
    }

    /** A commit that only records {@code eventKey} as handled. */
    public static Commit handled(String subscription, String eventKey) {
        return new Commit(subscription, eventKey, null, null, null, null, null, null);
    }

    /** A commit that only moves a stream's position. */
    public static Commit position(String subscription, String stream, String position) {
        return new Commit(subscription, null, stream, position, null, null, null, null);
    }

    /** This commit, also moving {@code stream} to {@code position}. */
    public Commit withPosition(String stream, String position) {
        return new Commit(subscription, eventKey, stream, position, followed, unfollow, inboxDone, deadLetter);
    }

    /** This commit, also recording a followed ticket. */
    public Commit withFollowed(FollowedTicket ticket) {
        return new Commit(subscription, eventKey, stream, position, ticket, unfollow, inboxDone, deadLetter);
    }

    /** This commit, also no longer following {@code ticketId}. */
    public Commit withUnfollow(String ticketId) {
        return new Commit(subscription, eventKey, stream, position, followed, ticketId, inboxDone, deadLetter);
    }

    /** This commit, also taking the inbox record {@code key} out as handled. */
    public Commit withInboxDone(String key) {
        return new Commit(subscription, eventKey, stream, position, followed, unfollow, key, deadLetter);
    }

    /** This commit, also parking a dead letter. */
    public Commit withDeadLetter(DeadLetter letter) {
        return new Commit(subscription, eventKey, stream, position, followed, unfollow, inboxDone, letter);
    }
}
