package dev.troubleticket.benchmarks;

/**
 * What a provider's server answers in the benchmarks, as captured from its simulator: the JSON of one
 * ticket as {@code GET} answers it, and the answer to a create.
 *
 * @param provider     the provider id
 * @param ticketJson   the ticket as the provider's {@code GET} answers it
 * @param ticketId     the id the ticket is read by
 * @param createAnswer the provider's answer to the create (the ticket itself, or MasStack's ids)
 */
public record ProviderFixture(String provider, String ticketJson, String ticketId, String createAnswer) {
}
