package dev.troubleticket.core.model;

import java.util.List;

/**
 * A provider's value from a set that grows without notice (a status, a ticket type, a severity), kept as
 * the provider's text so that a value this SDK version does not know never fails an answer. The adapters'
 * string-backed value records implement it; their documented values are constants beside it.
 *
 * <p>One rule for every such value: it keeps the text exactly as received, and it names a documented value
 * when the two are equal ignoring case and surrounding blanks (servers differ in both). Its record's
 * {@code canonical()} gives that documented constant, {@code isKnown()} whether there is one, and
 * {@code is(other)} compares two values by this rule.
 */
public interface OpenValue {

    /** The provider's text, exactly as on the wire. */
    String value();

    /** Whether this names the same value as {@code other}, by the rule above. */
    default boolean sameValueAs(OpenValue other) {
        return other != null && same(value(), other.value());
    }

    /** Whether two provider texts name the same value: equal ignoring case and surrounding blanks. */
    static boolean same(String a, String b) {
        return a.equals(b) || a.strip().equalsIgnoreCase(b.strip());
    }

    /**
     * The constant among {@code known} that names the same value as {@code value} by the rule above, or
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
            if (same(candidate.value(), value)) {
                return candidate;
            }
        }
        return null;
    }
}
