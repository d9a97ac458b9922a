package dev.troubleticket.nexera.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.troubleticket.core.model.OpenValue;
import java.util.List;
import java.util.Objects;

/**
 * The business type of a trouble ticket ({@code ticketType}): Nexera knows {@code Customer_Trouble_Ticket} and {@code Complaint}.
 *
 * <p>String-backed rather than an enum so that a value this SDK version does not know is kept as
 * received instead of failing the whole answer: {@link #isKnown()} tells whether it is one of the
 * documented constants.
 *
 * @param value the value exactly as on the wire (written back as it is)
 */
public record TicketType(@JsonValue String value) implements OpenValue {
    /** {@code Customer_Trouble_Ticket}. */
    public static final TicketType CUSTOMER_TROUBLE_TICKET = new TicketType("Customer_Trouble_Ticket");
    /** {@code Complaint}. */
    public static final TicketType COMPLAINT = new TicketType("Complaint");

    private static final List<TicketType> KNOWN = List.of(CUSTOMER_TROUBLE_TICKET, COMPLAINT);

    /** Refuses a ticket type without text. */
    public TicketType {
        Objects.requireNonNull(value, "value");
    }

    /** Reads a wire value; {@code null} stays {@code null}. Unknown values are kept. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TicketType of(String value) {
        return value == null ? null : new TicketType(value);
    }

    /** The documented values, in the document's order. */
    public static List<TicketType> knownValues() {
        return KNOWN;
    }

    /** Whether the value is one of the documented ones, by {@link OpenValue}'s rule (ignoring case and surrounding blanks). */
    public boolean isKnown() {
        return canonical() != null;
    }

    /** The documented constant this value names by {@link OpenValue}'s rule, or {@code null} when unknown. */
    public TicketType canonical() {
        return OpenValue.canonical(value, KNOWN);
    }

    /** Whether this value names the same thing as {@code other}, by {@link OpenValue}'s rule. */
    public boolean is(TicketType other) {
        return sameValueAs(other);
    }

    @Override
    public String toString() {
        return value;
    }
}
