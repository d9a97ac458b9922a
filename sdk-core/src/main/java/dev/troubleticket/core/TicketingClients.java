package dev.troubleticket.core;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the adapters on the class path and builds clients by provider id. */
public final class TicketingClients {
    private TicketingClients() {
    }

    /** The SDK's version, for example {@code 0.1.0-SNAPSHOT} ({@code unknown} when not built by Maven). */
    public static String sdkVersion() {
        return dev.troubleticket.core.internal.SdkVersion.version();
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
}
