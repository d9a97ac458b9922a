package dev.troubleticket.core.model;

import java.util.Locale;
import java.util.Objects;

/**
 * How urgent a ticket is, in neutral terms and in the provider's own words.
 *
 * @param level         the neutral level
 * @param providerValue the provider's own value ({@code "low"}, {@code "1"}, {@code "7"}), or {@code null}
 */
public record Priority(Level level, String providerValue) {

    /** Neutral urgency levels, from most to least urgent. */
    public enum Level {
        /** Service down for many clients: act at once. */
        CRITICAL,
        /** Serious, act soon. */
        HIGH,
        /** The usual urgency. */
        MEDIUM,
        /** Can wait. */
        LOW,
        /** A provider value this version cannot place on the scale (kept in {@code providerValue}). */
        UNKNOWN
    }

    /** Refuses a priority without a level. */
    public Priority {
        Objects.requireNonNull(level, "level");
    }

    /** A neutral priority with no provider value yet; the adapter chooses the provider's value. */
    public static Priority of(Level level) {
        return new Priority(level, null);
    }

    /** Parses a neutral level name; unknown text gives {@link Level#UNKNOWN} with the text kept. */
    public static Priority parse(String text) {
        if (text == null) {
            return new Priority(Level.UNKNOWN, null);
        }
        try {
            return new Priority(Level.valueOf(text.trim().toUpperCase(Locale.ROOT)), null);
        } catch (IllegalArgumentException e) {
            return new Priority(Level.UNKNOWN, text);
        }
    }
}
