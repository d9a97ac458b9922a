package dev.troubleticket.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The seen window: the newest {@code size} event keys per subscription. Keys are numbered without gaps by a counter
 * row that the adding transaction locks, so that the window holds exactly {@code size} keys however many instances
 * commit at once, and pruning is one indexed range delete.
 */
final class SeenWindow {
    private final int size;
    private final String lockCounter;
    private final String insert;
    private final String advance;
    private final String prune;
    private final String contains;

    SeenWindow(TablePrefix prefix, int size) {
        this.size = size;
        String counter = prefix.value() + "seen_counter";
        String seen = prefix.value() + "seen";
        this.lockCounter = "INSERT INTO " + counter + " AS c (subscription, last_seq) VALUES (?, 0) "
                + "ON CONFLICT (subscription) DO UPDATE SET last_seq = c.last_seq RETURNING last_seq";
        this.insert = "INSERT INTO " + seen + " (subscription, event_key, seq) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
        this.advance = "UPDATE " + counter + " SET last_seq = ? WHERE subscription = ?";
        this.prune = "DELETE FROM " + seen + " WHERE subscription = ? AND seq <= ?";
        this.contains = "SELECT 1 FROM " + seen + " WHERE subscription = ? AND event_key = ?";
    }

    /** In the caller's transaction: records {@code key}, and forgets the oldest keys beyond the window. */
    void add(Connection c, String subscription, String key) throws SQLException {
        long last;
        try (PreparedStatement s = c.prepareStatement(lockCounter)) {
            s.setString(1, subscription);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
            }
        }
        long seq = last + 1;
        try (PreparedStatement s = c.prepareStatement(insert)) {
            s.setString(1, subscription);
            s.setString(2, key);
            s.setLong(3, seq);
            if (s.executeUpdate() == 0) {
                return; // already in the window: it keeps its place, as in the embedded stores
            }
        }
        try (PreparedStatement s = c.prepareStatement(advance)) {
            s.setLong(1, seq);
            s.setString(2, subscription);
            s.executeUpdate();
        }
        if (seq > size) {
            try (PreparedStatement s = c.prepareStatement(prune)) {
                s.setString(1, subscription);
                s.setLong(2, seq - size);
                s.executeUpdate();
            }
        }
    }

    boolean contains(Connection c, String subscription, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(contains)) {
            s.setString(1, subscription);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
