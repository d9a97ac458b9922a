package dev.troubleticket.nexera.listener;

import dev.troubleticket.core.model.RawPayload;
import dev.troubleticket.nexera.model.TroubleTicket;

/**
 * A TMF621 notification, typed by its event type: the four events of the Nexera document, the TMF621
 * create and delete events, and {@link Unknown} for any other type (kept whole, never fatal).
 */
public sealed interface Tmf621Event permits Tmf621Event.AttributeValueChange, Tmf621Event.StatusChange,
        Tmf621Event.Resolved, Tmf621Event.InformationRequired, Tmf621Event.Created, Tmf621Event.Deleted, Tmf621Event.Unknown {

    /** {@code TroubleTicketAttributeValueChangeEvent}. */
    String ATTRIBUTE_VALUE_CHANGE = "TroubleTicketAttributeValueChangeEvent";
    /** {@code TroubleTicketStatusChangeEvent}. */
    String STATUS_CHANGE = "TroubleTicketStatusChangeEvent";
    /** {@code TroubleTicketResolvedEvent}. */
    String RESOLVED = "TroubleTicketResolvedEvent";
    /** {@code TroubleTicketInformationRequiredEvent}. */
    String INFORMATION_REQUIRED = "TroubleTicketInformationRequiredEvent";
    /** {@code TroubleTicketCreateEvent} (TMF621). */
    String CREATE = "TroubleTicketCreateEvent";
    /** {@code TroubleTicketDeleteEvent} (TMF621). */
    String DELETE = "TroubleTicketDeleteEvent";

    /** The envelope. */
    EventHeader header();

    /** The ticket the event carries ({@code event.troubleTicket}), or {@code null} when it carries none. */
    TroubleTicket troubleTicket();

    /** The notification exactly as received. */
    RawPayload raw();

    /** The event's id. */
    default String eventId() {
        return header().eventId();
    }

    /** The event type as received. */
    default String eventType() {
        return header().eventType();
    }

    /**
     * An attribute of the ticket changed.
     *
     * @param fieldPath which attributes changed, as the server names them (for example {@code note,severity})
     */
    record AttributeValueChange(EventHeader header, TroubleTicket troubleTicket, String fieldPath, RawPayload raw)
            implements Tmf621Event {
    }

    /** The ticket's status changed. */
    record StatusChange(EventHeader header, TroubleTicket troubleTicket, RawPayload raw) implements Tmf621Event {
    }

    /** The provider resolved the ticket: the operator should close it or reject the resolution. */
    record Resolved(EventHeader header, TroubleTicket troubleTicket, RawPayload raw) implements Tmf621Event {
    }

    /**
     * The provider needs information from the operator.
     *
     * @param fieldPath which attributes the provider wants, when it says
     */
    record InformationRequired(EventHeader header, TroubleTicket troubleTicket, String fieldPath, RawPayload raw)
            implements Tmf621Event {
    }

    /** A ticket was created. */
    record Created(EventHeader header, TroubleTicket troubleTicket, RawPayload raw) implements Tmf621Event {
    }

    /** A ticket was deleted. */
    record Deleted(EventHeader header, TroubleTicket troubleTicket, RawPayload raw) implements Tmf621Event {
    }

    /** An event type this SDK version does not know; everything is kept in {@link #raw()}. */
    record Unknown(EventHeader header, TroubleTicket troubleTicket, RawPayload raw) implements Tmf621Event {
    }
}
