package dev.troubleticket.core.subscription.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The right of one instance to move a subscription forward, until {@code expiresAt} unless renewed. The fencing
 * {@code token} grows with each new holder; a store refuses a {@link Commit} whose lease token is older than the
 * newest one it granted.
 *
 * @param subscription the subscription's name
 * @param owner        the holder's name
 * @param token        the fencing token
 * @param expiresAt    when it lapses unless renewed
 */
public record Lease(String subscription, String owner, long token, Instant expiresAt) {
    /** Refuses a lease without its subscription, owner or expiry. */
    public Lease {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
