package dev.troubleticket.core.subscription.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.model.RawPayload;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The journal's line format: {@code <crc32c of the JSON, 8 hex digits> <one JSON object>\n}. The JSON holds every
 * field of what it records (an event's {@code raw} text included, instants as ISO-8601 text); Jackson escapes line
 * breaks inside strings, so a record is always one line.
 *
 * <p>Reading is forward-compatible where it can be: unknown fields are ignored, an unknown event kind reads as
 * {@link TicketEvent.Kind#PROVIDER_EVENT} and an unknown status as {@link TicketStatus#UNKNOWN} (the provider's own
 * status name is kept beside it).
 */
final class JournalCodec {
    /** The journal format's version, in its first line. */
    static final int VERSION = 1;
    /** What the first line says the file is. */
    static final String FORMAT = "trouble-ticket subscription store";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private JournalCodec() {
    }

    /**
     * A line that cannot be read. Either it is not whole (no checksum, or one that does not match: what a write cut
     * short leaves), or it is whole but holds what this version cannot read ({@link #whole()}).
     */
    static final class DamagedRecord extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean whole;

        DamagedRecord(String reason) {
            this(reason, true);
        }

        private DamagedRecord(String reason, boolean whole) {
            super(reason, null, false, false);
            this.whole = whole;
        }

        /** Whether the line was written whole (its checksum matches), so that no crash explains it. */
        boolean whole() {
            return whole;
        }

        static DamagedRecord notWhole(String reason) {
            return new DamagedRecord(reason, false);
        }
    }

    // ------------------------------------------------------------------ lines

    /** The journal's first line. */
    static byte[] headerLine() {
        return line(json(g -> {
            g.writeStringField("journal", FORMAT);
            g.writeNumberField("version", VERSION);
        }));
    }

    /** One record as a journal line, newline included. */
    static byte[] line(JournalRecord record) {
        return line(json(g -> write(g, record)));
    }

    /**
     * Reads the header line's JSON and answers its version.
     *
     * @throws DamagedRecord when the line is not a journal header
     */
    static int headerVersion(byte[] line, int length) throws DamagedRecord {
        JsonNode header = parse(line, length);
        if (!FORMAT.equals(header.path("journal").asText(null)) || !header.path("version").canConvertToInt()) {
            throw new DamagedRecord("it is not a journal header");
        }
        return header.path("version").asInt();
    }

    /**
     * Reads one journal line (without its newline).
     *
     * @throws DamagedRecord when the checksum does not match or the record cannot be read
     */
    static JournalRecord read(byte[] line, int length) throws DamagedRecord {
        return record(parse(line, length));
    }

    private static byte[] line(byte[] json) {
        CRC32C crc = new CRC32C();
        crc.update(json);
        long value = crc.getValue();
        byte[] line = new byte[9 + json.length + 1];
        for (int i = 7; i >= 0; i--) {
            line[i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
        line[8] = ' ';
        System.arraycopy(json, 0, line, 9, json.length);
        line[line.length - 1] = '\n';
        return line;
    }

    private static JsonNode parse(byte[] line, int length) throws DamagedRecord {
        if (length < 11 || line[8] != ' ') {
            throw DamagedRecord.notWhole(length == 0 ? "it is empty" : "it is not a checksum and a record");
        }
        long expected;
        try {
            expected = Long.parseLong(new String(line, 0, 8, StandardCharsets.US_ASCII), 16);
        } catch (NumberFormatException e) {
            throw DamagedRecord.notWhole("it does not start with a checksum");
        }
        CRC32C crc = new CRC32C();
        crc.update(line, 9, length - 9);
        if (crc.getValue() != expected) {
            throw DamagedRecord.notWhole("its checksum does not match its content");
        }
        try {
            JsonNode node = MAPPER.readTree(Arrays.copyOfRange(line, 9, length));
            if (node == null || !node.isObject()) {
                throw new DamagedRecord("it is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new DamagedRecord("it is not JSON");
        }
    }

    // ------------------------------------------------------------------ writing

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] json(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a journal record", e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, JournalRecord record) throws IOException {
        if (record instanceof JournalRecord.Grant r) {
            type(g, "grant", r.subscription());
            g.writeNumberField("token", r.token());
        } else if (record instanceof JournalRecord.Committed r) {
            Commit c = r.commit();
            type(g, "commit", c.subscription());
            text(g, "eventKey", c.eventKey());
            text(g, "stream", c.stream());
            text(g, "position", c.position());
            if (c.followed() != null) {
                g.writeFieldName("followed");
                followed(g, c.followed());
            }
            text(g, "unfollow", c.unfollow());
            text(g, "inboxDone", c.inboxDone());
            if (c.deadLetter() != null) {
                g.writeFieldName("deadLetter");
                deadLetter(g, c.deadLetter());
            }
        } else if (record instanceof JournalRecord.Follow r) {
            type(g, "follow", r.subscription());
            g.writeFieldName("ticket");
            followed(g, r.ticket());
        } else if (record instanceof JournalRecord.Unfollow r) {
            type(g, "unfollow", r.subscription());
            text(g, "ticketId", r.ticketId());
        } else if (record instanceof JournalRecord.Hub r) {
            type(g, "hub", r.subscription());
            if (r.registration() != null) {
                HubRegistration h = r.registration();
                g.writeObjectFieldStart("registration");
                text(g, "hubId", h.hubId());
                text(g, "callbackUrl", h.callbackUrl());
                text(g, "callbackToken", h.callbackToken());
                text(g, "query", h.query());
                instant(g, "registeredAt", h.registeredAt());
                g.writeEndObject();
            }
        } else if (record instanceof JournalRecord.InboxAdd r) {
            type(g, "inbox", r.subscription());
            StoredEvent e = r.event();
            g.writeObjectFieldStart("event");
            text(g, "key", e.key());
            text(g, "lane", e.lane());
            g.writeFieldName("event");
            event(g, e.event());
            instant(g, "receivedAt", e.receivedAt());
            g.writeEndObject();
        } else if (record instanceof JournalRecord.DeadLetterRemoved r) {
            type(g, "deadLetterRemoved", r.subscription());
            text(g, "key", r.key());
        }
    }

    private static void type(JsonGenerator g, String type, String subscription) throws IOException {
        g.writeStringField("type", type);
        g.writeStringField("subscription", subscription);
    }

    private static void followed(JsonGenerator g, FollowedTicket t) throws IOException {
        g.writeStartObject();
        text(g, "ticketId", t.ticketId());
        text(g, "state", t.state());
        instant(g, "followedAt", t.followedAt());
        g.writeEndObject();
    }

    private static void deadLetter(JsonGenerator g, DeadLetter d) throws IOException {
        g.writeStartObject();
        text(g, "key", d.key());
        g.writeFieldName("event");
        event(g, d.event());
        text(g, "error", d.error());
        g.writeNumberField("attempts", d.attempts());
        instant(g, "parkedAt", d.parkedAt());
        g.writeEndObject();
    }

    private static void event(JsonGenerator g, TicketEvent e) throws IOException {
        g.writeStartObject();
        text(g, "provider", e.provider());
        text(g, "id", e.id());
        text(g, "ticketId", e.ticketId());
        text(g, "kind", e.kind().name());
        instant(g, "occurredAt", e.occurredAt());
        text(g, "author", e.author());
        text(g, "comment", e.comment());
        text(g, "status", e.status() == null ? null : e.status().name());
        text(g, "providerStatus", e.providerStatus());
        text(g, "providerType", e.providerType());
        g.writeObjectFieldStart("raw");
        text(g, "provider", e.raw().provider());
        text(g, "json", e.raw().json());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void instant(JsonGenerator g, String name, Instant value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.toString());
        }
    }

    // ------------------------------------------------------------------ reading

    private static JournalRecord record(JsonNode n) throws DamagedRecord {
        String type = required(n, "type");
        String subscription = required(n, "subscription");
        return switch (type) {
            case "grant" -> {
                if (!n.path("token").canConvertToLong()) {
                    throw new DamagedRecord("its token is missing");
                }
                yield new JournalRecord.Grant(subscription, n.path("token").asLong());
            }
            case "commit" -> {
                String stream = optional(n, "stream");
                String position = optional(n, "position");
                if ((stream == null) != (position == null)) {
                    throw new DamagedRecord("it has a stream without a position, or a position without a stream");
                }
                JsonNode followed = n.get("followed");
                JsonNode letter = n.get("deadLetter");
                yield new JournalRecord.Committed(new Commit(subscription, optional(n, "eventKey"), stream, position,
                        followed == null ? null : followed(followed), optional(n, "unfollow"), optional(n, "inboxDone"),
                        letter == null ? null : deadLetter(letter)));
            }
            case "follow" -> new JournalRecord.Follow(subscription, followed(object(n, "ticket")));
            case "unfollow" -> new JournalRecord.Unfollow(subscription, required(n, "ticketId"));
            case "hub" -> {
                JsonNode h = n.get("registration");
                yield new JournalRecord.Hub(subscription, h == null || h.isNull() ? null
                        : new HubRegistration(optional(h, "hubId"), required(h, "callbackUrl"), optional(h, "callbackToken"),
                                optional(h, "query"), requiredInstant(h, "registeredAt")));
            }
            case "inbox" -> {
                JsonNode e = object(n, "event");
                yield new JournalRecord.InboxAdd(subscription, new StoredEvent(required(e, "key"), required(e, "lane"),
                        event(object(e, "event")), requiredInstant(e, "receivedAt")));
            }
            case "deadLetterRemoved" -> new JournalRecord.DeadLetterRemoved(subscription, required(n, "key"));
            default -> throw new DamagedRecord("its type '" + type + "' is not one this SDK version writes");
        };
    }

    private static FollowedTicket followed(JsonNode n) throws DamagedRecord {
        return new FollowedTicket(required(n, "ticketId"), optional(n, "state"), requiredInstant(n, "followedAt"));
    }

    private static DeadLetter deadLetter(JsonNode n) throws DamagedRecord {
        return new DeadLetter(required(n, "key"), event(object(n, "event")), optional(n, "error"), n.path("attempts").asInt(),
                requiredInstant(n, "parkedAt"));
    }

    private static TicketEvent event(JsonNode n) throws DamagedRecord {
        String provider = required(n, "provider");
        JsonNode raw = n.path("raw");
        return new TicketEvent(provider, optional(n, "id"), optional(n, "ticketId"), kind(optional(n, "kind")),
                optionalInstant(n, "occurredAt"), optional(n, "author"), optional(n, "comment"), status(optional(n, "status")),
                optional(n, "providerStatus"), optional(n, "providerType"),
                raw.isObject() ? new RawPayload(raw.path("provider").asText(provider), optional(raw, "json")) : null);
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

    private static JsonNode object(JsonNode n, String field) throws DamagedRecord {
        JsonNode value = n.get(field);
        if (value == null || !value.isObject()) {
            throw new DamagedRecord("its field '" + field + "' is missing");
        }
        return value;
    }

    private static String required(JsonNode n, String field) throws DamagedRecord {
        String value = optional(n, field);
        if (value == null) {
            throw new DamagedRecord("its field '" + field + "' is missing");
        }
        return value;
    }

    private static String optional(JsonNode n, String field) {
        JsonNode value = n.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant requiredInstant(JsonNode n, String field) throws DamagedRecord {
        Instant value = optionalInstant(n, field);
        if (value == null) {
            throw new DamagedRecord("its field '" + field + "' is missing");
        }
        return value;
    }

    private static Instant optionalInstant(JsonNode n, String field) throws DamagedRecord {
        String text = optional(n, field);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new DamagedRecord("its field '" + field + "' is not an ISO-8601 instant");
        }
    }
}
