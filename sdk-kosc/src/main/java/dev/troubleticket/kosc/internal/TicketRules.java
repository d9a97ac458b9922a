package dev.troubleticket.kosc.internal;

import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.model.AllowedTransition;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.kosc.model.KoscTicketStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The operator's side of the Kosc ticket lifecycle, as the document states it: a {@code deferred} ticket
 * is handed back with {@code open}, a {@code cleared} ticket is closed with {@code closed}; nothing else.
 * Also the mapping of every Kosc status onto the neutral lifecycle.
 */
public final class TicketRules {
    private static final Map<KoscTicketStatus, TicketStatus> NEUTRAL = Map.of(
            KoscTicketStatus.OPEN, TicketStatus.IN_PROGRESS,
            KoscTicketStatus.DEFERRED, TicketStatus.WAITING_FOR_OPERATOR,
            KoscTicketStatus.CLEARED, TicketStatus.RESOLVED,
            KoscTicketStatus.REOPEN, TicketStatus.IN_PROGRESS,
            KoscTicketStatus.CLOSED, TicketStatus.CLOSED,
            KoscTicketStatus.CANCELED, TicketStatus.CANCELLED);

    private TicketRules() {
    }

    /** The neutral status for a Kosc status; {@code UNKNOWN} for one the documents do not name. */
    public static TicketStatus neutral(KoscTicketStatus status) {
        return status == null ? TicketStatus.UNKNOWN : NEUTRAL.getOrDefault(status, TicketStatus.UNKNOWN);
    }

    /** What the operator may do next from {@code current}. */
    public static List<AllowedTransition> allowedFrom(KoscTicketStatus current) {
        if (KoscTicketStatus.DEFERRED.equals(current)) {
            return List.of(new AllowedTransition(TicketStatus.IN_PROGRESS, KoscTicketStatus.OPEN.value(),
                    "end the deferred status (answer Kosc's question), with or without a comment", false));
        }
        if (KoscTicketStatus.CLEARED.equals(current)) {
            return List.of(new AllowedTransition(TicketStatus.CLOSED, KoscTicketStatus.CLOSED.value(),
                    "close the cleared ticket", false));
        }
        return List.of();
    }

    /**
     * The Kosc status to send for a change to {@code target} from {@code current}, or a
     * {@link ValidationException} (nothing sent) naming the changes allowed from {@code current}.
     */
    public static KoscTicketStatus checkOperatorChange(String ticketId, KoscTicketStatus current, KoscTicketStatus target) {
        for (AllowedTransition allowed : allowedFrom(current)) {
            if (allowed.providerAction().equals(target.value())) {
                return target;
            }
        }
        throw refusal(ticketId, current, target.value());
    }

    /** The refusal for a change the operator may not make. */
    public static ValidationException refusal(String ticketId, KoscTicketStatus current, String target) {
        List<AllowedTransition> allowed = allowedFrom(current);
        String options = allowed.isEmpty() ? "none (Kosc must act first)"
                : allowed.stream().map(a -> a.providerAction() + " (" + a.target() + ")").collect(Collectors.joining(", "));
        return ValidationException.beforeSending("kosc", "status change of ticket " + ticketId, List.of(new FieldViolation("status",
                "the operator cannot move a '" + current + "' ticket to '" + target + "'; allowed from '" + current + "': " + options)));
    }
}
