package dev.troubleticket.masstack.model;

/**
 * MasStack's answer to a create: only the identifiers, so the ticket itself has to be read afterwards.
 *
 * @param ticketId  the JIRA-style id in the territory owner's system ({@code RED-84}), used in every URL
 * @param mirrorKey the operator's own reference, echoed
 */
public record CreateTroubleTicketResponse(String ticketId, String mirrorKey) {
}
