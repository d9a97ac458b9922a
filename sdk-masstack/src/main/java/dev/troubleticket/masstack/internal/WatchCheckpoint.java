package dev.troubleticket.masstack.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The change watcher's checkpoint: for each followed ticket, the last state seen, a short hash of the
 * last dialog seen, and how many events were emitted for it. Compact text, so that it fits a properties
 * file: {@code v1;RED-84,OPENACTIVE,3f2a9c0d1e4b5a6c,2;RED-85,...} (ids and states URL-encoded).
 */
public final class WatchCheckpoint {
    private static final String VERSION = "v1";

    /**
     * What was last seen of one ticket.
     *
     * @param state      the state as written by the provider
     * @param dialogHash a hash of the last dialog ({@code -} when there was none)
     * @param sequence   how many events were emitted for the ticket so far
     */
    public record Seen(String state, String dialogHash, long sequence) {
    }

    private WatchCheckpoint() {
    }

    /** Reads a checkpoint; {@code null} or unreadable text gives an empty map (everything is seen afresh). */
    public static LinkedHashMap<String, Seen> decode(String checkpoint) {
        LinkedHashMap<String, Seen> seen = new LinkedHashMap<>();
        if (checkpoint == null || !checkpoint.startsWith(VERSION)) {
            return seen;
        }
        String[] entries = checkpoint.split(";");
        for (int i = 1; i < entries.length; i++) {
            String[] parts = entries[i].split(",", -1);
            if (parts.length != 4) {
                continue;
            }
            try {
                seen.put(decodePart(parts[0]), new Seen(decodePart(parts[1]), parts[2], Long.parseLong(parts[3])));
            } catch (RuntimeException unreadable) {
                // A damaged entry means that ticket is seen afresh: at worst one event comes again.
            }
        }
        return seen;
    }

    /** Writes a checkpoint. */
    public static String encode(Map<String, Seen> seen) {
        StringBuilder text = new StringBuilder(VERSION);
        seen.forEach((id, s) -> text.append(';').append(encodePart(id)).append(',').append(encodePart(s.state()))
                .append(',').append(s.dialogHash()).append(',').append(s.sequence()));
        return text.toString();
    }

    /** A short, stable hash of a dialog; {@code -} for none (as {@link FollowedState#hash(String)}). */
    public static String hash(String dialog) {
        return FollowedState.hash(dialog);
    }

    private static String encodePart(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static String decodePart(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
