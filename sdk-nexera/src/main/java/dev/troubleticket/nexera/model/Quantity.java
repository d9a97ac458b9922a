package dev.troubleticket.nexera.model;

import java.math.BigDecimal;

/**
 * An amount with its unit, as TMF writes sizes ({@code {"amount": 1024, "units": "bytes"}}).
 *
 * @param amount the amount
 * @param units  the unit, for example {@code bytes}
 */
public record Quantity(BigDecimal amount, String units) {
    /** A size in bytes. */
    public static Quantity bytes(long count) {
        return new Quantity(BigDecimal.valueOf(count), "bytes");
    }
}
