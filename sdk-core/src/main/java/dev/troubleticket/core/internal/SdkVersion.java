package dev.troubleticket.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version, as Maven filtered it into {@code sdk-version.properties}. */
public final class SdkVersion {
    private static final String VERSION = load();

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

    private static String load() {
        try (InputStream in = SdkVersion.class.getResourceAsStream("/dev/troubleticket/core/sdk-version.properties")) {
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
