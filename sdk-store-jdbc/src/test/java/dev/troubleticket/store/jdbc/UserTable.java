package dev.troubleticket.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** An application's own table, written by handlers in the store's transaction. */
final class UserTable {
    private final DataSource dataSource;
    private final String name;

    UserTable(DataSource dataSource, String prefix) throws SQLException {
        this.dataSource = dataSource;
        this.name = prefix + "ticket_log";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + name + " (event_id text PRIMARY KEY)");
        }
    }

    /** What a handler does: one row for the event, on the connection it was given. */
    void insert(Connection c, String eventId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + name + " (event_id) VALUES (?)")) {
            s.setString(1, eventId);
            s.executeUpdate();
        }
    }

    boolean contains(String eventId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + name + " WHERE event_id = ?")) {
            s.setString(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
