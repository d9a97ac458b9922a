package dev.troubleticket.masstack.internal.events;

import dev.troubleticket.masstack.model.MasStackTicket;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What was last seen of a followed ticket: its state, a short hash of its dialog, and how many events were
 * reported for it. Kept in the subscription store as the compact text of
 * {@link dev.troubleticket.core.subscription.store.FollowedTicket#state()}, {@code OPENACTIVE,3f2a9c0d1e4b5a6c,2}
 * (the state URL-encoded), a few dozen bytes whatever the number of tickets followed.
 *
 * @param state      the state as the provider wrote it ({@code null} when the ticket had none)
 * @param dialogHash {@link #hash(String)} of the last dialog
 * @param events     how many events were reported for the ticket so far
 */
record FollowedState(String state, String dialogHash, long events) {

    /** What a ticket shows now, {@code events} events into its following. */
    public static FollowedState of(MasStackTicket ticket, long events) {
        return new FollowedState(ticket.baseTroubleTicketState(), hash(ticket.dialog()), events);
    }

    /** A ticket just opened with {@code state} and {@code dialog}: nothing reported yet. */
    public static FollowedState opened(String state, String dialog) {
        return new FollowedState(state, hash(dialog), 0);
    }

    /** The compact text kept in the store. */
    public String encode() {
        return URLEncoder.encode(state == null ? "" : state, StandardCharsets.UTF_8) + ',' + dialogHash + ',' + events;
    }

    /**
     * Reads {@link #encode()}'s text; {@code null} for none (a ticket not read yet) and for text that cannot be
     * read, so that the ticket is seen afresh (at worst one event comes again, as {@code observed}).
     */
    public static FollowedState decode(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return null;
        }
        try {
            String state = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            long events = Long.parseLong(parts[2]);
            return events < 0 ? null : new FollowedState(state.isEmpty() ? null : state, parts[1], events);
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    /** A short, stable hash of a dialog; {@code -} for none. */
    public static String hash(String dialog) {
        if (dialog == null) {
            return "-";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(dialog.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
