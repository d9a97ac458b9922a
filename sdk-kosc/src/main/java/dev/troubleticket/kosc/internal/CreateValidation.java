package dev.troubleticket.kosc.internal;

import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.kosc.model.CreateKoscTicketRequest;
import dev.troubleticket.kosc.model.KoscContact;
import dev.troubleticket.kosc.model.TicketCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every rule of Kosc's document for {@code POST /api/tickets/} that the client can check, in field order. The
 * rules only Kosc can check (standard diagnostic, one open ticket per service and per diagnostic run) are not
 * here: they come back as Kosc's refusals.
 */
public final class CreateValidation {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .-]{5,19}");

    private CreateValidation() {
    }

    /** Every rule the request breaks, in field order; empty when it may be sent. */
    public static List<FieldViolation> violations(CreateKoscTicketRequest request) {
        List<FieldViolation> problems = new ArrayList<>();
        String diagnosticRunId = request.diagnosticRunId();
        TicketCategory category = request.category();
        if (!request.diagnosticRunIdGiven()) {
            problems.add(new FieldViolation("diagnostic_run_id",
                    "is required as a key (null or empty is allowed only for categories moving_otp, slamming, other)"));
        } else if (isBlank(diagnosticRunId) && !mayGoWithoutDiagnostic(category)) {
            problems.add(new FieldViolation("diagnostic_run_id", "must name a diagnostic run for category "
                    + (category == null ? "(none)" : category.value()) + "; only moving_otp, slamming and other may go without"));
        }
        String type = request.type();
        if (isBlank(type)) {
            problems.add(new FieldViolation("type", "is required (service)"));
        } else if (!CreateKoscTicketRequest.TYPE_SERVICE.equals(type)) {
            problems.add(new FieldViolation("type", "must be 'service', the only ticket type, not '" + type + "'"));
        }
        if (isBlank(request.serviceUuid())) {
            problems.add(new FieldViolation("service_uuid", "is required"));
        }
        if (isBlank(request.operatorTicketRef())) {
            problems.add(new FieldViolation("operator_ticket_ref", "is required (it also makes a create safe to retry)"));
        }
        if (isBlank(request.description())) {
            problems.add(new FieldViolation("description", "is required"));
        }
        if (category == null) {
            problems.add(new FieldViolation("category", "is required, one of " + TicketCategory.knownValues()));
        } else if (!category.isKnown()) {
            problems.add(new FieldViolation("category", "'" + category.value() + "' is not one of " + TicketCategory.knownValues()));
        }
        if (request.priority() != null && request.priority().isBlank()) {
            problems.add(new FieldViolation("priority", "must not be blank (leave it out for the default)"));
        }
        KoscContact contact = request.ownerContact();
        if (contact == null) {
            problems.add(new FieldViolation("owner_contact", "is required (first_name, last_name, email, phone_number)"));
        } else {
            if (isBlank(contact.firstName())) {
                problems.add(new FieldViolation("owner_contact.first_name", "is required"));
            }
            if (isBlank(contact.lastName())) {
                problems.add(new FieldViolation("owner_contact.last_name", "is required"));
            }
            if (isBlank(contact.email())) {
                problems.add(new FieldViolation("owner_contact.email", "is required"));
            } else if (!EMAIL.matcher(contact.email().trim()).matches()) {
                problems.add(new FieldViolation("owner_contact.email", "is not an e-mail address"));
            }
            if (isBlank(contact.phoneNumber())) {
                problems.add(new FieldViolation("owner_contact.phone_number", "is required"));
            } else if (!PHONE.matcher(contact.phoneNumber().trim()).matches()) {
                problems.add(new FieldViolation("owner_contact.phone_number", "is not a phone number (digits, optionally +, spaces, dots, dashes)"));
            }
        }
        return problems;
    }

    private static boolean mayGoWithoutDiagnostic(TicketCategory category) {
        return category != null && CreateKoscTicketRequest.CATEGORIES_WITHOUT_DIAGNOSTIC.stream().anyMatch(category::is);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
