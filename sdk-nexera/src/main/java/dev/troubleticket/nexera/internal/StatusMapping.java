package dev.troubleticket.nexera.internal;

import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.nexera.model.TroubleTicketStatus;
import java.util.Map;

/** TMF621 statuses onto neutral ones, and back for the targets an operator may ask for. */
public final class StatusMapping {
    private static final Map<TroubleTicketStatus, TicketStatus> TO_NEUTRAL = Map.of(
            TroubleTicketStatus.SUBMITTED, TicketStatus.SUBMITTED,
            TroubleTicketStatus.ACKNOWLEDGED, TicketStatus.ACKNOWLEDGED,
            TroubleTicketStatus.IN_PROGRESS, TicketStatus.IN_PROGRESS,
            TroubleTicketStatus.PENDING, TicketStatus.WAITING_FOR_OPERATOR,
            TroubleTicketStatus.HELD, TicketStatus.ON_HOLD,
            TroubleTicketStatus.RESOLVED, TicketStatus.RESOLVED,
            TroubleTicketStatus.CLOSED, TicketStatus.CLOSED,
            TroubleTicketStatus.CANCELLED, TicketStatus.CANCELLED,
            TroubleTicketStatus.REJECTED, TicketStatus.REJECTED);

    private StatusMapping() {
    }

    /** The neutral status; {@link TicketStatus#UNKNOWN} for a status TMF621 does not name, {@code null} for none. */
    public static TicketStatus toNeutral(TroubleTicketStatus status) {
        if (status == null) {
            return null;
        }
        TroubleTicketStatus known = status.canonical();
        return known == null ? TicketStatus.UNKNOWN : TO_NEUTRAL.get(known);
    }

    /** The whole table, for the README and tests. */
    public static Map<TroubleTicketStatus, TicketStatus> table() {
        return TO_NEUTRAL;
    }
}
