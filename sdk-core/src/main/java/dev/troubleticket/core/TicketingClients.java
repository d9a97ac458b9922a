package dev.troubleticket.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;

/** Finds the adapters on the class path and builds clients by provider id. */
public final class TicketingClients {
    private static final String SDK_VERSION = loadSdkVersion();

    private TicketingClients() {
    }

    /** The SDK's version, for example {@code 0.1.0-SNAPSHOT} ({@code unknown} when not built by Maven). */
    public static String sdkVersion() {
        return SDK_VERSION;
    }

    /** The ids of the adapters found on the class path. */
    public static List<String> availableProviders() {
        List<String> ids = new ArrayList<>();
        ServiceLoader.load(TicketingProvider.class).forEach(p -> ids.add(p.id()));
        return ids;
    }

    /**
     * Builds a client for the given provider.
     *
     * @throws IllegalArgumentException when no adapter for that id is on the class path, or a setting is missing
     */
    public static TicketingClient create(String providerId, ProviderSettings settings) {
        for (TicketingProvider provider : ServiceLoader.load(TicketingProvider.class)) {
            if (provider.id().equalsIgnoreCase(providerId)) {
                return provider.create(settings);
            }
        }
        throw new IllegalArgumentException("no adapter for provider '" + providerId + "' on the class path; found "
                + availableProviders());
    }

    /** As Maven filtered it into {@code sdk-version.properties}, beside this class. */
    private static String loadSdkVersion() {
        try (InputStream in = TicketingClients.class.getResourceAsStream("sdk-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
