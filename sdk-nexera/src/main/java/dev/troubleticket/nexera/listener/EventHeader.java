package dev.troubleticket.nexera.listener;

import dev.troubleticket.core.model.Timestamp;

/**
 * The envelope every TMF621 notification shares.
 *
 * @param eventId       the event's id (used to deliver each event once)
 * @param eventType     the event type as received, for example {@code TroubleTicketStatusChangeEvent}
 * @param eventTime     when the event was created
 * @param timeOccurred  when the change happened (TMF v4 spells it {@code timeOcurred}; both spellings are read)
 * @param correlationId the event's correlation id
 * @param domain        the event's domain
 * @param title         the event's title
 * @param description   the event's description
 * @param priority      the event's priority, as text
 * @param href          the event's address
 */
public record EventHeader(String eventId, String eventType, Timestamp eventTime, Timestamp timeOccurred, String correlationId,
                          String domain, String title, String description, String priority, String href) {
}
