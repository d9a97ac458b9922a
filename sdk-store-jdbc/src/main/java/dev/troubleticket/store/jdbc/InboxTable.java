package dev.troubleticket.store.jdbc;

import dev.troubleticket.core.subscription.store.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The inbox: notifications received by any instance and not yet handled, one row per provider event id, in the
 * order received.
 */
final class InboxTable {
    private final String table;
    private final String add;
    private final String list;
    private final String depth;
    private final String remove;

    InboxTable(TablePrefix prefix) {
        this.table = prefix.value() + "inbox";
        String seen = prefix.value() + "seen";
        // One statement, so that a repeat is refused whether it is pending (the key) or already handled (seen).
        this.add = "INSERT INTO " + table + " (subscription, event_key, lane, event, received_at) "
                + "SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM " + seen + " WHERE subscription = ? AND event_key = ?) "
                + "ON CONFLICT (subscription, event_key) DO NOTHING";
        this.list = "SELECT event_key, lane, event, received_at FROM " + table
                + " WHERE subscription = ? ORDER BY received_seq LIMIT ?";
        this.depth = "SELECT count(*) FROM " + table + " WHERE subscription = ?";
        this.remove = "DELETE FROM " + table + " WHERE subscription = ? AND event_key = ?";
    }

    boolean add(Connection c, String subscription, StoredEvent e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(add)) {
            s.setString(1, subscription);
            s.setString(2, e.key());
            s.setString(3, e.lane());
            s.setString(4, EventCodec.write(e.event()));
            s.setObject(5, LeaseTable.at(e.receivedAt()));
            s.setString(6, subscription);
            s.setString(7, e.key());
            return s.executeUpdate() == 1;
        }
    }

    List<StoredEvent> list(Connection c, String subscription, int limit) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(list)) {
            s.setString(1, subscription);
            s.setInt(2, Math.max(0, limit));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    events.add(new StoredEvent(key, rs.getString(2), EventCodec.read(rs.getString(3), table + " row " + key),
                            rs.getObject(4, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return events;
    }

    long depth(Connection c, String subscription) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(depth)) {
            s.setString(1, subscription);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void remove(Connection c, String subscription, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(remove)) {
            s.setString(1, subscription);
            s.setString(2, key);
            s.executeUpdate();
        }
    }
}
