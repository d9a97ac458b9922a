package dev.troubleticket.kosc.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.troubleticket.core.model.OpenValue;
import java.util.List;
import java.util.Objects;

/**
 * A Kosc ticket status ({@code open}, {@code deferred}, {@code cleared}, {@code reopen}, {@code closed}, {@code canceled}).
 *
 * <p>String-backed rather than an enum, so that a value this SDK version does not know is kept as
 * received ({@link #isKnown()} is then {@code false}) instead of failing the whole answer. Compared by
 * {@link OpenValue}'s rule: {@link #is} and {@link #canonical()} ignore case and surrounding blanks, while
 * {@link #value()} keeps the text as received.
 *
 * @param value the provider's text, exactly as received
 */
public record KoscTicketStatus(String value) implements OpenValue {
    /** {@code open}. */
    public static final KoscTicketStatus OPEN = new KoscTicketStatus("open");
    /** {@code deferred}. */
    public static final KoscTicketStatus DEFERRED = new KoscTicketStatus("deferred");
    /** {@code cleared}. */
    public static final KoscTicketStatus CLEARED = new KoscTicketStatus("cleared");
    /** {@code reopen}. */
    public static final KoscTicketStatus REOPEN = new KoscTicketStatus("reopen");
    /** {@code closed}. */
    public static final KoscTicketStatus CLOSED = new KoscTicketStatus("closed");
    /** {@code canceled}. */
    public static final KoscTicketStatus CANCELED = new KoscTicketStatus("canceled");

    private static final List<KoscTicketStatus> KNOWN = List.of(OPEN, DEFERRED, CLEARED, REOPEN, CLOSED, CANCELED);

    /** Refuses a status without text. */
    public KoscTicketStatus {
        Objects.requireNonNull(value, "value");
    }

    /** The value for the provider's text; {@code null} stays {@code null}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static KoscTicketStatus of(String value) {
        return value == null ? null : new KoscTicketStatus(value);
    }

    /** The provider's text. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The documented values, in the document's order. */
    public static List<KoscTicketStatus> knownValues() {
        return KNOWN;
    }

    /** Whether the value is one of the documented ones (ignoring case and surrounding blanks). */
    public boolean isKnown() {
        return canonical() != null;
    }

    /** The documented constant this value names (ignoring case and surrounding blanks), or {@code null} when unknown. */
    public KoscTicketStatus canonical() {
        return OpenValue.canonical(value, KNOWN);
    }

    /** Whether this value names the same thing as {@code other} (ignoring case and surrounding blanks). */
    public boolean is(KoscTicketStatus other) {
        return sameValueAs(other);
    }

    @Override
    public String toString() {
        return value;
    }
}
