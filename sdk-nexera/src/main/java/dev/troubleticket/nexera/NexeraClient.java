package dev.troubleticket.nexera;

/**
 * The neutral client for Nexera: a {@link Tmf621Client} with {@link NexeraProfile}'s base path,
 * vocabularies and requirement matrix. {@code NexeraClient.builder().baseUrl(...).basicAuth(...).build()}.
 */
public final class NexeraClient extends Tmf621Client {

    private NexeraClient(Builder b) {
        super(b);
    }

    /** Starts a builder with Nexera's profile. */
    public static Builder builder() {
        return new Builder(NexeraProfile.profile()).factory(NexeraClient::new);
    }
}
