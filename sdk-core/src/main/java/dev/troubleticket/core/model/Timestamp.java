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
 * @param raw     the text as received
 * @param instant the instant, or {@code null} when unreadable
 */
public record Timestamp(String raw, Instant instant) {

    // Single-digit fields, a stray AM/PM before the fraction, and an optional zone.
    private static final Pattern LENIENT = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})[T ](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?\\s*([AaPp][Mm])?(?:[.,](\\d{1,9}))?\\s*([AaPp][Mm])?\\s*(Z|[+-]\\d{2}:?\\d{2})?");

    public Timestamp {
        Objects.requireNonNull(raw, "raw");
    }

    /** Reads a timestamp; zone-less times are taken as UTC. */
    @JsonCreator
    public static Timestamp parse(String raw) {
        return parse(raw, ZoneOffset.UTC);
    }

    /** Reads a timestamp; zone-less times are taken in {@code defaultZone}. */
    public static Timestamp parse(String raw, ZoneId defaultZone) {
        if (raw == null) {
            return null;
        }
        return new Timestamp(raw, toInstant(raw.trim(), defaultZone));
    }

    /** A timestamp for an instant, written in ISO-8601. */
    public static Timestamp of(Instant instant) {
        return new Timestamp(instant.toString(), instant);
    }

    /** Whether the text could be read. */
    public boolean isReadable() {
        return instant != null;
    }

    @JsonValue
    @Override
    public String raw() {
        return raw;
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
