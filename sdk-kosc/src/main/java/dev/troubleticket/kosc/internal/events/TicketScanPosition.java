package dev.troubleticket.kosc.internal.events;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where the Kosc ticket stream ({@link TicketEventSource}) stands between two polls, and its text form in the
 * subscription store.
 *
 * <p>The ticket list is newest-modified first. A scan reads it from the top down to the {@code mark}; what a poll
 * could not read (it stops after a bounded number of pages) is the backlog under {@code cursor}, read by the next
 * polls. The mark moves to {@code scanTop} only when the scan reached it.
 *
 * <p>Text: {@code v2 m=<mark> mk=<ticket> h=<horizon> t=<scanTop> tk=<ticket> c=<cursor>}, each part left out when
 * absent, instants in ISO form, ticket ids and the cursor percent-encoded. A bare ISO instant (the checkpoint of
 * the ticket subscription replaced before the first release: the creation instant of the last handled event) reads as
 * mark and horizon.
 *
 * @param mark          tickets modified before it were read by a completed scan; {@code null} before the first one
 *                      (the scan then reads the whole list)
 * @param markTicket    the ticket whose modification is the mark, read by the scan that set it: not read again while
 *                      its modification is still the mark
 * @param horizon       events created before it are not handed over (they were); {@code null} for every event. It
 *                      stays behind the mark until a scan is known to have been overtaken by no ticket
 * @param scanTop       the newest modification when the scan in progress began, or {@code null}
 * @param scanTopTicket the ticket that had it
 * @param cursor        the {@code sort_value} the scan in progress goes on after; {@code null} when none is in progress
 */
record TicketScanPosition(Instant mark, String markTicket, Instant horizon, Instant scanTop, String scanTopTicket,
                          String cursor) {
    private static final String VERSION = "v2";

    /** The position of a stream that has not read anything yet: {@code start} is the first mark, or the beginning. */
    static TicketScanPosition startingAt(Instant start) {
        return new TicketScanPosition(start, null, start, null, null, null);
    }

    /** Whether a scan is in progress (a backlog is left under {@link #cursor()}). */
    boolean scanning() {
        return cursor != null;
    }

    /** The same scan, to go on after {@code nextCursor}. */
    TicketScanPosition continuing(Instant top, String topTicket, String nextCursor) {
        return new TicketScanPosition(mark, markTicket, horizon, top, topTicket, nextCursor);
    }

    /**
     * The position once the scan reached the mark: the mark moves up to the scan's top, and the horizon with it
     * only when no ticket overtook the scan ({@code clean}); otherwise an overtaking ticket's older events are still
     * to be handed over by a later scan, and the horizon stays.
     */
    TicketScanPosition completed(Instant top, String topTicket, boolean clean) {
        Instant nextMark = mark;
        String nextMarkTicket = markTicket;
        if (top != null && (mark == null || !top.isBefore(mark))) {
            nextMark = top;
            nextMarkTicket = topTicket;
        }
        return new TicketScanPosition(nextMark, nextMarkTicket, clean ? nextMark : horizon, null, null, null);
    }

    /** The text stored for this position. */
    String encode() {
        StringBuilder text = new StringBuilder(VERSION);
        part(text, "m", mark == null ? null : mark.toString());
        part(text, "mk", escape(markTicket));
        part(text, "h", horizon == null ? null : horizon.toString());
        part(text, "t", scanTop == null ? null : scanTop.toString());
        part(text, "tk", escape(scanTopTicket));
        part(text, "c", escape(cursor));
        return text.toString();
    }

    private static void part(StringBuilder text, String name, String value) {
        if (value != null) {
            text.append(' ').append(name).append('=').append(value);
        }
    }

    /**
     * Reads a stored position: this version's text, or a bare ISO instant (the former checkpoint).
     *
     * @throws IllegalArgumentException when it is neither, with what to do
     */
    static TicketScanPosition parse(String text) {
        String trimmed = text.trim();
        if (!trimmed.equals(VERSION) && !trimmed.startsWith(VERSION + " ")) {
            try {
                return startingAt(Instant.parse(trimmed));
            } catch (DateTimeParseException notAnInstant) {
                throw unreadable(text, "it is neither a position of this version (" + VERSION + " ...) nor an ISO instant");
            }
        }
        Instant mark = null;
        Instant horizon = null;
        Instant scanTop = null;
        String markTicket = null;
        String scanTopTicket = null;
        String cursor = null;
        for (String part : trimmed.substring(VERSION.length()).trim().split(" +")) {
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            if (equals < 1) {
                throw unreadable(text, "part '" + part + "' is not name=value");
            }
            String value = part.substring(equals + 1);
            switch (part.substring(0, equals)) {
                case "m" -> mark = instant(text, value);
                case "mk" -> markTicket = unescape(text, value);
                case "h" -> horizon = instant(text, value);
                case "t" -> scanTop = instant(text, value);
                case "tk" -> scanTopTicket = unescape(text, value);
                case "c" -> cursor = unescape(text, value);
                default -> throw unreadable(text, "part '" + part + "' is not one this version knows (m, mk, h, t, tk, c)");
            }
        }
        if (horizon != null && (mark == null || horizon.isAfter(mark))) {
            throw unreadable(text, "its horizon is after its mark");
        }
        return new TicketScanPosition(mark, markTicket, horizon, scanTop, scanTopTicket, cursor);
    }

    private static Instant instant(String text, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw unreadable(text, "'" + value + "' is not an ISO instant");
        }
    }

    private static IllegalArgumentException unreadable(String text, String why) {
        return new IllegalArgumentException("the stored position of the Kosc ticket stream cannot be read (" + why + "): '"
                + text + "'. Remove it from the subscription store to start again from the subscription's start position,"
                + " or use the store and SDK version that wrote it");
    }

    private static String escape(String value) {
        return value == null ? null : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String text, String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unreadable(text, "'" + value + "' is not percent-encoded");
        }
    }

    @Override
    public String toString() {
        return encode();
    }
}
