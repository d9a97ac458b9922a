package dev.troubleticket.nexera.internal;

import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.nexera.model.TroubleTicketStatus;
import java.util.List;

/**
 * The status changes an operator may make on a TMF621 ticket (the document is silent; this is the
 * SDK's reading of TMF621's lifecycle, printed in the README):
 * <ul>
 *   <li>{@code pending → inProgress}: the operator answers the information request (a note is required);</li>
 *   <li>{@code resolved → closed}: the operator accepts the resolution;</li>
 *   <li>{@code resolved → inProgress}: the operator rejects the resolution (a note is required);</li>
 *   <li>{@code submitted / acknowledged / inProgress / pending / held → cancelled}: the operator withdraws the ticket.</li>
 * </ul>
 * Everything else is the provider's to do.
 */
public final class TransitionRules {

    /**
     * One change the operator may make.
     *
     * @param target       the status the ticket moves to
     * @param neutral      the neutral status of the target
     * @param description  what the change means
     * @param needsComment whether a note must explain it
     */
    public record Allowed(TroubleTicketStatus target, TicketStatus neutral, String description, boolean needsComment) {
    }

    private TransitionRules() {
    }

    /** The changes an operator may make from {@code current}. */
    public static List<Allowed> from(TroubleTicketStatus current) {
        TroubleTicketStatus known = current == null ? null : current.canonical();
        Allowed cancel = new Allowed(TroubleTicketStatus.CANCELLED, TicketStatus.CANCELLED, "withdraw the ticket", false);
        if (known == null) {
            return List.of();
        }
        if (known.equals(TroubleTicketStatus.PENDING)) {
            return List.of(new Allowed(TroubleTicketStatus.IN_PROGRESS, TicketStatus.IN_PROGRESS,
                    "answer the provider's request for information", true), cancel);
        }
        if (known.equals(TroubleTicketStatus.RESOLVED)) {
            return List.of(new Allowed(TroubleTicketStatus.CLOSED, TicketStatus.CLOSED, "accept the resolution and close", false),
                    new Allowed(TroubleTicketStatus.IN_PROGRESS, TicketStatus.IN_PROGRESS, "reject the resolution", true));
        }
        if (known.equals(TroubleTicketStatus.SUBMITTED) || known.equals(TroubleTicketStatus.ACKNOWLEDGED)
                || known.equals(TroubleTicketStatus.IN_PROGRESS) || known.equals(TroubleTicketStatus.HELD)) {
            return List.of(cancel);
        }
        return List.of();
    }
}
