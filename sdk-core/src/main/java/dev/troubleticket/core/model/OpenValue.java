package dev.troubleticket.core.model;

import java.util.List;

/**
 * A provider's value from a set that grows without notice (a status, a ticket type, a severity), kept as
 * the provider's text so that a value this SDK version does not know never fails an answer. The adapters'
 * string-backed value records implement it; their documented values are constants beside it.
 */
public interface OpenValue {

    /** The provider's text, exactly as on the wire. */
    String value();

    /** Whether this names the same value as {@code other}, ignoring case (servers differ in case). */
    default boolean sameValueAs(OpenValue other) {
        return other != null && value().equalsIgnoreCase(other.value());
    }

    /**
     * The constant among {@code known} that names the same value as {@code value}, ignoring case, or
     * {@code null} when the value is not one of them.
     */
    static <T extends OpenValue> T canonical(String value, List<T> known) {
        // Nearly always written exactly as documented: the exact comparison first is the cheaper one.
        for (T candidate : known) {
            if (candidate.value().equals(value)) {
                return candidate;
            }
        }
        for (T candidate : known) {
            if (candidate.value().equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        return null;
    }
}
