package dev.troubleticket.kosc.model;

import dev.troubleticket.core.model.Timestamp;

/**
 * An event of Kosc's account-wide feed ({@code /api/events/}), about an order or a service.
 *
 * @param eventUuid        the event's unique identifier
 * @param model            always {@code event}
 * @param type             the event type (unknown types are kept)
 * @param objectType       {@code order} or {@code service}
 * @param objectUuid       the order or service
 * @param eventDate        when the event happened at the provider
 * @param creationDate     when Kosc recorded it (the order to follow the feed in)
 * @param modificationDate when Kosc last changed it
 * @param sortValue        the opaque cursor to resume after this event, or {@code null} when not listed
 * @param data             the typed data
 * @param rawJson          the event's JSON exactly as received
 */
public record KoscEvent(
        String eventUuid,
        String model,
        KoscEventType type,
        String objectType,
        String objectUuid,
        Timestamp eventDate,
        Timestamp creationDate,
        Timestamp modificationDate,
        String sortValue,
        KoscEventData data,
        String rawJson) {

    @Override
    public String toString() {
        return "KoscEvent[eventUuid=" + eventUuid + ", type=" + type + ", objectType=" + objectType + ", objectUuid="
                + objectUuid + ", creationDate=" + creationDate + "]";
    }
}
