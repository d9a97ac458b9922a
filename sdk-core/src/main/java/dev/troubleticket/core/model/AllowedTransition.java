package dev.troubleticket.core.model;

/**
 * A status change the operator may make next on a ticket, as its provider's rules allow.
 *
 * @param target         the neutral status the ticket would move to
 * @param providerAction the provider's own name of the action or target status ({@code closed}, {@code TU09}, ...)
 * @param description    what the action means, in words
 * @param needsComment   whether the provider requires text with the change
 */
public record AllowedTransition(TicketStatus target, String providerAction, String description, boolean needsComment) {
}
