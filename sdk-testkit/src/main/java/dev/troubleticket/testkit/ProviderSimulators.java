package dev.troubleticket.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the simulators on the class path (registered in
 * {@code META-INF/services/dev.troubleticket.testkit.ProviderSimulator}) and creates them by provider id.
 */
public final class ProviderSimulators {
    private ProviderSimulators() {
    }

    /** The provider ids that have a simulator, in registration order. */
    public static List<String> available() {
        List<String> ids = new ArrayList<>();
        for (ProviderSimulator simulator : ServiceLoader.load(ProviderSimulator.class)) {
            ids.add(simulator.provider());
        }
        return ids;
    }

    /**
     * A new, not yet started simulator for the provider.
     *
     * @throws IllegalArgumentException when there is none for that id
     */
    public static ProviderSimulator create(String provider) {
        for (ProviderSimulator simulator : ServiceLoader.load(ProviderSimulator.class)) {
            if (simulator.provider().equalsIgnoreCase(provider)) {
                return simulator;
            }
        }
        throw new IllegalArgumentException("no simulator for provider '" + provider + "'; available: " + available());
    }
}
