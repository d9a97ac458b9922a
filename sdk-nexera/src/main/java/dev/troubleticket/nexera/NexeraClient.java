package dev.troubleticket.nexera;

/**
 * Where a Nexera client starts: the {@link Tmf621Client} builder with {@link NexeraProfile}'s base path,
 * vocabularies and requirement matrix. {@code NexeraClient.builder().baseUrl(...).basicAuth(...).build()}
 * gives a {@link Tmf621Client} reporting the provider {@code nexera}.
 */
public final class NexeraClient {

    private NexeraClient() {
    }

    /** Starts a {@link Tmf621Client} builder with Nexera's profile. */
    public static Tmf621Client.Builder builder() {
        return new Tmf621Client.Builder(NexeraProfile.profile());
    }
}
