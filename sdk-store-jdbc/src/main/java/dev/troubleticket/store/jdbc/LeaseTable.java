package dev.troubleticket.store.jdbc;

import dev.troubleticket.core.subscription.store.Commit;
import dev.troubleticket.core.subscription.store.Lease;
import dev.troubleticket.core.subscription.store.LeaseLostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The lease table: one row per subscription, never deleted, so that the fencing token only grows. Each statement
 * decides under the row's lock, so that instances in other processes racing for a lease get one answer.
 */
final class LeaseTable {
    private final String acquire;
    private final String renew;
    private final String release;
    private final String fence;

    LeaseTable(TablePrefix prefix) {
        String t = prefix.value() + "lease";
        // One statement: inserts the first lease, or takes the row when it is free, expired or already this owner's.
        // A new holder (or the same one after an expiry or a release) gets the next token; a live holder keeps its own.
        this.acquire = "INSERT INTO " + t + " AS l (subscription, owner, token, expires_at, ttl_millis, released) "
                + "VALUES (?, ?, 1, ?, ?, false) ON CONFLICT (subscription) DO UPDATE SET "
                + "token = CASE WHEN l.owner = EXCLUDED.owner AND NOT l.released AND l.expires_at > ? THEN l.token "
                + "ELSE l.token + 1 END, owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at, "
                + "ttl_millis = EXCLUDED.ttl_millis, released = false "
                + "WHERE l.released OR l.expires_at <= ? OR l.owner = EXCLUDED.owner RETURNING token";
        this.renew = "UPDATE " + t + " SET expires_at = ? + ttl_millis * interval '1 millisecond' "
                + "WHERE subscription = ? AND token = ? AND NOT released RETURNING ttl_millis";
        this.release = "UPDATE " + t + " SET released = true WHERE subscription = ? AND token = ? AND NOT released";
        // Also bounds how long this transaction may sit idle holding the row (a paused instance), in the same trip.
        this.fence = "SELECT set_config('idle_in_transaction_session_timeout', ?, true), "
                + "(SELECT token FROM " + t + " WHERE subscription = ? FOR SHARE)";
    }

    Optional<Lease> acquire(Connection c, String subscription, String owner, Duration ttl, Instant now) throws SQLException {
        Instant expires = now.plus(ttl);
        try (PreparedStatement s = c.prepareStatement(acquire)) {
            s.setString(1, subscription);
            s.setString(2, owner);
            s.setObject(3, at(expires));
            s.setLong(4, ttl.toMillis());
            s.setObject(5, at(now));
            s.setObject(6, at(now));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Lease(subscription, owner, rs.getLong(1), expires)) : Optional.empty();
            }
        }
    }

    Optional<Lease> renew(Connection c, Lease lease, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(renew)) {
            s.setObject(1, at(now));
            s.setString(2, lease.subscription());
            s.setLong(3, lease.token());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Lease(lease.subscription(), lease.owner(), lease.token(), now.plusMillis(rs.getLong(1))))
                        : Optional.empty();
            }
        }
    }

    void release(Connection c, Lease lease) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(release)) {
            s.setString(1, lease.subscription());
            s.setLong(2, lease.token());
            s.executeUpdate();
        }
    }

    /**
     * In the commit's transaction: locks the lease row for share (a new holder's grant waits for this commit, and this
     * commit sees a grant made before it) and refuses a commit whose lease is not the newest.
     */
    void fence(Connection c, Lease lease, Commit commit, long idleTimeoutMillis) throws SQLException {
        String subscription = commit.subscription();
        long newest;
        try (PreparedStatement s = c.prepareStatement(fence)) {
            s.setString(1, Long.toString(idleTimeoutMillis));
            s.setString(2, subscription);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                newest = rs.getLong(2);
            }
        }
        if (lease == null && !commit.movesStream()) {
            return; // a handled notification or a dead letter: written by whichever instance handled it
        }
        if (lease == null || !lease.subscription().equals(subscription) || lease.token() < newest) {
            throw new LeaseLostException("subscription '" + subscription + "': this instance's lease (token "
                    + (lease == null ? "none" : lease.token() + (lease.subscription().equals(subscription) ? ""
                            : " of subscription '" + lease.subscription() + "'"))
                    + ") is not the newest (newest token " + newest + "); the newer holder goes on, and this instance stops "
                    + "reading");
        }
    }

    static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
