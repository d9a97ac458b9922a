package dev.troubleticket.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;

/**
 * A number as a provider wrote it, with the number it stands for when it is one.
 *
 * <p>Providers do not always send a numeric field as a number: Nexera's document makes a trouble ticket's
 * {@code priority} an integer from 1 to 10, TMF621 v4's own schema makes it a string, and servers send
 * {@code 4}, {@code "4"} or {@code "High"}. Reading never fails: the text is always kept ({@link #raw()}),
 * and {@link #asInteger()}, {@link #asLong()} and {@link #asDecimal()} give the number when the text is one
 * (surrounding spaces allowed), {@code null} when it is not. A JSON value that is neither a number nor a
 * string is kept as its JSON text ({@code true}, {@code {"level":"High"}}).
 *
 * <p>The SDK's JSON configuration reads it from any JSON value. Written back as a JSON number when it is one,
 * else as its text. Immutable and thread-safe. Two numerals
 * are equal when their texts are: {@code 4} and {@code "4"} are, {@code 4} and {@code 4.0} are not.
 */
public final class Numeral {
    private static final Numeral[] SMALL = new Numeral[17];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new Numeral(null, i, true);
        }
    }

    // Made from a JSON integer, the text is written only when asked: a page reads one numeral per ticket.
    private String raw;
    private final long whole;
    private final boolean isWhole;

    private Numeral(String raw, long whole, boolean isWhole) {
        this.raw = raw;
        this.whole = whole;
        this.isWhole = isWhole;
    }

    /** The numeral of a whole number. */
    public static Numeral of(long value) {
        return value >= 0 && value < SMALL.length ? SMALL[(int) value] : new Numeral(null, value, true);
    }

    /** The numeral of a number written as {@code value} is. */
    public static Numeral of(BigDecimal value) {
        return parse(value.toString());
    }

    /** Keeps {@code raw} as the provider wrote it, reading the number in it when there is one; {@code null} stays {@code null}. */
    public static Numeral parse(String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.strip();
        int length = text.length();
        int start = length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        boolean digits = length > start && length - start <= 18;
        for (int i = start; digits && i < length; i++) {
            char c = text.charAt(i);
            digits = c >= '0' && c <= '9';
        }
        if (digits) {
            return new Numeral(raw, Long.parseLong(text), true);
        }
        return new Numeral(raw, 0, false);
    }

    /** The text as the provider wrote it: {@code "4"}, {@code "High"}, {@code "{\"a\":1}"}. */
    public String raw() {
        String text = raw;
        if (text == null) {
            text = Long.toString(whole);
            raw = text;
        }
        return text;
    }

    /** Whether the text is a number (whole or not). */
    public boolean isNumber() {
        return isWhole || asDecimal() != null;
    }

    /** The number as an {@code Integer}, or {@code null} when the text is not a whole number that fits one. */
    public Integer asInteger() {
        Long value = asLong();
        return value != null && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? Integer.valueOf(value.intValue()) : null;
    }

    /** The number as a {@code Long}, or {@code null} when the text is not a whole number that fits one. */
    public Long asLong() {
        if (isWhole) {
            return whole;
        }
        BigDecimal decimal = asDecimal();
        if (decimal == null) {
            return null;
        }
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException notWhole) {
            return null;
        }
    }

    /** The number, or {@code null} when the text is not one. */
    public BigDecimal asDecimal() {
        if (isWhole) {
            return BigDecimal.valueOf(whole);
        }
        String text = raw.strip();
        // BigDecimal takes forms JSON does not ("1.", ".5", "+1"); the numbers providers send are among them.
        if (text.isEmpty() || text.length() > 400) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** What is written back: the number ({@code Integer}, {@code Long} or {@code BigDecimal}) when it is one, else the text. */
    @JsonValue
    public Object jsonValue() {
        Long value = asLong();
        if (value != null) {
            return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Object) value.intValue() : value;
        }
        BigDecimal decimal = asDecimal();
        if (decimal != null) {
            // A whole number too big for a long is written as an integer; a huge exponent (1e400) stays a decimal.
            boolean wholeAndWritable = decimal.scale() <= 0 && decimal.precision() - decimal.scale() <= 400;
            return wholeAndWritable ? (Object) decimal.toBigIntegerExact() : decimal;
        }
        return raw;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Numeral that && raw().equals(that.raw());
    }

    @Override
    public int hashCode() {
        return raw().hashCode();
    }

    @Override
    public String toString() {
        return raw();
    }
}
