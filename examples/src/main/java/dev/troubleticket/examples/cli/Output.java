package dev.troubleticket.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.troubleticket.core.model.AllowedTransition;
import dev.troubleticket.core.model.RawPayload;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.store.DeadLetter;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints tickets and events as JSON lines (one object per line, for scripts) or as a table (for people).
 * JSON carries {@code id}, the neutral {@code status}, the provider's own {@code providerStatus}, and the
 * provider's whole payload under {@code provider}.
 */
final class Output {
    /** The two formats. */
    enum Format { JSON, TABLE }

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());

    private final PrintWriter out;
    private final PrintWriter err;
    private final Format format;
    private final List<String[]> rows = new ArrayList<>();
    private String[] header;

    Output(PrintWriter out, PrintWriter err, Format format) {
        this.out = out;
        this.err = err;
        this.format = format;
    }

    /** JSON unless asked otherwise, or a table when printing to a terminal. */
    static Format choose(String requested) {
        if (requested == null || requested.isBlank()) {
            return System.console() != null ? Format.TABLE : Format.JSON;
        }
        return switch (requested.toLowerCase(java.util.Locale.ROOT)) {
            case "json" -> Format.JSON;
            case "table" -> Format.TABLE;
            default -> throw new UsageException("unknown output format '" + requested + "': use json or table");
        };
    }

    void ticket(Ticket t) {
        if (format == Format.JSON) {
            ObjectNode node = MAPPER.createObjectNode();
            node.put("id", t.id());
            node.put("status", t.status().name());
            node.put("providerStatus", t.providerStatus());
            node.put("providerName", t.provider());
            node.put("externalReference", t.externalReference());
            node.put("title", t.title());
            node.put("description", t.description());
            node.put("category", t.category());
            node.put("priority", t.priority() == null ? null : t.priority().level().name());
            node.put("serviceId", t.serviceId());
            node.put("createdAt", text(t.createdAt()));
            node.put("updatedAt", text(t.updatedAt()));
            node.set("provider", raw(t.raw()));
            line(node);
        } else {
            row(new String[] {"ID", "STATUS", "PROVIDER STATUS", "REFERENCE", "UPDATED", "DESCRIPTION"},
                    new String[] {t.id(), t.status().name(), t.providerStatus(), t.externalReference(), text(t.updatedAt()),
                            shorten(t.title() != null ? t.title() : t.description(), 40)});
        }
    }

    void event(TicketEvent e) {
        if (format == Format.JSON) {
            line(eventNode(e));
        } else {
            row(new String[] {"WHEN", "TICKET", "KIND", "STATUS", "PROVIDER TYPE", "AUTHOR", "COMMENT"},
                    new String[] {text(e.occurredAt()), e.ticketId(), e.kind().name(), e.status() == null ? "" : e.status().name(),
                            e.providerType() == null ? e.providerStatus() : e.providerType(), e.author(), shorten(e.comment(), 50)});
        }
    }

    /** A dead letter: its key (what a replay takes), ticket, error, attempts, when parked, and in JSON the whole event. */
    void deadLetter(DeadLetter d) {
        if (format == Format.JSON) {
            ObjectNode node = MAPPER.createObjectNode();
            node.put("key", d.key());
            node.put("ticketId", d.event().ticketId());
            node.put("error", d.error());
            node.put("attempts", d.attempts());
            node.put("parkedAt", text(d.parkedAt()));
            node.set("event", eventNode(d.event()));
            line(node);
        } else {
            row(new String[] {"KEY", "TICKET", "ERROR", "ATTEMPTS", "PARKED AT"},
                    new String[] {d.key(), d.event().ticketId(), shorten(d.error(), 60), String.valueOf(d.attempts()), text(d.parkedAt())});
        }
    }

    private static ObjectNode eventNode(TicketEvent e) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", e.id());
        node.put("ticketId", e.ticketId());
        node.put("kind", e.kind().name());
        node.put("occurredAt", text(e.occurredAt()));
        node.put("author", e.author());
        node.put("comment", e.comment());
        node.put("status", e.status() == null ? null : e.status().name());
        node.put("providerStatus", e.providerStatus());
        node.put("providerType", e.providerType());
        node.put("providerName", e.provider());
        node.set("provider", raw(e.raw()));
        return node;
    }

    void transition(AllowedTransition t) {
        if (format == Format.JSON) {
            ObjectNode node = MAPPER.createObjectNode();
            node.put("status", t.target().name());
            node.put("providerAction", t.providerAction());
            node.put("description", t.description());
            node.put("needsComment", t.needsComment());
            line(node);
        } else {
            row(new String[] {"STATUS", "PROVIDER ACTION", "NEEDS COMMENT", "DESCRIPTION"},
                    new String[] {t.target().name(), t.providerAction(), t.needsComment() ? "yes" : "no", t.description()});
        }
    }

    /**
     * Says that there is nothing to show: on stdout in a table (it is for people), on stderr with JSON lines, so that
     * a script reading stdout gets no line that is not an object.
     */
    void nothing(String sentence) {
        if (format == Format.TABLE) {
            out.println(sentence);
            out.flush();
        } else {
            err.println("ticketctl: " + sentence);
            err.flush();
        }
    }

    /** Prints a table now (JSON lines are printed as they come). */
    void flush() {
        if (format == Format.TABLE && header != null) {
            out.print(Table.render(header, rows));
            rows.clear();
        }
        out.flush();
    }

    private void row(String[] columns, String[] values) {
        header = columns;
        rows.add(values);
    }

    private void line(JsonNode node) {
        out.println(node.toString());
        out.flush();
    }

    private static JsonNode raw(RawPayload raw) {
        try {
            return MAPPER.readTree(raw.json());
        } catch (Exception notJson) {
            return TextNode.valueOf(raw.json());
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
