package dev.troubleticket.masstack.internal;

import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.masstack.model.TroubleTicketState;

/** MasStack's states and the neutral statuses they stand for, as the module README's table gives them. */
public final class StatusMapping {
    private StatusMapping() {
    }

    /** The neutral status of a MasStack state; unknown states are {@link TicketStatus#UNKNOWN}. */
    public static TicketStatus toNeutral(TroubleTicketState state) {
        TroubleTicketState known = state == null ? null : state.canonical();
        if (known == null) {
            return TicketStatus.UNKNOWN;
        }
        switch (known.value()) {
            case "OPENACTIVE": return TicketStatus.IN_PROGRESS;
            case "DEFERRED.AWAITING-INFORMATION": return TicketStatus.WAITING_FOR_OPERATOR;
            case "DEFERRED.AWAITING-CANCELATION": return TicketStatus.CANCELLATION_REQUESTED;
            case "CLEARED": return TicketStatus.RESOLVED;
            case "CLOSED": return TicketStatus.CLOSED;
            case "CLOSED.CANCELED": return TicketStatus.CANCELLED;
            default: return TicketStatus.UNKNOWN;
        }
    }
}
