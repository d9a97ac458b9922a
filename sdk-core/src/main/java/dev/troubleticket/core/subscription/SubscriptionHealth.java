package dev.troubleticket.core.subscription;

import java.time.Duration;
import java.time.Instant;

/**
 * What a subscription reports about itself, for a health check or a metrics gauge. A snapshot: call
 * {@link TicketSubscription#health()} again for fresh figures.
 *
 * @param running      whether it is started and not closed or stopped by a failure
 * @param lastSuccess  when it last read from the provider (a poll) or received a notification, or {@code null}
 * @param lag          how old the oldest event received but not yet handled is ({@link Duration#ZERO} when
 *                     every event received is handled; for a polled provider also at least the time since the
 *                     last successful poll beyond its interval)
 * @param delivered    events the handler returned from, since this instance started
 * @param failed       handler attempts that threw, since this instance started
 * @param parked       dead letters held in the store for this subscription
 * @param inboxDepth   notifications received and stored but not yet handled (push providers; else 0)
 * @param holdsLease   whether this instance holds the subscription's lease (with an embedded store, always
 *                     once started; with a shared store, one instance of the fleet)
 * @param lastError    the last failure met (a poll, the store, the provider's hub), or {@code null}; no secrets
 */
public record SubscriptionHealth(
        boolean running,
        Instant lastSuccess,
        Duration lag,
        long delivered,
        long failed,
        long parked,
        long inboxDepth,
        boolean holdsLease,
        String lastError) {
}
