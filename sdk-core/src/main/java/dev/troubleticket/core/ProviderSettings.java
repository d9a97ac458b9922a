package dev.troubleticket.core;

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
 */
public final class ProviderSettings {
    /** The key of the response size limit. */
    public static final String MAX_RESPONSE_BYTES = "maxResponseBytes";
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
                .append(dev.troubleticket.core.internal.Redaction.isSecretName(k) ? "****" : v).append(", "));
        return text.append('}').toString();
    }
}
