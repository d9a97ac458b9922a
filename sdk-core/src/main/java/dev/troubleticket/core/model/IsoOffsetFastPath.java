package dev.troubleticket.core.model;

import java.time.Instant;

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
            // One pass: digits read as they are scanned, then scaled once from a table (cheaper than a second pass
            // and a multiply loop per missing digit; benchmarks/RESULTS.md has the figures).
            int start = ++at;
            for (int digit; at < length && (digit = text.charAt(at) - '0') >= 0 && digit <= 9; at++) {
                if (at - start == 9) {
                    return null;
                }
                nanos = nanos * 10 + digit;
            }
            int count = at - start;
            if (count < 1) {
                return null;
            }
            nanos *= NANO_SCALE[count];
        }
        int offsetSeconds = offsetSeconds(text, at);
        if (offsetSeconds == NO_OFFSET || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
                || hour > 23 || minute > 59 || second > 59) {
            // Out-of-range fields: the general reading decides, exactly as before.
            return null;
        }
        // Arithmetic rather than LocalDateTime.of(...).toInstant(offset): no objects and no range tables
        // for a value already checked above; IsoOffsetFastPathTest compares both on random dates.
        long epochSecond = epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** Days from 1970-01-01 to a valid proleptic Gregorian date (the algorithm of {@code LocalDate.toEpochDay}). */
    private static long epochDay(int year, int month, int day) {
        // In int: a four-digit year's days fit, and 32-bit divisions are the cheaper ones.
        int y = year;
        int total = 365 * y;
        total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeap(year)) {
                total--;
            }
        }
        return total - DAYS_0000_TO_1970;
    }

    /** What a fraction of {@code n} digits is multiplied by to make nanoseconds. */
    private static final int[] NANO_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};
    private static final long DAYS_0000_TO_1970 = (146_097L * 5L) - (30L * 365L + 7L);
    private static final int NO_OFFSET = Integer.MIN_VALUE;

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The offset's seconds east of UTC for {@code Z} or {@code ±HH:MM} ending the text, else {@link #NO_OFFSET}. */
    private static int offsetSeconds(String text, int at) {
        int rest = text.length() - at;
        if (rest == 1 && text.charAt(at) == 'Z') {
            return 0;
        }
        if (rest != 6 || (text.charAt(at) != '+' && text.charAt(at) != '-') || text.charAt(at + 3) != ':') {
            return NO_OFFSET;
        }
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        // ZoneOffset's own limit: up to 18:00 either way.
        if ((hours | minutes) < 0 || hours > 18 || minutes > 59 || (hours == 18 && minutes > 0)) {
            return NO_OFFSET;
        }
        int seconds = hours * 3600 + minutes * 60;
        return text.charAt(at) == '-' ? -seconds : seconds;
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
