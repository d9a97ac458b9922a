package dev.troubleticket.masstack.internal;

import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.masstack.model.CreateTroubleTicketRequest;
import dev.troubleticket.masstack.model.IssueType;
import dev.troubleticket.masstack.model.TroubleTicketState;

/**
 * The document's constraints on a create body ({@code POST /troubleTicket}), checked before anything is sent and
 * reported together: by the typed API with the wire names, by the neutral client with the neutral names.
 */
public final class CreateValidation {
    private CreateValidation() {
    }

    /** The rules of {@code POST /troubleTicket}; every violation is collected. */
    public static Violations check(CreateTroubleTicketRequest r) {
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
        if (issueType == null || issueType.value().isBlank()) {
            v.add("wh1Parameter", "is required: the issue type, client (cliente) or network (red)");
        } else if (!issueType.isKnown()) {
            v.add("wh1Parameter", "'" + issueType.value() + "' is neither client (cliente) nor network (red)");
        }
        if (issueType != null && issueType.is(IssueType.CLIENT)) {
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
     * The rules of a create built from a neutral request, added to {@code found} under the neutral field that feeds
     * each wire field (so that the caller knows what to fix), and one rule only the neutral API has: the reference
     * must fit the update limit, since the ticket is answered, resolved and closed through updates.
     */
    public static void checkNeutral(CreateTroubleTicketRequest r, Violations found) {
        for (FieldViolation v : check(r).list()) {
            FieldViolation named = NeutralMapping.neutralName(v);
            found.add(named.field(), named.message());
        }
        String reference = r.mirrorKey();
        if (reference != null && reference.length() > TransitionRules.UPDATE_MIRROR_KEY_MAX && reference.length() <= 255) {
            // The document allows 255 characters on create but only 15 on every update: a longer key would
            // open a ticket that the neutral API could never answer, resolve or close.
            found.add("externalReference (mirrorKey)", "is " + reference.length()
                    + " characters long; MasStack accepts 255 on create but only " + TransitionRules.UPDATE_MIRROR_KEY_MAX
                    + " on updates, so the ticket could not be updated later");
        }
    }
}
