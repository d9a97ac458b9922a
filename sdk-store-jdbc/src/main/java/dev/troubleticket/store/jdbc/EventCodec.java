package dev.troubleticket.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.model.RawPayload;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.store.SubscriptionStoreException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A {@link TicketEvent} as the JSON text the inbox and dead-letter tables keep, with the same fields as the file
 * store's journal: every component, the raw payload's text included, instants as ISO-8601 text (exact to the
 * nanosecond). Reading is forward-compatible: unknown fields are ignored, an unknown kind reads as
 * {@link TicketEvent.Kind#PROVIDER_EVENT} and an unknown status as {@link TicketStatus#UNKNOWN}.
 *
 * <p>Kept as {@code text}, not {@code jsonb}: jsonb refuses a NUL character escaped in a string, which a provider's
 * raw payload may hold.
 */
final class EventCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventCodec() {
    }

    static String write(TicketEvent e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("provider", e.provider());
        text(n, "id", e.id());
        text(n, "ticketId", e.ticketId());
        n.put("kind", e.kind().name());
        text(n, "occurredAt", e.occurredAt() == null ? null : e.occurredAt().toString());
        text(n, "author", e.author());
        text(n, "comment", e.comment());
        text(n, "status", e.status() == null ? null : e.status().name());
        text(n, "providerStatus", e.providerStatus());
        text(n, "providerType", e.providerType());
        ObjectNode raw = n.putObject("raw");
        raw.put("provider", e.raw().provider());
        raw.put("json", e.raw().json());
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot encode a ticket event", ex);
        }
    }

    static TicketEvent read(String json, String where) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (JsonProcessingException ex) {
            throw damaged(where, "it is not JSON");
        }
        if (n == null || !n.isObject() || optional(n, "provider") == null) {
            throw damaged(where, "it has no provider");
        }
        String provider = optional(n, "provider");
        JsonNode raw = n.path("raw");
        Instant occurredAt;
        try {
            String at = optional(n, "occurredAt");
            occurredAt = at == null ? null : Instant.parse(at);
        } catch (DateTimeParseException ex) {
            throw damaged(where, "its occurredAt is not an ISO-8601 instant");
        }
        return new TicketEvent(provider, optional(n, "id"), optional(n, "ticketId"), kind(optional(n, "kind")), occurredAt,
                optional(n, "author"), optional(n, "comment"), status(optional(n, "status")), optional(n, "providerStatus"),
                optional(n, "providerType"),
                raw.isObject() ? new RawPayload(raw.path("provider").asText(provider), optional(raw, "json")) : null);
    }

    private static SubscriptionStoreException damaged(String where, String why) {
        return new SubscriptionStoreException("the event stored in " + where + " cannot be read: " + why
                + "; it was not written by this store (remove or repair the row)");
    }

    private static void text(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static String optional(JsonNode n, String field) {
        JsonNode value = n.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static TicketEvent.Kind kind(String name) {
        if (name != null) {
            for (TicketEvent.Kind kind : TicketEvent.Kind.values()) {
                if (kind.name().equals(name)) {
                    return kind;
                }
            }
        }
        return TicketEvent.Kind.PROVIDER_EVENT;
    }

    private static TicketStatus status(String name) {
        if (name == null) {
            return null;
        }
        TicketStatus status = TicketStatus.fromName(name);
        return status == null ? TicketStatus.UNKNOWN : status;
    }
}
