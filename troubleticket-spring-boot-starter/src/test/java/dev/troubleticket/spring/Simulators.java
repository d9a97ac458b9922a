package dev.troubleticket.spring;

import dev.troubleticket.core.ProviderSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a simulator's client settings into the starter's properties, as an application.yml would give them. */
final class Simulators {
    private static final Map<String, String> NAMED = Map.of("baseUrl", "base-url", "username", "username",
            "password", "password", "clientId", "client-id", "clientSecret", "client-secret", "tokenUrl", "token-url", "token", "token");

    private Simulators() {
    }

    /** {@code troubleticket.clients.<name>.*} for a client of {@code provider} with {@code settings}. */
    static String[] clientProperties(String name, String provider, ProviderSettings settings) {
        List<String> properties = new ArrayList<>();
        String prefix = "troubleticket.clients." + name + ".";
        properties.add(prefix + "provider=" + provider);
        settings.asMap().forEach((key, value) -> properties.add(prefix
                + (NAMED.containsKey(key) ? NAMED.get(key) : "settings." + key) + "=" + value));
        return properties.toArray(String[]::new);
    }

    /** Whether the properties name a key that the starter maps to a property of its own. */
    static boolean named(String key) {
        return Set.copyOf(NAMED.keySet()).contains(key);
    }
}
