package dev.troubleticket.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Provider-independent connection settings, as a command line or a configuration file gives them.
 * {@link TicketingClients#create(String, ProviderSettings)} hands them to the provider's adapter, which
 * reads the keys it knows (its README lists them). Values named like secrets are never printed.
 *
 * <p>Common keys: {@code baseUrl}, {@code token}, {@code username}, {@code password},
 * {@code serviceAccountFile}, {@code tokenUrl}, {@code clientId}, {@code clientSecret}.
 */
public final class ProviderSettings {
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

    /** Settings with explicit transport options. */
    public static ProviderSettings of(Map<String, String> values, dev.troubleticket.core.http.TransportOptions transport) {
        Map<String, String> kept = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                kept.put(k, v);
            }
        });
        return new ProviderSettings(kept, transport);
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
