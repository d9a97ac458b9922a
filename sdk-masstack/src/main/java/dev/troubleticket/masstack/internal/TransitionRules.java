package dev.troubleticket.masstack.internal;

import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.model.AllowedTransition;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.masstack.model.MasStackTicket;
import dev.troubleticket.masstack.model.Transaction;
import dev.troubleticket.masstack.model.TransactionInput;
import dev.troubleticket.masstack.model.TransactionTable;
import dev.troubleticket.masstack.model.TroubleTicketState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the operator may do to a ticket, read from the {@link TransactionTable}: the document's rules of an update
 * ({@code PATCH}) for one transaction from the ticket's state, checked before sending, and the neutral reading of
 * the table (the transaction behind a neutral status change, the neutral transitions allowed now).
 */
public final class TransitionRules {
    /** The longest {@code mirrorKey} the document allows on {@code PATCH} (255 are allowed on create). */
    public static final int UPDATE_MIRROR_KEY_MAX = 15;

    private TransitionRules() {
    }

    /**
     * The rules of {@code PATCH /troubleTicket/{ticketId}} for one transaction from the ticket's current
     * state; every violation is collected.
     */
    public static Violations check(TransactionTable table, Transaction transaction, String ticketId,
                                   String mirrorKey, TroubleTicketState current, TransactionInput input) {
        Violations v = new Violations();
        if (transaction.role() != Transaction.Role.TU || transaction == Transaction.TU01) {
            v.add("transaction", transaction + " (" + transaction.englishName()
                    + ") is not an update the operator can make: " + (transaction == Transaction.TU01
                    ? "tickets are created with create()" : "it is the territory owner's (TO)"));
        } else if (current == null) {
            v.add("baseTroubleTicketState", "the ticket's current state is unknown, so " + transaction + " cannot be checked");
        } else if (!table.isAllowed(transaction, current)) {
            List<Transaction> allowed = table.allowed(Transaction.Role.TU, current);
            v.add("baseTroubleTicketState", transaction + " (" + transaction.englishName() + ") is not allowed from "
                    + current + "; allowed: " + (allowed.isEmpty() ? "none"
                    : allowed.stream().map(t -> t + " (" + t.englishName() + ")").collect(Collectors.joining(", "))));
        }
        v.requiredMax("ticketId", ticketId, 15);
        v.requiredMax("mirrorKey", mirrorKey, UPDATE_MIRROR_KEY_MAX);
        v.requiredMax("dialog", input.dialog(), 4000);
        if (transaction == Transaction.TU09) {
            v.requiredMax("closeOutType", input.closeOutType(), 128);
            v.requiredMax("closeOutNarr", input.closeOutNarr(), 128);
            if (v.required("serviceRestoredTime", input.serviceRestoredTime())) {
                v.maxLength("serviceRestoredTime", input.serviceRestoredTime(), 20);
                v.dateTime("serviceRestoredTime", input.serviceRestoredTime());
            }
        } else {
            v.maxLength("closeOutType", input.closeOutType(), 128);
            v.maxLength("closeOutNarr", input.closeOutNarr(), 128);
            v.maxLength("serviceRestoredTime", input.serviceRestoredTime(), 20);
            v.dateTime("serviceRestoredTime", input.serviceRestoredTime());
        }
        if (input.customer() != null && input.customer() < 0) {
            v.add("customer", "must not be negative");
        }
        v.attachments("attachments", input.attachments());
        return v;
    }

    /**
     * The operator transaction that makes a neutral status change from the ticket's current state. A provider target
     * may name the transaction ({@code TU09}, checked against the table with the rest of the update) or the state
     * ({@code CLOSED}).
     *
     * @throws ValidationException when no transaction allowed now leads there, naming those that are allowed
     */
    public static Transaction forChange(TransactionTable table, MasStackTicket current, StatusChange change) {
        TroubleTicketState state = current.state();
        List<Transaction> allowed = table.allowed(Transaction.Role.TU, state);
        if (change.providerTarget() != null) {
            Optional<Transaction> named = Transaction.fromCode(change.providerTarget());
            if (named.isPresent()) {
                return named.get();
            }
            TroubleTicketState target = TroubleTicketState.of(change.providerTarget());
            for (Transaction t : allowed) {
                if (t != Transaction.TU10 && target.is(table.row(t).to())) {
                    return t;
                }
            }
        } else {
            for (Transaction t : allowed) {
                if (t != Transaction.TU10 && StatusMapping.toNeutral(table.row(t).to()) == change.target()) {
                    return t;
                }
            }
        }
        throw ValidationException.beforeSending(NeutralMapping.PROVIDER, "status change", List.of(new FieldViolation("status",
                "ticket " + current.ticketId() + " is " + StatusMapping.toNeutral(state) + " (" + state + "); it cannot move to "
                        + change.describeTarget() + "; allowed: " + describe(table, allowed))));
    }

    private static String describe(TransactionTable table, List<Transaction> allowed) {
        List<Transaction> changes = allowed.stream().filter(t -> t != Transaction.TU10).collect(Collectors.toList());
        if (changes.isEmpty()) {
            return "none";
        }
        return changes.stream().map(t -> StatusMapping.toNeutral(table.row(t).to()) + " (" + t + ", " + t.englishName() + ")")
                .collect(Collectors.joining(", "));
    }

    /** The neutral transitions the operator may make from {@code state}: its transactions that change the state. */
    public static List<AllowedTransition> allowedTransitions(TransactionTable table, TroubleTicketState state) {
        List<AllowedTransition> result = new ArrayList<>();
        for (Transaction t : table.allowed(Transaction.Role.TU, state)) {
            if (t == Transaction.TU10) {
                continue; // no change of status: that is comment()
            }
            result.add(new AllowedTransition(StatusMapping.toNeutral(table.row(t).to()), t.code(), t.englishName(),
                    t == Transaction.TU06));
        }
        return result;
    }
}
