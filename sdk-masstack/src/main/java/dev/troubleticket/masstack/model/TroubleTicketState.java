package dev.troubleticket.masstack.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.troubleticket.core.model.OpenValue;
import java.util.List;
import java.util.Objects;

/**
 * A MasStack {@code baseTroubleTicketState}, kept as the provider's text.
 *
 * <p>A string-backed value rather than an enum so that a state this SDK does not know yet is carried
 * through unchanged ({@link #isKnown()} is then {@code false}) instead of failing or turning into null. As every
 * {@link OpenValue}, the text is kept exactly as received and names a documented state when the two are equal
 * ignoring case and surrounding blanks: compare with {@link #is(TroubleTicketState)} or {@link #canonical()}, not
 * {@code equals} (which compares the text).
 *
 * @param value the state exactly as the provider wrote it
 */
public record TroubleTicketState(String value) implements OpenValue {
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

    /** Refuses a state without text. */
    public TroubleTicketState {
        Objects.requireNonNull(value, "value");
    }

    /** Reads a state, keeping the text as written; {@code null} stays {@code null}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TroubleTicketState of(String text) {
        return text == null ? null : new TroubleTicketState(text);
    }

    /** The documented states, in the order of the document's list. */
    public static List<TroubleTicketState> knownValues() {
        return KNOWN;
    }

    /** Whether this names one of the documented states. */
    public boolean isKnown() {
        return canonical() != null;
    }

    /** The documented state this names ({@code " openactive"} gives {@link #OPENACTIVE}), or {@code null} when unknown. */
    public TroubleTicketState canonical() {
        return OpenValue.canonical(value, KNOWN);
    }

    /** Whether this names the same state as {@code other}, ignoring case and surrounding blanks. */
    public boolean is(TroubleTicketState other) {
        return sameValueAs(other);
    }

    /** Whether no transaction leads out of this state (closed or cancelled). */
    public boolean isFinal() {
        return is(CLOSED) || is(CANCELED);
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
