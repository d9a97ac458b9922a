package dev.troubleticket.nexera.internal.events;

import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.nexera.internal.NeutralMapping;
import dev.troubleticket.core.subscription.spi.Inbox;
import dev.troubleticket.core.subscription.store.StoredEvent;
import dev.troubleticket.nexera.listener.MalformedEventException;
import dev.troubleticket.nexera.listener.Tmf621Event;
import dev.troubleticket.nexera.listener.Tmf621EventSink;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * The sink of a durable subscription's receiver: writes each notification to the store's inbox, as the neutral
 * event, before the receiver answers the provider. Its key is the TMF event id (a hash of the body when the server
 * sends none), so that a notification sent again is recognised in the inbox or the seen window; its lane is the
 * ticket, so that one ticket's events are handled in order.
 */
final class InboxWriter implements Tmf621EventSink {
    /** Marks a key derived from the body, so that it never equals an event id a server sends. */
    static final String BODY_HASH_PREFIX = "body-sha256:";

    private final Inbox inbox;
    private final NeutralMapping mapping;
    private final Clock clock;
    private volatile boolean open = true;

    InboxWriter(Inbox inbox, NeutralMapping mapping, Clock clock) {
        this.inbox = inbox;
        this.mapping = mapping;
        this.clock = clock;
    }

    @Override
    public boolean take(Tmf621Event event) {
        if (!open) {
            // Stopped: the provider sends it again, to the next start.
            throw new IllegalStateException("the subscription is stopped");
        }
        return inbox.offer(stored(event));
    }

    /** Refuses every notification from now on (answered 503), so that none is taken by a stopped subscription. */
    void close() {
        open = false;
    }

    StoredEvent stored(Tmf621Event notification) {
        String key = keyOf(notification);
        TicketEvent event;
        try {
            event = mapping.toEvent(notification);
        } catch (RuntimeException e) {
            // It would fail the same way each time the provider sent it again.
            throw new MalformedEventException("the notification cannot be read as a ticket event: " + e, e);
        }
        if (event.id() == null) {
            event = new TicketEvent(event.provider(), key, event.ticketId(), event.kind(), event.occurredAt(), event.author(),
                    event.comment(), event.status(), event.providerStatus(), event.providerType(), event.raw());
        }
        String ticket = event.ticketId();
        return new StoredEvent(key, ticket == null || ticket.isBlank() ? key : ticket, event, clock.instant());
    }

    /** The event id, or a hash of the body as received when there is none (the provider resends the same body). */
    static String keyOf(Tmf621Event event) {
        String id = event.eventId();
        if (id != null && !id.isBlank()) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(event.raw().json().getBytes(StandardCharsets.UTF_8));
            return BODY_HASH_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
