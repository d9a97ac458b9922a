package dev.troubleticket.kosc.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.troubleticket.core.model.OpenValue;
import java.util.List;
import java.util.Objects;

/**
 * Who is responsible for a cleared fault, as Kosc spells it ({@code Covage} or {@code Customer}; field {@code responsability}).
 *
 * <p>String-backed rather than an enum, so that a value this SDK version does not know is kept as
 * received ({@link #isKnown()} is then {@code false}) instead of failing the whole answer. Compared by
 * {@link OpenValue}'s rule: {@link #is} and {@link #canonical()} ignore case and surrounding blanks, while
 * {@link #value()} keeps the text as received.
 *
 * @param value the provider's text, exactly as received
 */
public record Responsibility(String value) implements OpenValue {
    /** {@code Covage}. */
    public static final Responsibility COVAGE = new Responsibility("Covage");
    /** {@code Customer}. */
    public static final Responsibility CUSTOMER = new Responsibility("Customer");

    private static final List<Responsibility> KNOWN = List.of(COVAGE, CUSTOMER);

    /** Refuses a responsibility without text. */
    public Responsibility {
        Objects.requireNonNull(value, "value");
    }

    /** The value for the provider's text; {@code null} stays {@code null}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Responsibility of(String value) {
        return value == null ? null : new Responsibility(value);
    }

    /** The provider's text. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The documented values, in the document's order. */
    public static List<Responsibility> knownValues() {
        return KNOWN;
    }

    /** Whether the value is one of the documented ones (ignoring case and surrounding blanks). */
    public boolean isKnown() {
        return canonical() != null;
    }

    /** The documented constant this value names (ignoring case and surrounding blanks), or {@code null} when unknown. */
    public Responsibility canonical() {
        return OpenValue.canonical(value, KNOWN);
    }

    /** Whether this value names the same thing as {@code other} (ignoring case and surrounding blanks). */
    public boolean is(Responsibility other) {
        return sameValueAs(other);
    }

    @Override
    public String toString() {
        return value;
    }
}
