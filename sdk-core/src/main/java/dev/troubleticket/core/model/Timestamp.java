package dev.troubleticket.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date-time as a provider wrote it, with the instant it stands for when it can be read.
 *
 * <p>Providers write dates in many ways, some malformed (Kosc's {@code 2017-05-09T16:1:04 AM.637766}).
 * Reading never fails: the raw text is always kept, and {@link #instant()} is {@code null} only when the
 * text cannot be read at all. Times without a zone are read in UTC unless another zone is given.
 *
 * <p>The text is read into an instant the first time {@link #instant()} or {@link #isReadable()} is
 * asked, not when the timestamp is made: a feed page carries three dates per event, and most are never
 * looked at. Immutable and thread-safe (two threads may both read the text once; they get equal instants).
 * Two timestamps are equal when their texts and instants are.
 */
public final class Timestamp {

    // Single-digit fields, a stray AM/PM before the fraction, and an optional zone.
    private static final Pattern LENIENT = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})[T ](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?\\s*([AaPp][Mm])?(?:[.,](\\d{1,9}))?\\s*([AaPp][Mm])?\\s*(Z|[+-]\\d{2}:?\\d{2})?");
    /** What {@link #read} holds for a text that cannot be read (so that it is not read again). */
    private static final Object UNREADABLE = new Object();

    private final String raw;
    private final ZoneId defaultZone;
    // null until read, then the Instant or UNREADABLE. Written at most once per thread; Instant is immutable.
    private Object read;

    private Timestamp(String raw, ZoneId defaultZone, Instant instant) {
        this.raw = Objects.requireNonNull(raw, "raw");
        this.defaultZone = defaultZone;
        this.read = instant;
    }

    /** Reads a timestamp; zone-less times are taken as UTC. */
    @JsonCreator
    public static Timestamp parse(String raw) {
        return parse(raw, ZoneOffset.UTC);
    }

    /** Reads a timestamp; zone-less times are taken in {@code defaultZone}. {@code null} stays {@code null}. */
    public static Timestamp parse(String raw, ZoneId defaultZone) {
        if (raw == null) {
            return null;
        }
        return new Timestamp(raw, Objects.requireNonNull(defaultZone, "defaultZone"), null);
    }

    /**
     * Whether {@code text} is an ISO-8601 date-time with an offset ({@code 2025-01-15T10:30:00Z},
     * {@code 2025-01-15T11:30:00+01:00}) exactly as {@link java.time.OffsetDateTime#parse} accepts it: the
     * RFC 3339 dates that providers document for requests.
     */
    public static boolean isOffsetDateTime(String text) {
        if (text == null) {
            return false;
        }
        if (IsoOffsetFastPath.read(text) != null) {
            return true;
        }
        try {
            java.time.OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException notOffset) {
            return false;
        }
    }

    /** A timestamp for an instant, written in ISO-8601. */
    public static Timestamp of(Instant instant) {
        return new Timestamp(instant.toString(), ZoneOffset.UTC, instant);
    }

    /** The text as received. */
    @JsonValue
    public String raw() {
        return raw;
    }

    /** The instant the text stands for, or {@code null} when it cannot be read. */
    public Instant instant() {
        Object value = read;
        if (value == null) {
            // The common exact shape first: no trimming, no general parser.
            Instant fast = IsoOffsetFastPath.read(raw);
            Instant instant = fast != null ? fast : toInstant(raw.trim(), defaultZone);
            value = instant == null ? UNREADABLE : instant;
            read = value;
        }
        return value == UNREADABLE ? null : (Instant) value;
    }

    /** Whether the text could be read. */
    public boolean isReadable() {
        return instant() != null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Timestamp that && raw.equals(that.raw) && Objects.equals(instant(), that.instant());
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }

    private static Instant toInstant(String text, ZoneId zone) {
        Instant fast = IsoOffsetFastPath.read(text);
        if (fast != null) {
            return fast;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            // fall through to the lenient reading
        }
        Matcher m = LENIENT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            int hour = Integer.parseInt(m.group(4));
            String marker = m.group(7) != null ? m.group(7) : m.group(9);
            if (marker != null && hour <= 12) {
                boolean pm = marker.equalsIgnoreCase("pm");
                hour = pm ? (hour % 12) + 12 : hour % 12;
            }
            int nanos = 0;
            if (m.group(8) != null) {
                String fraction = (m.group(8) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(fraction);
            }
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), hour, Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            String offset = m.group(10);
            ZoneId effective = offset == null ? zone : ZoneOffset.of(offset.equals("Z") ? "Z" : normaliseOffset(offset));
            return local.atZone(effective).toInstant();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String normaliseOffset(String offset) {
        return offset.contains(":") ? offset : offset.substring(0, 3) + ":" + offset.substring(3);
    }

    @Override
    public String toString() {
        return raw;
    }
}
