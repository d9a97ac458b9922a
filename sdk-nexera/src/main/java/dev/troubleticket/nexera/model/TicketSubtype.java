package dev.troubleticket.nexera.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.troubleticket.core.model.OpenValue;
import java.util.List;
import java.util.Objects;

/**
 * The sub-type of a trouble ticket ({@code ticketSubtype}): Financial, Activation, Maintenance or Other.
 *
 * <p>String-backed rather than an enum so that a value this SDK version does not know is kept as
 * received instead of failing the whole answer: {@link #isKnown()} tells whether it is one of the
 * documented constants.
 *
 * @param value the value exactly as on the wire (written back as it is)
 */
public record TicketSubtype(@JsonValue String value) implements OpenValue {
    /** {@code Financial}. */
    public static final TicketSubtype FINANCIAL = new TicketSubtype("Financial");
    /** {@code Activation}. */
    public static final TicketSubtype ACTIVATION = new TicketSubtype("Activation");
    /** {@code Maintenance}. */
    public static final TicketSubtype MAINTENANCE = new TicketSubtype("Maintenance");
    /** {@code Other}. */
    public static final TicketSubtype OTHER = new TicketSubtype("Other");

    private static final List<TicketSubtype> KNOWN = List.of(FINANCIAL, ACTIVATION, MAINTENANCE, OTHER);

    /** Refuses a subtype without text. */
    public TicketSubtype {
        Objects.requireNonNull(value, "value");
    }

    /** Reads a wire value; {@code null} stays {@code null}. Unknown values are kept. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TicketSubtype of(String value) {
        return value == null ? null : new TicketSubtype(value);
    }

    /** The documented values, in the document's order. */
    public static List<TicketSubtype> knownValues() {
        return KNOWN;
    }

    /** Whether the value is one of the documented ones, by {@link OpenValue}'s rule (ignoring case and surrounding blanks). */
    public boolean isKnown() {
        return canonical() != null;
    }

    /** The documented constant this value names by {@link OpenValue}'s rule, or {@code null} when unknown. */
    public TicketSubtype canonical() {
        return OpenValue.canonical(value, KNOWN);
    }

    /** Whether this value names the same thing as {@code other}, by {@link OpenValue}'s rule. */
    public boolean is(TicketSubtype other) {
        return sameValueAs(other);
    }

    @Override
    public String toString() {
        return value;
    }
}
