package dev.troubleticket.masstack.internal;

import dev.troubleticket.masstack.model.CreateTroubleTicketRequest;
import dev.troubleticket.masstack.model.IssueType;
import dev.troubleticket.masstack.model.Transaction;
import dev.troubleticket.masstack.model.TransactionInput;
import dev.troubleticket.masstack.model.TransactionTable;
import dev.troubleticket.masstack.model.TroubleTicketState;
import java.util.List;
import java.util.stream.Collectors;

/** The document's constraints on create and update bodies, checked before anything is sent. */
public final class RequestRules {
    private RequestRules() {
    }

    /** The longest {@code mirrorKey} the document allows on {@code PATCH} (255 are allowed on create). */
    public static final int UPDATE_MIRROR_KEY_MAX = 15;

    /** The rules of {@code POST /troubleTicket}; every violation is collected. */
    public static Violations checkCreate(CreateTroubleTicketRequest r) {
        Violations v = new Violations();
        if (v.required("baseTroubleTicketState", r.baseTroubleTicketState())) {
            v.maxLength("baseTroubleTicketState", r.baseTroubleTicketState(), 15);
            if (!TroubleTicketState.OPENACTIVE.value().equals(r.baseTroubleTicketState())) {
                v.add("baseTroubleTicketState", "must be OPENACTIVE: a ticket is always created open");
            }
        }
        v.requiredMax("mirrorKey", r.mirrorKey(), 255);
        v.requiredMax("dialog", r.dialog(), 4000);
        v.requiredMax("troubleType", r.troubleType(), 35);
        v.requiredMax("troubleDescription", r.troubleDescription(), 1000);
        if (v.required("troubleDetectionTime", r.troubleDetectionTime())) {
            v.dateTime("troubleDetectionTime", r.troubleDetectionTime());
        }
        if (r.preferredPriority() == null) {
            v.add("preferredPriority", "is required: 1 (more than 200 clients), 2 (65 to 200) or 3 (10 to 65)");
        } else if (r.preferredPriority() < 1 || r.preferredPriority() > 3) {
            v.add("preferredPriority", "is " + r.preferredPriority()
                    + "; must be 1 (more than 200 clients), 2 (65 to 200) or 3 (10 to 65)");
        }
        v.requiredMax("troubledObject", r.troubledObject(), 100);
        v.requiredMax("customerTroubleNum", r.customerTroubleNum(), 100);
        IssueType issueType = r.wh1Parameter();
        if (issueType == null || issueType.wireValue().isBlank()) {
            v.add("wh1Parameter", "is required: the issue type, client (cliente) or network (red)");
        } else if (issueType.kind() == IssueType.Kind.OTHER) {
            v.add("wh1Parameter", "'" + issueType.wireValue() + "' is neither client (cliente) nor network (red)");
        }
        if (issueType != null && issueType.kind() == IssueType.Kind.CLIENT) {
            // The document: required "when issue type is client and IUA is not ready"; the SDK cannot know the IUA.
            if (r.homeId() == null || r.homeId().isBlank()) {
                v.add("homeId", "is required when the issue type (wh1Parameter) is client");
            }
        }
        v.maxLength("homeId", r.homeId(), 255);
        v.maxLength("gescal37ID", r.gescal37ID(), 40);
        v.maxLength("wh2Parameter", r.wh2Parameter(), 255);
        v.maxLength("wh3Parameter", r.wh3Parameter(), 255);
        v.maxLength("wh4Parameter", r.wh4Parameter(), 255);
        v.maxLength("wh5Parameter", r.wh5Parameter(), 255);
        v.required("clearencePerson", r.clearencePerson());
        v.attachments("attachments", r.attachmentList());
        return v;
    }

    /**
     * The rules of {@code PATCH /troubleTicket/{ticketId}} for one transaction from the ticket's current
     * state; every violation is collected.
     */
    public static Violations checkTransaction(TransactionTable table, Transaction transaction, String ticketId,
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
}
