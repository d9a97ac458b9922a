package dev.troubleticket.core.model;

/**
 * A provider's payload exactly as it was received, kept beside every neutral object so that mapping
 * onto the neutral model never loses data.
 *
 * @param provider the provider id
 * @param json     the JSON text as received (or as built from the provider's typed object), never {@code null}
 */
public record RawPayload(String provider, String json) {
    /** An empty payload, for objects that were built locally. */
    public static RawPayload empty(String provider) {
        return new RawPayload(provider, "{}");
    }

    /** A {@code null} payload is kept as the empty object {@code {}}. */
    public RawPayload {
        json = json == null ? "{}" : json;
    }

    @Override
    public String toString() {
        // Payloads carry customer names and phone numbers: never print them whole.
        return "RawPayload[provider=" + provider + ", length=" + json.length() + "]";
    }
}
