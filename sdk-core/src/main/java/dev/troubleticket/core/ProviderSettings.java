package dev.troubleticket.core;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Provider-independent connection settings, as a command line or a configuration file gives them.
 * {@link TicketingClients#create(String, ProviderSettings)} hands them to the provider's adapter, which
 * reads the keys it knows (its README lists them). Values named like secrets are never printed.
 *
 * <p>Common keys: {@code baseUrl}, {@code token}, {@code username}, {@code password},
 * {@code serviceAccountFile}, {@code tokenUrl}, {@code clientId}, {@code clientSecret}.
 *
 * <p>Read here for every adapter: {@value #MAX_RESPONSE_BYTES}, the response size limit
 * ({@link dev.troubleticket.core.http.TransportOptions#maxResponseBytes()}) in bytes, or with a
 * {@code KiB}, {@code MiB} or {@code GiB} suffix ({@code 64MiB}); it overrides the transport options' value.
 *
 * <p>Adapters read their keys with the typed getters here ({@link #require}, {@link #get}, {@link #integer},
 * {@link #flag}, {@link #duration}, {@link #oneOf}), so that every adapter reads a value the same way: surrounding
 * blanks do not matter (except in {@link #get} and {@link #require}, which give the text as it is), and a value
 * that cannot be read is an {@link IllegalArgumentException} naming the setting and, unless the setting is named
 * like a secret, the value. Keys an adapter does not know are ignored, not reported: one set of settings may serve
 * several adapters (as {@code ticketctl}'s does), and {@value #MAX_RESPONSE_BYTES} is read here for all of them.
 */
public final class ProviderSettings {
    /** The key of the response size limit. */
    public static final String MAX_RESPONSE_BYTES = "maxResponseBytes";
    private static final Pattern DURATION = Pattern.compile("(\\d{1,18})\\s*(ms|s|m|h)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BYTES = Pattern.compile("(\\d{1,19})\\s*(|KiB|MiB|GiB)", Pattern.CASE_INSENSITIVE);

    private final Map<String, String> values;
    private final dev.troubleticket.core.http.TransportOptions transport;

    private ProviderSettings(Map<String, String> values, dev.troubleticket.core.http.TransportOptions transport) {
        this.values = Map.copyOf(values);
        this.transport = transport;
    }

    /** Settings from a map of keys to values; {@code null} values are dropped. */
    public static ProviderSettings of(Map<String, String> values) {
        return of(values, dev.troubleticket.core.http.TransportOptions.defaults());
    }

    /**
     * Settings with explicit transport options.
     *
     * @throws IllegalArgumentException when {@value #MAX_RESPONSE_BYTES} is not a size in bytes the options accept
     */
    public static ProviderSettings of(Map<String, String> values, dev.troubleticket.core.http.TransportOptions transport) {
        Map<String, String> kept = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                kept.put(k, v);
            }
        });
        String limit = kept.get(MAX_RESPONSE_BYTES);
        if (limit != null) {
            transport = transport.toBuilder().maxResponseBytes(bytes(limit)).build();
        }
        return new ProviderSettings(kept, transport);
    }

    private static long bytes(String value) {
        Matcher size = BYTES.matcher(value.trim());
        if (!size.matches()) {
            throw new IllegalArgumentException("setting '" + MAX_RESPONSE_BYTES + "' must be a size in bytes, optionally with"
                    + " KiB, MiB or GiB (such as 64MiB), not '" + value + "'");
        }
        int shift = switch (size.group(2).toLowerCase(Locale.ROOT)) {
            case "kib" -> 10;
            case "mib" -> 20;
            case "gib" -> 30;
            default -> 0;
        };
        long number;
        try {
            number = Long.parseLong(size.group(1));
        } catch (NumberFormatException e) {
            number = Long.MAX_VALUE;
        }
        // Anything that overflows is too large for the options, which say so.
        return number > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : number << shift;
    }

    /** A value, if set. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** A value that must be set. */
    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalArgumentException("setting '" + key + "' is required"));
    }

    /**
     * A whole number, if set.
     *
     * @throws IllegalArgumentException when the value is not a whole number that fits an {@code int}
     */
    public Optional<Integer> integer(String key) {
        return get(key).map(value -> {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw unreadable(key, value, "a whole number");
            }
        });
    }

    /**
     * {@code true} or {@code false} (in any case), if set.
     *
     * @throws IllegalArgumentException for any other value: a mistyped {@code ture} is not read as {@code false}
     */
    public Optional<Boolean> flag(String key) {
        return get(key).map(value -> switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw unreadable(key, value, "true or false");
        });
    }

    /**
     * A duration, if set: a whole number with a unit ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}) or ISO-8601
     * ({@code PT30S}).
     *
     * @throws IllegalArgumentException when the value is neither, or is negative
     */
    public Optional<Duration> duration(String key) {
        return get(key).map(value -> {
            Duration duration = parseDuration(value.trim());
            if (duration == null || duration.isNegative()) {
                throw unreadable(key, value, "a duration such as 500ms, 30s, 5m, 2h or PT30S");
            }
            return duration;
        });
    }

    private static Duration parseDuration(String text) {
        Matcher number = DURATION.matcher(text);
        try {
            if (number.matches()) {
                long amount = Long.parseLong(number.group(1));
                return switch (number.group(2).toLowerCase(Locale.ROOT)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            }
            return Duration.parse(text);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * One of {@code allowed}, if set, matched ignoring case and surrounding blanks and answered as spelt in
     * {@code allowed}.
     *
     * @throws IllegalArgumentException when the value is none of them; the message lists them
     */
    public Optional<String> oneOf(String key, String... allowed) {
        return get(key).map(value -> {
            for (String choice : allowed) {
                if (choice.equalsIgnoreCase(value.trim())) {
                    return choice;
                }
            }
            String choices = allowed.length == 1 ? allowed[0]
                    : String.join(", ", java.util.Arrays.asList(allowed).subList(0, allowed.length - 1)) + " or "
                    + allowed[allowed.length - 1];
            throw unreadable(key, value, choices);
        });
    }

    private static IllegalArgumentException unreadable(String key, String value, String expected) {
        String shown = Redaction.isSecretName(key) ? "" : ", not '" + value + "'";
        return new IllegalArgumentException("setting '" + key + "' must be " + expected + shown);
    }

    /** Every value, by key (the caller's own settings, secrets included: do not log the map). */
    public Map<String, String> asMap() {
        return values;
    }

    /** The transport options to build the client with. */
    public dev.troubleticket.core.http.TransportOptions transport() {
        return transport;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ProviderSettings{");
        values.forEach((k, v) -> text.append(k).append('=')
                .append(Redaction.isSecretName(k) ? "****" : v).append(", "));
        return text.append('}').toString();
    }
}
