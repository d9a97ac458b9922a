package dev.troubleticket.testkit.nexera;

/**
 * What became of one notification the simulator sent to one listener.
 *
 * @param hubId      the listener's registration
 * @param eventId    the event's id
 * @param eventType  the event type
 * @param ticketId   the ticket it is about
 * @param attempts   how many times it was posted
 * @param lastStatus the HTTP status of the last attempt, {@code 0} when no answer came
 * @param delivered  whether the listener accepted it (2xx)
 */
public record CallbackDelivery(String hubId, String eventId, String eventType, String ticketId, int attempts, int lastStatus,
                               boolean delivered) {
}
