package dev.troubleticket.spring;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.instrument.Instrumentation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Builds the client named in {@code troubleticket.clients.<name>} through the adapters' {@code ServiceLoader} path
 * ({@link TicketingClients#create}), with transport options from the same properties, and the health tracker and the
 * application's {@link Instrumentation} beans combined into them.
 */
public final class TicketingClientFactory {
    /** The settings keys named by properties of their own, and those properties. */
    private static final Map<String, String> NAMED_KEYS = Map.of(
            "baseUrl", "base-url", "username", "username", "password", "password", "clientId", "client-id",
            "clientSecret", "client-secret", "tokenUrl", "token-url", "token", "token");

    private final TroubleTicketProperties properties;
    private final Supplier<List<Instrumentation>> instrumentations;
    private final Map<String, ClientHealthTracker> trackers = new ConcurrentHashMap<>();
    private final Clock clock;

    /**
     * A factory over the bound properties.
     *
     * @param instrumentations the application's instrumentations (metrics, tracing), asked once per client built
     */
    public TicketingClientFactory(TroubleTicketProperties properties, Supplier<List<Instrumentation>> instrumentations, Clock clock) {
        this.properties = properties;
        this.instrumentations = instrumentations;
        this.clock = clock;
    }

    /** The names of the configured clients, in the order given. */
    public List<String> names() {
        return List.copyOf(properties.getClients().keySet());
    }

    /** The health tracker of the client {@code name}. */
    public ClientHealthTracker tracker(String name) {
        return trackers.computeIfAbsent(name, n -> new ClientHealthTracker(clock));
    }

    /** The provider id of the client {@code name}, as configured. */
    public String provider(String name) {
        return client(name).getProvider();
    }

    /**
     * Builds the client {@code name}.
     *
     * @throws TroubleTicketPropertyException naming the property at fault when the properties do not make a client
     */
    public TicketingClient create(String name) {
        TroubleTicketProperties.Client client = client(name);
        String prefix = "troubleticket.clients." + name;
        String provider = client.getProvider();
        List<String> available = TicketingClients.availableProviders();
        if (provider == null || provider.isBlank()) {
            throw new TroubleTicketPropertyException(prefix + ".provider", prefix + ".provider is required: one of " + available
                    + " (the adapters on the class path)");
        }
        if (available.stream().noneMatch(provider.trim()::equalsIgnoreCase)) {
            throw new TroubleTicketPropertyException(prefix + ".provider", prefix + ".provider: no adapter '" + provider + "' on the class path; found "
                    + available + " (add the adapter's module, such as dev.troubleticket:sdk-" + provider.trim() + ")");
        }
        TransportOptions transport;
        try {
            transport = transport(name, client);
        } catch (IllegalArgumentException e) {
            throw new TroubleTicketPropertyException(prefix, prefix + ": " + e.getMessage(), e);
        }
        try {
            return TicketingClients.create(provider.trim(), ProviderSettings.of(settings(client), transport));
        } catch (IllegalArgumentException e) {
            throw new TroubleTicketPropertyException(propertyNamed(prefix, e.getMessage()), prefix + " (provider " + provider.trim() + "): " + withPropertyNames(prefix, e.getMessage()), e);
        }
    }

    private TroubleTicketProperties.Client client(String name) {
        TroubleTicketProperties.Client client = properties.getClients().get(name);
        if (client == null) {
            throw new IllegalArgumentException("no client named '" + name + "' in troubleticket.clients; configured: "
                    + properties.getClients().keySet());
        }
        return client;
    }

    private TransportOptions transport(String name, TroubleTicketProperties.Client client) {
        TransportOptions.Builder builder = TransportOptions.builder().instrumentation(instrumentation(name));
        if (client.getConnectTimeout() != null) {
            builder.connectTimeout(client.getConnectTimeout());
        }
        if (client.getReadTimeout() != null) {
            builder.readTimeout(client.getReadTimeout());
        }
        if (client.getAttemptTimeout() != null) {
            builder.attemptTimeout(client.getAttemptTimeout());
        }
        if (client.getCallTimeout() != null) {
            builder.callTimeout(client.getCallTimeout());
        }
        if (client.getMaxRetries() != null) {
            builder.retryPolicy(RetryPolicy.defaults().withMaxRetries(client.getMaxRetries()));
        }
        if (client.getMaxResponseBytes() != null) {
            builder.maxResponseBytes(client.getMaxResponseBytes().toBytes());
        }
        if (client.getAllowInsecureHttp() != null) {
            builder.allowInsecureHttp(client.getAllowInsecureHttp());
        }
        return builder.build();
    }

    private Map<String, String> settings(TroubleTicketProperties.Client client) {
        Map<String, String> settings = new LinkedHashMap<>(client.getSettings());
        put(settings, "baseUrl", client.getBaseUrl());
        put(settings, "username", client.getUsername());
        put(settings, "password", client.getPassword());
        put(settings, "clientId", client.getClientId());
        put(settings, "clientSecret", client.getClientSecret());
        put(settings, "tokenUrl", client.getTokenUrl());
        put(settings, "token", client.getToken());
        return settings;
    }

    private static void put(Map<String, String> settings, String key, String value) {
        if (value != null) {
            settings.put(key, value);
        }
    }

    /** The property of the first setting the message names, else the client's prefix. */
    private static String propertyNamed(String prefix, String message) {
        if (message != null) {
            for (Map.Entry<String, String> key : NAMED_KEYS.entrySet()) {
                if (message.contains("setting '" + key.getKey() + "'")) {
                    return prefix + "." + key.getValue();
                }
            }
            java.util.regex.Matcher other = java.util.regex.Pattern.compile("setting '([^']+)'").matcher(message);
            if (other.find()) {
                return prefix + ".settings." + other.group(1);
            }
        }
        return prefix;
    }

    /** "setting 'baseUrl' is required" also names the property that gives it. */
    private static String withPropertyNames(String prefix, String message) {
        if (message == null) {
            return "the settings do not make a client";
        }
        String text = message;
        for (Map.Entry<String, String> key : NAMED_KEYS.entrySet()) {
            text = text.replace("setting '" + key.getKey() + "'",
                    "setting '" + key.getKey() + "' (" + prefix + "." + key.getValue() + ")");
        }
        return text;
    }

    /** The instrumentation every client named {@code name} is built with: its tracker first, then the application's. */
    Instrumentation instrumentation(String name) {
        List<Instrumentation> all = new ArrayList<>();
        all.add(tracker(name));
        all.addAll(instrumentations.get());
        return Instrumentation.all(all.toArray(Instrumentation[]::new));
    }
}
