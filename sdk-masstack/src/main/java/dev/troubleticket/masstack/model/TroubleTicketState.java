package dev.troubleticket.masstack.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A MasStack {@code baseTroubleTicketState}, kept as the provider's text.
 *
 * <p>A string-backed value rather than an enum so that a state this SDK does not know yet is carried
 * through unchanged ({@link #isKnown()} is then {@code false}) instead of failing or turning into null.
 *
 * @param value the state exactly as the provider wrote it
 */
public record TroubleTicketState(String value) {
    /** Open and being worked on by the territory owner (after TU01, TU04, TU06, TU08). */
    public static final TroubleTicketState OPENACTIVE = new TroubleTicketState("OPENACTIVE");
    /** The territory owner asks the operator to agree to a cancellation (TO02). The spelling is the provider's. */
    public static final TroubleTicketState AWAITING_CANCELATION = new TroubleTicketState("DEFERRED.AWAITING-CANCELATION");
    /** The territory owner asks the operator for more information (TO05). */
    public static final TroubleTicketState AWAITING_INFORMATION = new TroubleTicketState("DEFERRED.AWAITING-INFORMATION");
    /** The territory owner says the fault is cleared (TO07); the operator closes or rejects. */
    public static final TroubleTicketState CLEARED = new TroubleTicketState("CLEARED");
    /** Closed by the operator after resolution (TU09). */
    public static final TroubleTicketState CLOSED = new TroubleTicketState("CLOSED");
    /** Cancelled by the operator after a cancellation request (TU03). */
    public static final TroubleTicketState CANCELED = new TroubleTicketState("CLOSED.CANCELED");

    private static final List<TroubleTicketState> KNOWN =
            List.of(OPENACTIVE, AWAITING_CANCELATION, AWAITING_INFORMATION, CLEARED, CLOSED, CANCELED);

    public TroubleTicketState {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Reads a state; the documented states are matched ignoring case and surrounding blanks, anything
     * else is kept as written. {@code null} stays {@code null}.
     */
    @JsonCreator
    public static TroubleTicketState of(String text) {
        if (text == null) {
            return null;
        }
        String normalised = text.trim().toUpperCase(Locale.ROOT);
        for (TroubleTicketState state : KNOWN) {
            if (state.value.equals(normalised)) {
                return state;
            }
        }
        return new TroubleTicketState(text);
    }

    /** The documented states, in the order of the document's list. */
    public static List<TroubleTicketState> knownStates() {
        return KNOWN;
    }

    /** Whether this is one of the documented states. */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    /** Whether no transaction leads out of this state (closed or cancelled). */
    public boolean isFinal() {
        return equals(CLOSED) || equals(CANCELED);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
