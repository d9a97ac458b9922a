package dev.troubleticket.core.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads the one shape nearly every provider date has, {@code 2026-11-23T06:46:40.938515Z} or with an
 * offset {@code +01:00}, digit by digit. {@code OffsetDateTime.parse} spends most of a feed page's
 * reading time on it (its general formatter fills and copies hash maps for every field); this path gives
 * the same instant for the same text, and answers {@code null} for anything else, leaving it to the
 * general reading.
 */
final class IsoOffsetFastPath {
    private IsoOffsetFastPath() {
    }

    /** The instant of {@code text} when it is {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)} and valid, else {@code null}. */
    static Instant read(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            int count = at - start;
            if (count < 1 || count > 9) {
                return null;
            }
            nanos = digits(text, start, count);
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(text, at);
        if (offset == null) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
        } catch (DateTimeException invalid) {
            // Out-of-range fields: the general reading decides, exactly as before.
            return null;
        }
    }

    private static ZoneOffset offset(String text, int at) {
        int rest = text.length() - at;
        if (rest == 1 && text.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (rest != 6 || (text.charAt(at) != '+' && text.charAt(at) != '-') || text.charAt(at + 3) != ':') {
            return null;
        }
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
            return null;
        }
        int sign = text.charAt(at) == '-' ? -1 : 1;
        try {
            return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60));
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    /** The number written by {@code count} ASCII digits at {@code from}, or {@code -1}. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
