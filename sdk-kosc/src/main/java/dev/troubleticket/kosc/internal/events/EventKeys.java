package dev.troubleticket.kosc.internal.events;

import dev.troubleticket.kosc.model.KoscEvent;
import dev.troubleticket.kosc.model.KoscTicketEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a Kosc event in a subscription, stable across reads and restarts: the seen window drops repeats
 * by it. An event Kosc sent without its id is known by a digest of its JSON.
 */
final class EventKeys {
    private EventKeys() {
    }

    /** {@code ticket-event:<ticketId>:<eventId>}. */
    static String ticketEvent(String ticketId, KoscTicketEvent event) {
        String id = event.id() == null ? null : event.id().raw();
        if (id == null || id.isEmpty()) {
            id = "~" + digest(event.rawJson() == null ? String.valueOf(event) : event.rawJson());
        }
        return "ticket-event:" + ticketId + ":" + id;
    }

    /** {@code feed:<event_uuid>}. */
    static String feedEvent(KoscEvent event) {
        if (event.eventUuid() != null && !event.eventUuid().isEmpty()) {
            return "feed:" + event.eventUuid();
        }
        return "feed:~" + digest(event.rawJson() == null ? String.valueOf(event) : event.rawJson());
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
