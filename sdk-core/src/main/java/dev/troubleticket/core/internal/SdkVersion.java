package dev.troubleticket.core.internal;

import dev.troubleticket.core.TicketingClients;

/** The SDK's version in the user agent the transport sends ({@link TicketingClients#sdkVersion()} reads it). */
public final class SdkVersion {
    private static final String VERSION = TicketingClients.sdkVersion();

    private SdkVersion() {
    }

    /** For example {@code 0.1.0}; {@code unknown} when the resource is missing. */
    public static String version() {
        return VERSION;
    }

    /** The user agent for a provider: {@code troubleticket-sdk/0.1.0 (kosc; Java 17.0.15)}. */
    public static String userAgent(String provider, String suffix) {
        String base = "troubleticket-sdk/" + VERSION + " (" + provider + "; Java " + System.getProperty("java.version") + ")";
        return suffix == null || suffix.isBlank() ? base : base + " " + suffix;
    }
}
