package dev.troubleticket.nexera.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.troubleticket.core.model.OpenValue;
import java.util.List;
import java.util.Objects;

/**
 * How badly the fault affects the service ({@code severity}): High, Medium or Low.
 *
 * <p>String-backed rather than an enum so that a value this SDK version does not know is kept as
 * received instead of failing the whole answer: {@link #isKnown()} tells whether it is one of the
 * documented constants.
 *
 * @param value the value exactly as on the wire (written back as it is)
 */
public record Severity(@JsonValue String value) implements OpenValue {
    /** {@code High}. */
    public static final Severity HIGH = new Severity("High");
    /** {@code Medium}. */
    public static final Severity MEDIUM = new Severity("Medium");
    /** {@code Low}. */
    public static final Severity LOW = new Severity("Low");

    private static final List<Severity> KNOWN = List.of(HIGH, MEDIUM, LOW);

    /** Refuses a severity without text. */
    public Severity {
        Objects.requireNonNull(value, "value");
    }

    /** Reads a wire value; {@code null} stays {@code null}. Unknown values are kept. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Severity of(String value) {
        return value == null ? null : new Severity(value);
    }

    /** The documented values, in the document's order. */
    public static List<Severity> knownValues() {
        return KNOWN;
    }

    /** Whether the value is one of the documented ones, by {@link OpenValue}'s rule (ignoring case and surrounding blanks). */
    public boolean isKnown() {
        return canonical() != null;
    }

    /** The documented constant this value names by {@link OpenValue}'s rule, or {@code null} when unknown. */
    public Severity canonical() {
        return OpenValue.canonical(value, KNOWN);
    }

    /** Whether this value names the same thing as {@code other}, by {@link OpenValue}'s rule. */
    public boolean is(Severity other) {
        return sameValueAs(other);
    }

    @Override
    public String toString() {
        return value;
    }
}
