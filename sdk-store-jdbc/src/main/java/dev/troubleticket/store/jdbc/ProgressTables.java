package dev.troubleticket.store.jdbc;

import dev.troubleticket.core.subscription.store.FollowedTicket;
import dev.troubleticket.core.subscription.store.HubRegistration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A subscription's positions, followed tickets and hub registration: one row each, replaced in place. */
final class ProgressTables {
    private final String savePosition;
    private final String positions;
    private final String follow;
    private final String unfollow;
    private final String followed;
    private final String hub;
    private final String saveHub;
    private final String removeHub;

    ProgressTables(TablePrefix prefix) {
        String p = prefix.value();
        this.savePosition = "INSERT INTO " + p + "position (subscription, stream, stream_position) VALUES (?, ?, ?) "
                + "ON CONFLICT (subscription, stream) DO UPDATE SET stream_position = EXCLUDED.stream_position";
        this.positions = "SELECT stream, stream_position FROM " + p + "position WHERE subscription = ?";
        this.follow = "INSERT INTO " + p + "followed (subscription, ticket_id, state, followed_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (subscription, ticket_id) DO UPDATE SET state = EXCLUDED.state, followed_at = EXCLUDED.followed_at";
        this.unfollow = "DELETE FROM " + p + "followed WHERE subscription = ? AND ticket_id = ?";
        this.followed = "SELECT ticket_id, state, followed_at FROM " + p + "followed WHERE subscription = ?";
        this.hub = "SELECT hub_id, callback_url, callback_token, hub_query, registered_at FROM " + p + "hub WHERE subscription = ?";
        this.saveHub = "INSERT INTO " + p + "hub (subscription, hub_id, callback_url, callback_token, hub_query, registered_at) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (subscription) DO UPDATE SET hub_id = EXCLUDED.hub_id, "
                + "callback_url = EXCLUDED.callback_url, callback_token = EXCLUDED.callback_token, "
                + "hub_query = EXCLUDED.hub_query, registered_at = EXCLUDED.registered_at";
        this.removeHub = "DELETE FROM " + p + "hub WHERE subscription = ?";
    }

    void savePosition(Connection c, String subscription, String stream, String position) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(savePosition)) {
            s.setString(1, subscription);
            s.setString(2, stream);
            s.setString(3, position);
            s.executeUpdate();
        }
    }

    Map<String, String> positions(Connection c, String subscription) throws SQLException {
        Map<String, String> result = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(positions)) {
            s.setString(1, subscription);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return Map.copyOf(result);
    }

    void follow(Connection c, String subscription, FollowedTicket t) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(follow)) {
            s.setString(1, subscription);
            s.setString(2, t.ticketId());
            s.setString(3, t.state());
            s.setObject(4, LeaseTable.at(t.followedAt()));
            s.executeUpdate();
        }
    }

    void unfollow(Connection c, String subscription, String ticketId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(unfollow)) {
            s.setString(1, subscription);
            s.setString(2, ticketId);
            s.executeUpdate();
        }
    }

    List<FollowedTicket> followed(Connection c, String subscription) throws SQLException {
        List<FollowedTicket> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(followed)) {
            s.setString(1, subscription);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new FollowedTicket(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return result;
    }

    Optional<HubRegistration> hub(Connection c, String subscription) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(hub)) {
            s.setString(1, subscription);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new HubRegistration(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, OffsetDateTime.class).toInstant()))
                        : Optional.empty();
            }
        }
    }

    void saveHub(Connection c, String subscription, HubRegistration h) throws SQLException {
        if (h == null) {
            try (PreparedStatement s = c.prepareStatement(removeHub)) {
                s.setString(1, subscription);
                s.executeUpdate();
            }
            return;
        }
        try (PreparedStatement s = c.prepareStatement(saveHub)) {
            s.setString(1, subscription);
            s.setString(2, h.hubId());
            s.setString(3, h.callbackUrl());
            s.setString(4, h.callbackToken());
            s.setString(5, h.query());
            s.setObject(6, LeaseTable.at(h.registeredAt()));
            s.executeUpdate();
        }
    }
}
