package dev.troubleticket.kosc.internal;

import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.model.AllowedTransition;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.kosc.model.KoscTicketStatus;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The operator's side of the Kosc ticket lifecycle, as the document states it: a {@code deferred} ticket
 * is handed back with {@code open}, a {@code cleared} ticket is closed with {@code closed}; nothing else.
 * (The mapping of Kosc statuses onto the neutral lifecycle is {@link StatusMapping}.)
 */
public final class TransitionRules {
    private TransitionRules() {
    }

    /** What the operator may do next from {@code current}. */
    public static List<AllowedTransition> allowedFrom(KoscTicketStatus current) {
        if (KoscTicketStatus.DEFERRED.is(current)) {
            return List.of(new AllowedTransition(TicketStatus.IN_PROGRESS, KoscTicketStatus.OPEN.value(),
                    "end the deferred status (answer Kosc's question), with or without a comment", false));
        }
        if (KoscTicketStatus.CLEARED.is(current)) {
            return List.of(new AllowedTransition(TicketStatus.CLOSED, KoscTicketStatus.CLOSED.value(),
                    "close the cleared ticket", false));
        }
        return List.of();
    }

    /**
     * The Kosc status to send for a change to {@code target} from {@code current} (the documented spelling of
     * {@code target}), or a {@link ValidationException} (nothing sent) naming the changes allowed from {@code current}.
     */
    public static KoscTicketStatus checkOperatorChange(String ticketId, KoscTicketStatus current, KoscTicketStatus target) {
        for (AllowedTransition allowed : allowedFrom(current)) {
            KoscTicketStatus action = KoscTicketStatus.of(allowed.providerAction());
            if (action.is(target)) {
                return action.canonical();
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
