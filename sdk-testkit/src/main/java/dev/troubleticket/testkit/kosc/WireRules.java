package dev.troubleticket.testkit.kosc;

import static dev.troubleticket.testkit.kosc.WireJson.detail;
import static dev.troubleticket.testkit.kosc.WireJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;

/**
 * The simulator's own checks of what the operator sends, written from Kosc's document (not shared with the
 * adapter): the create body's fields, the diagnostic runs, the status changes the operator may make, and the
 * responsibility the document gives each clear code.
 */
final class WireRules {
    private static final Pattern DIAGNOSTIC_ALIAS = Pattern.compile("D\\d{6}_\\d{3,5}");
    private static final Set<String> CATEGORIES = Set.of("moving_otp", "generic_incident", "synchro", "packet_loss", "low_rate",
            "authentication", "slamming", "post_prod", "other");
    private static final Set<String> WITHOUT_DIAGNOSTIC = Set.of("moving_otp", "slamming", "other");
    private static final Map<String, String> RESPONSIBLE = Map.of("synchronization", "Covage", "modem", "Customer",
            "provisionning", "Covage", "authentication_cust", "Customer", "authentication_kosc", "Covage",
            "throughput_packet_loss", "Covage", "major_network_incident", "Covage", "ticket_cancelation_cust", "Customer",
            "other_cust", "Customer", "other_kosc", "Covage");

    private WireRules() {
    }

    /** Whether a diagnostic run is written as Kosc's aliases are ({@code D170403_001}): those are known by default. */
    static boolean isDiagnosticAlias(String run) {
        return DIAGNOSTIC_ALIAS.matcher(run).matches();
    }

    /** The field errors of a create body (an object), as Kosc words them; empty when its fields may be sent. */
    static List<ObjectNode> createErrors(JsonNode body) {
        List<ObjectNode> details = new ArrayList<>();
        String category = text(body, "category");
        if (category == null || category.isEmpty()) {
            details.add(detail("category", "This field is required."));
        } else if (!CATEGORIES.contains(category)) {
            details.add(detail("category", "\"" + category + "\" is not a valid choice."));
        }
        String diagnostic = text(body, "diagnostic_run_id");
        if (!body.has("diagnostic_run_id")) {
            details.add(detail("diagnostic_run_id", "This field is required."));
        } else if ((diagnostic == null || diagnostic.isEmpty()) && (category == null || !WITHOUT_DIAGNOSTIC.contains(category))) {
            details.add(detail("diagnostic_run_id", "This field may not be null or empty for this category."));
        }
        String type = text(body, "type");
        if (type == null) {
            details.add(detail("type", "This field is required."));
        } else if (!type.equals("service")) {
            details.add(detail("type", "\"" + type + "\" is not a valid choice."));
        }
        for (String field : List.of("service_uuid", "operator_ticket_ref", "description")) {
            String value = text(body, field);
            if (value == null || value.isBlank()) {
                details.add(detail(field, "This field is required."));
            }
        }
        JsonNode contact = body.get("owner_contact");
        if (contact == null || !contact.isObject()) {
            details.add(detail("owner_contact", "This field is required."));
        } else {
            for (String field : List.of("first_name", "last_name", "email", "phone_number")) {
                String value = text(contact, field);
                if (value == null || value.isBlank()) {
                    details.add(detail("owner_contact." + field, "This field is required."));
                }
            }
        }
        return details;
    }

    /**
     * Kosc's refusal of a diagnostic run it does not know or that is not standard, or {@code null} when the run may
     * open a ticket. {@code registered} says which runs are standard; aliases like {@code D170403_001} are by default.
     */
    static MockResponse diagnosticRefusal(String diagnostic, Map<String, Boolean> registered) {
        Boolean standard = registered.get(diagnostic);
        if (standard == null && isDiagnosticAlias(diagnostic)) {
            standard = Boolean.TRUE;
        }
        if (standard == null) {
            return WireJson.invalid("diagnostic_run_id", "Diagnostic run \"" + diagnostic + "\" does not exist.");
        }
        if (!standard) {
            return WireJson.invalid("diagnostic_run_id", "The diagnostic run \"" + diagnostic + "\" is not a standard diagnostic.");
        }
        return null;
    }

    /**
     * Kosc's refusal of an event the operator posts on {@code ticket} ({@code status} and {@code comment} of its
     * body), or {@code null} when it may be added: a status or a comment, on an open ticket, and of the status
     * changes only {@code deferred → open} and {@code cleared → closed}.
     */
    static MockResponse eventRefusal(SimulatedTicket ticket, String status, String comment) {
        if (status == null && (comment == null || comment.isBlank())) {
            return WireJson.invalid("non_field_errors", "One of status or comment is required.");
        }
        if (!ticket.isOpen()) {
            return WireJson.error(400, "The ticket is " + ticket.status + ": no event can be added.", null);
        }
        if (status != null) {
            boolean allowed = (status.equals("open") && ticket.status.equals("deferred"))
                    || (status.equals("closed") && ticket.status.equals("cleared"));
            if (!allowed) {
                return WireJson.invalid("status", "Cannot change status from \"" + ticket.status + "\" to \"" + status + "\".");
            }
        }
        return null;
    }

    /** The party the document makes responsible for a clear code ({@code Covage} for a code it does not list). */
    static String responsibility(String clearCode) {
        return RESPONSIBLE.getOrDefault(clearCode, "Covage");
    }

    /** Refuses a move of Kosc's side that its lifecycle does not allow from the ticket's status. */
    static void requireStatus(SimulatedTicket ticket, String action, String... allowed) {
        if (!List.of(allowed).contains(ticket.status)) {
            throw new IllegalStateException("Kosc cannot " + action + " ticket " + ticket.alias + " in status " + ticket.status);
        }
    }
}
