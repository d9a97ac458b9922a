package dev.troubleticket.nexera.model;

/**
 * A listener registered at the provider ({@code POST /hub}): where the provider sends its events.
 *
 * @param id       the registration's id, needed to unregister it
 * @param callback the address the events are posted to
 * @param query    which events, in TMF filter syntax ({@code eventType=TroubleTicketStatusChangeEvent}), or {@code null} for all
 */
public record Hub(String id, String callback, String query) {
}
