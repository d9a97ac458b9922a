package dev.troubleticket.core;

/**
 * Service-provider interface: each adapter module registers one implementation in
 * {@code META-INF/services/dev.troubleticket.core.TicketingProvider}, so that tools such as
 * {@code ticketctl} can build a client from a provider id and settings alone.
 */
public interface TicketingProvider {
    /** The provider id this adapter answers to, for example {@code kosc}. */
    String id();

    /** Builds a client from generic settings; throws {@link IllegalArgumentException} naming a missing or bad setting. */
    TicketingClient create(ProviderSettings settings);

    /**
     * The setting keys {@link #create} reads, {@link ProviderSettings#MAX_RESPONSE_BYTES} included, so that a tool can
     * warn about a key that nothing reads (a typing mistake); empty when the adapter does not say (then every key is
     * taken as known).
     */
    default java.util.Set<String> settingKeys() {
        return java.util.Set.of();
    }
}
