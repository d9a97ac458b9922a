package dev.troubleticket.kosc.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.troubleticket.core.model.OpenValue;
import java.util.List;
import java.util.Objects;

/**
 * A Kosc ticket category: the kind of fault the diagnostic revealed (nine are documented).
 *
 * <p>String-backed rather than an enum, so that a value this SDK version does not know is kept as
 * received ({@link #isKnown()} is then {@code false}) instead of failing the whole answer. Compared by
 * {@link OpenValue}'s rule: {@link #is} and {@link #canonical()} ignore case and surrounding blanks, while
 * {@link #value()} keeps the text as received.
 *
 * @param value the provider's text, exactly as received
 */
public record TicketCategory(String value) implements OpenValue {
    /** {@code moving_otp}. */
    public static final TicketCategory MOVING_OTP = new TicketCategory("moving_otp");
    /** {@code generic_incident}. */
    public static final TicketCategory GENERIC_INCIDENT = new TicketCategory("generic_incident");
    /** {@code synchro}. */
    public static final TicketCategory SYNCHRO = new TicketCategory("synchro");
    /** {@code packet_loss}. */
    public static final TicketCategory PACKET_LOSS = new TicketCategory("packet_loss");
    /** {@code low_rate}. */
    public static final TicketCategory LOW_RATE = new TicketCategory("low_rate");
    /** {@code authentication}. */
    public static final TicketCategory AUTHENTICATION = new TicketCategory("authentication");
    /** {@code slamming}. */
    public static final TicketCategory SLAMMING = new TicketCategory("slamming");
    /** {@code post_prod}. */
    public static final TicketCategory POST_PROD = new TicketCategory("post_prod");
    /** {@code other}. */
    public static final TicketCategory OTHER = new TicketCategory("other");

    private static final List<TicketCategory> KNOWN = List.of(MOVING_OTP, GENERIC_INCIDENT, SYNCHRO, PACKET_LOSS, LOW_RATE, AUTHENTICATION, SLAMMING, POST_PROD, OTHER);

    /** Refuses a category without text. */
    public TicketCategory {
        Objects.requireNonNull(value, "value");
    }

    /** The value for the provider's text; {@code null} stays {@code null}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TicketCategory of(String value) {
        return value == null ? null : new TicketCategory(value);
    }

    /** The provider's text. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The documented values, in the document's order. */
    public static List<TicketCategory> knownValues() {
        return KNOWN;
    }

    /** Whether the value is one of the documented ones (ignoring case and surrounding blanks). */
    public boolean isKnown() {
        return canonical() != null;
    }

    /** The documented constant this value names (ignoring case and surrounding blanks), or {@code null} when unknown. */
    public TicketCategory canonical() {
        return OpenValue.canonical(value, KNOWN);
    }

    /** Whether this value names the same thing as {@code other} (ignoring case and surrounding blanks). */
    public boolean is(TicketCategory other) {
        return sameValueAs(other);
    }

    @Override
    public String toString() {
        return value;
    }
}
