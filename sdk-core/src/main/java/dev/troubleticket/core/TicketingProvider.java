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
}
