package dev.troubleticket.nexera.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.troubleticket.core.model.OpenValue;
import java.util.List;
import java.util.Objects;

/**
 * The status of a trouble ticket: every value the Nexera document and TMF621 v4 name.
 *
 * <p>String-backed rather than an enum so that a value this SDK version does not know is kept as
 * received instead of failing the whole answer: {@link #isKnown()} tells whether it is one of the
 * documented constants.
 *
 * @param value the value exactly as on the wire (written back as it is)
 */
public record TroubleTicketStatus(@JsonValue String value) implements OpenValue {
    /** {@code submitted}. */
    public static final TroubleTicketStatus SUBMITTED = new TroubleTicketStatus("submitted");
    /** {@code acknowledged}. */
    public static final TroubleTicketStatus ACKNOWLEDGED = new TroubleTicketStatus("acknowledged");
    /** {@code rejected}. */
    public static final TroubleTicketStatus REJECTED = new TroubleTicketStatus("rejected");
    /** {@code inProgress}. */
    public static final TroubleTicketStatus IN_PROGRESS = new TroubleTicketStatus("inProgress");
    /** {@code pending}. */
    public static final TroubleTicketStatus PENDING = new TroubleTicketStatus("pending");
    /** {@code held}. */
    public static final TroubleTicketStatus HELD = new TroubleTicketStatus("held");
    /** {@code resolved}. */
    public static final TroubleTicketStatus RESOLVED = new TroubleTicketStatus("resolved");
    /** {@code closed}. */
    public static final TroubleTicketStatus CLOSED = new TroubleTicketStatus("closed");
    /** {@code cancelled}. */
    public static final TroubleTicketStatus CANCELLED = new TroubleTicketStatus("cancelled");

    private static final List<TroubleTicketStatus> KNOWN = List.of(SUBMITTED, ACKNOWLEDGED, REJECTED, IN_PROGRESS, PENDING, HELD, RESOLVED, CLOSED, CANCELLED);

    /** Refuses a status without text. */
    public TroubleTicketStatus {
        Objects.requireNonNull(value, "value");
    }

    /** Reads a wire value; {@code null} stays {@code null}. Unknown values are kept. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TroubleTicketStatus of(String value) {
        return value == null ? null : new TroubleTicketStatus(value);
    }

    /** The documented values, in the document's order. */
    public static List<TroubleTicketStatus> knownValues() {
        return KNOWN;
    }

    /** Whether the value is one of the documented ones, by {@link OpenValue}'s rule (ignoring case and surrounding blanks). */
    public boolean isKnown() {
        return canonical() != null;
    }

    /** The documented constant this value names by {@link OpenValue}'s rule, or {@code null} when unknown. */
    public TroubleTicketStatus canonical() {
        return OpenValue.canonical(value, KNOWN);
    }

    /** Whether this value names the same thing as {@code other}, by {@link OpenValue}'s rule. */
    public boolean is(TroubleTicketStatus other) {
        return sameValueAs(other);
    }

    @Override
    public String toString() {
        return value;
    }
}
