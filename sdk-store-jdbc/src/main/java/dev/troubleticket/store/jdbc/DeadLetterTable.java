package dev.troubleticket.store.jdbc;

import dev.troubleticket.core.subscription.store.DeadLetter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Dead letters, shared by the instances of a subscription, oldest first; parking a key again replaces it in place. */
final class DeadLetterTable {
    private final String table;
    private final String park;
    private final String list;
    private final String remove;
    private final String request;
    private final String requested;

    DeadLetterTable(TablePrefix prefix) {
        this.table = prefix.value() + "dead_letter";
        this.park = "INSERT INTO " + table + " (subscription, letter_key, event, error, attempts, parked_at) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (subscription, letter_key) DO UPDATE SET event = EXCLUDED.event, "
                + "error = EXCLUDED.error, attempts = EXCLUDED.attempts, parked_at = EXCLUDED.parked_at, replay_requested_at = NULL";
        this.list = "SELECT letter_key, event, error, attempts, parked_at FROM " + table
                + " WHERE subscription = ? ORDER BY parked_seq";
        this.remove = "DELETE FROM " + table + " WHERE subscription = ? AND letter_key = ?";
        this.request = "UPDATE " + table + " SET replay_requested_at = coalesce(replay_requested_at, ?) "
                + "WHERE subscription = ? AND letter_key = ?";
        this.requested = "SELECT letter_key FROM " + table + " WHERE subscription = ? AND replay_requested_at IS NOT NULL "
                + "ORDER BY replay_requested_at, parked_seq";
    }

    boolean requestReplay(Connection c, String subscription, String key, OffsetDateTime now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(request)) {
            s.setObject(1, now);
            s.setString(2, subscription);
            s.setString(3, key);
            return s.executeUpdate() == 1;
        }
    }

    List<String> replayRequests(Connection c, String subscription) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(requested)) {
            s.setString(1, subscription);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }

    void park(Connection c, String subscription, DeadLetter d) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(park)) {
            s.setString(1, subscription);
            s.setString(2, d.key());
            s.setString(3, EventCodec.write(d.event()));
            s.setString(4, d.error());
            s.setInt(5, d.attempts());
            s.setObject(6, LeaseTable.at(d.parkedAt()));
            s.executeUpdate();
        }
    }

    List<DeadLetter> list(Connection c, String subscription) throws SQLException {
        List<DeadLetter> letters = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(list)) {
            s.setString(1, subscription);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    letters.add(new DeadLetter(key, EventCodec.read(rs.getString(2), table + " row " + key), rs.getString(3),
                            rs.getInt(4), rs.getObject(5, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return letters;
    }

    void remove(Connection c, String subscription, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(remove)) {
            s.setString(1, subscription);
            s.setString(2, key);
            s.executeUpdate();
        }
    }
}
