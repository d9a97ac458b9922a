package dev.troubleticket.nexera.model;

import dev.troubleticket.core.model.Numeral;

/**
 * An amount with its unit, as TMF writes sizes ({@code {"amount": 1024, "units": "bytes"}}).
 *
 * @param amount the amount, kept as sent ({@link Numeral#asDecimal()} is the number when it is one)
 * @param units  the unit, for example {@code bytes}
 */
public record Quantity(Numeral amount, String units) {
    /** A size in bytes. */
    public static Quantity bytes(long count) {
        return new Quantity(Numeral.of(count), "bytes");
    }
}
