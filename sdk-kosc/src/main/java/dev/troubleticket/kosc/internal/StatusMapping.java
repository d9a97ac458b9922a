package dev.troubleticket.kosc.internal;

import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.kosc.model.KoscTicketStatus;
import java.util.Map;

/**
 * Every Kosc ticket status onto the neutral lifecycle: open → IN_PROGRESS, deferred → WAITING_FOR_OPERATOR,
 * cleared → RESOLVED, reopen → IN_PROGRESS, closed → CLOSED, canceled → CANCELLED, anything else → UNKNOWN.
 */
public final class StatusMapping {
    private static final Map<KoscTicketStatus, TicketStatus> NEUTRAL = Map.of(
            KoscTicketStatus.OPEN, TicketStatus.IN_PROGRESS,
            KoscTicketStatus.DEFERRED, TicketStatus.WAITING_FOR_OPERATOR,
            KoscTicketStatus.CLEARED, TicketStatus.RESOLVED,
            KoscTicketStatus.REOPEN, TicketStatus.IN_PROGRESS,
            KoscTicketStatus.CLOSED, TicketStatus.CLOSED,
            KoscTicketStatus.CANCELED, TicketStatus.CANCELLED);

    private StatusMapping() {
    }

    /** The neutral status for a Kosc status; {@code UNKNOWN} for one the documents do not name. */
    public static TicketStatus neutral(KoscTicketStatus status) {
        KoscTicketStatus documented = status == null ? null : status.canonical();
        return documented == null ? TicketStatus.UNKNOWN : NEUTRAL.get(documented);
    }
}
