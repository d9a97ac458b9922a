package dev.troubleticket.kosc.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * Who is responsible for a cleared fault, as Kosc spells it ({@code Covage} or {@code Customer}; field {@code responsability}).
 *
 * <p>String-backed rather than an enum, so that a value this SDK version does not know is kept as
 * received ({@link #isKnown()} is then {@code false}) instead of failing the whole answer.
 *
 * @param value the provider's text, exactly as received
 */
public record Responsibility(String value) {
    /** {@code Covage}. */
    public static final Responsibility COVAGE = new Responsibility("Covage");
    /** {@code Customer}. */
    public static final Responsibility CUSTOMER = new Responsibility("Customer");

    /** Every value the Kosc documents name. */
    public static final List<Responsibility> KNOWN = List.of(COVAGE, CUSTOMER);

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

    /** Whether the documents name this value. */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
