package dev.troubleticket.nexera.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.troubleticket.core.model.OpenValue;
import java.util.List;
import java.util.Objects;

/**
 * Where a trouble ticket came from ({@code origin}): External System, Phone, Email or Web.
 *
 * <p>String-backed rather than an enum so that a value this SDK version does not know is kept as
 * received instead of failing the whole answer: {@link #isKnown()} tells whether it is one of the
 * documented constants.
 *
 * @param value the value exactly as on the wire (written back as it is)
 */
public record Origin(@JsonValue String value) implements OpenValue {
    /** {@code External System}. */
    public static final Origin EXTERNAL_SYSTEM = new Origin("External System");
    /** {@code Phone}. */
    public static final Origin PHONE = new Origin("Phone");
    /** {@code Email}. */
    public static final Origin EMAIL = new Origin("Email");
    /** {@code Web}. */
    public static final Origin WEB = new Origin("Web");

    private static final List<Origin> KNOWN = List.of(EXTERNAL_SYSTEM, PHONE, EMAIL, WEB);

    /** Refuses an origin without text. */
    public Origin {
        Objects.requireNonNull(value, "value");
    }

    /** Reads a wire value; {@code null} stays {@code null}. Unknown values are kept. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Origin of(String value) {
        return value == null ? null : new Origin(value);
    }

    /** The documented values, in the document's order. */
    public static List<Origin> knownValues() {
        return KNOWN;
    }

    /** Whether the value is one of the documented ones, by {@link OpenValue}'s rule (ignoring case and surrounding blanks). */
    public boolean isKnown() {
        return canonical() != null;
    }

    /** The documented constant this value names by {@link OpenValue}'s rule, or {@code null} when unknown. */
    public Origin canonical() {
        return OpenValue.canonical(value, KNOWN);
    }

    /** Whether this value names the same thing as {@code other}, by {@link OpenValue}'s rule. */
    public boolean is(Origin other) {
        return sameValueAs(other);
    }

    @Override
    public String toString() {
        return value;
    }
}
