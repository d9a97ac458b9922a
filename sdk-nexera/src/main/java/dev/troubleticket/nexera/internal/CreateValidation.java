package dev.troubleticket.nexera.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.nexera.model.Origin;
import dev.troubleticket.nexera.model.Requirement;
import dev.troubleticket.nexera.model.RequirementMatrix;
import dev.troubleticket.nexera.model.Severity;
import dev.troubleticket.nexera.model.TicketSubtype;
import dev.troubleticket.nexera.model.TicketOperation;
import dev.troubleticket.nexera.model.TicketType;
import dev.troubleticket.nexera.model.TroubleTicket;
import dev.troubleticket.nexera.model.TroubleTicketStatus;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a create or a merge patch against the profile's requirement matrix and vocabularies, collecting
 * every violation (it never stops at the first). Works on the JSON the request would send, so that the
 * field names in the messages are the wire names ({@code note[1].text}).
 */
public final class CreateValidation {
    private static final Pattern MIME_TYPE = Pattern.compile("^[\\w.+-]+/[\\w.+-]+(\\s*;.*)?$");
    /** The statuses an operator may ask for in a PATCH; which one from which status is {@link TransitionRules}' business. */
    static final List<TroubleTicketStatus> OPERATOR_TARGETS = List.of(TroubleTicketStatus.IN_PROGRESS, TroubleTicketStatus.CLOSED,
            TroubleTicketStatus.CANCELLED);

    private final RequirementMatrix matrix;
    private final boolean strictVocabulary;
    private final ObjectMapper mapper;

    /**
     * @param matrix           the profile's requirement matrix
     * @param strictVocabulary whether values outside the documented vocabularies are refused (the profile's)
     */
    public CreateValidation(RequirementMatrix matrix, boolean strictVocabulary, ObjectMapper mapper) {
        this.matrix = matrix;
        this.strictVocabulary = strictVocabulary;
        this.mapper = mapper;
    }

    /**
     * Every violation of the request.
     *
     * @param ticket            the create body or the merge patch
     * @param operation         create or update
     * @param currentTicketType for an update, the ticket's type if known (the patch may not carry it), else {@code null}
     */
    public List<FieldViolation> check(TroubleTicket ticket, TicketOperation operation, String currentTicketType) {
        return check(ticket, mapper.valueToTree(ticket), operation, currentTicketType);
    }

    /** Like {@link #check(TroubleTicket, TicketOperation, String)}, on the JSON already written from {@code ticket}. */
    public List<FieldViolation> check(TroubleTicket ticket, ObjectNode json, TicketOperation operation, String currentTicketType) {
        String ticketType = operation == TicketOperation.CREATE ? text(json.get("ticketType"))
                : currentTicketType != null ? currentTicketType : text(json.get("ticketType"));
        String column = matrix.columnFor(ticketType);
        List<FieldViolation> violations = new ArrayList<>();
        checkMatrix(json, operation, ticketType, column, violations);
        checkProcessRules(json, operation, violations);
        checkValues(ticket, json, violations);
        if (operation == TicketOperation.UPDATE && !hasAnyField(json)) {
            violations.add(new FieldViolation("(patch)", "a merge patch must change at least one field"));
        }
        return violations;
    }

    private void checkMatrix(ObjectNode json, TicketOperation operation, String ticketType, String column,
                             List<FieldViolation> violations) {
        String where = column + " " + operation.method();
        List<String> fields = matrix.fields();
        List<Requirement> requirements = matrix.requirements(ticketType, operation);
        for (int f = 0; f < fields.size(); f++) {
            String field = fields.get(f);
            Requirement requirement = requirements.get(f);
            if (requirement == Requirement.OPTIONAL || requirement == Requirement.PROCESS_DEPENDENT) {
                // Nothing to check here (process-dependent cells are checkProcessRules' business).
                continue;
            }
            int dot = field.indexOf('.');
            if (dot < 0) {
                apply(requirement, field, json.get(field), where, violations);
                continue;
            }
            String parent = field.substring(0, dot);
            String child = field.substring(dot + 1);
            JsonNode array = json.get(parent);
            if (array == null || !array.isArray()) {
                continue;
            }
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (parent.equals("attachment") && isAttachmentReference(element) && !child.equals("id")
                        && requirement == Requirement.REQUIRED) {
                    // An AttachmentRef (id, no content) points at a file the server holds: nothing to embed.
                    continue;
                }
                apply(requirement, parent + "[" + i + "]." + child, element.get(child), where, violations);
            }
        }
    }

    private static boolean isAttachmentReference(JsonNode element) {
        return element.hasNonNull("id") && !element.hasNonNull("content");
    }

    private static void apply(Requirement requirement, String path, JsonNode value, String where, List<FieldViolation> violations) {
        switch (requirement) {
            case REQUIRED -> {
                if (!isPresent(value)) {
                    violations.add(new FieldViolation(path, "is required in a " + where));
                }
            }
            case PROHIBITED -> {
                if (value != null && !value.isNull() && !(value.isArray() && value.isEmpty())) {
                    violations.add(new FieldViolation(path, "must not be sent in a " + where
                            + " (the server sets it, or it cannot be changed)"));
                }
            }
            default -> {
                // OPTIONAL: anything goes; PROCESS_DEPENDENT: checked by checkProcessRules.
            }
        }
    }

    private static boolean isPresent(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isTextual()) {
            return !value.asText().isBlank();
        }
        return !(value.isContainerNode() && value.isEmpty());
    }

    /** The process-dependent cells: what the document leaves to the process, the SDK decides here. */
    private void checkProcessRules(ObjectNode json, TicketOperation operation, List<FieldViolation> violations) {
        if (operation != TicketOperation.UPDATE) {
            return;
        }
        String type = text(json.get("ticketType"));
        JsonNode status = json.get("status");
        if (matrix.requirement("status", type, operation) == Requirement.PROCESS_DEPENDENT && status != null
                && !OPERATOR_TARGETS.contains(TroubleTicketStatus.of(status.asText()).canonical())) {
            violations.add(new FieldViolation("status", "an operator may only set inProgress, closed or cancelled, not '"
                    + status.asText() + "'"));
        }
        if (matrix.requirement("statusChangeReason", type, operation) == Requirement.PROCESS_DEPENDENT
                && json.hasNonNull("statusChangeReason") && status == null) {
            violations.add(new FieldViolation("statusChangeReason", "may only be sent together with a status change"));
        }
    }

    private void checkValues(TroubleTicket ticket, ObjectNode json, List<FieldViolation> violations) {
        if (strictVocabulary) {
            vocabulary("ticketType", ticket.ticketType() == null ? null : ticket.ticketType().isKnown(),
                    TicketType.knownValues(), violations);
            vocabulary("ticketSubtype", ticket.ticketSubtype() == null ? null : ticket.ticketSubtype().isKnown(),
                    TicketSubtype.knownValues(), violations);
            vocabulary("severity", ticket.severity() == null ? null : ticket.severity().isKnown(),
                    Severity.knownValues(), violations);
            vocabulary("origin", ticket.origin() == null ? null : ticket.origin().isKnown(), Origin.knownValues(), violations);
            Integer priority = ticket.priority() == null ? null : ticket.priority().asInteger();
            if (ticket.priority() != null && (priority == null || priority < 1 || priority > 10)) {
                violations.add(new FieldViolation("priority", "must be a whole number between 1 (highest) and 10 (lowest), was "
                        + ticket.priority()));
            }
        }
        if (ticket.status() != null && !ticket.status().isKnown()) {
            violations.add(new FieldViolation("status", "'" + ticket.status() + "' is not a TMF621 status; known: "
                    + TroubleTicketStatus.knownValues()));
        }
        JsonNode attachments = json.get("attachment");
        if (attachments != null && attachments.isArray()) {
            for (int i = 0; i < attachments.size(); i++) {
                JsonNode a = attachments.get(i);
                String at = "attachment[" + i + "]";
                if (a.hasNonNull("content") && !isBase64(a.get("content").asText())) {
                    violations.add(new FieldViolation(at + ".content", "must be base64-encoded"));
                }
                if (a.hasNonNull("mimeType") && !MIME_TYPE.matcher(a.get("mimeType").asText()).matches()) {
                    violations.add(new FieldViolation(at + ".mimeType", "must be a media type such as image/png, was '"
                            + a.get("mimeType").asText() + "'"));
                }
                JsonNode amount = a.path("size").get("amount");
                if (amount != null && amount.isNumber() && amount.decimalValue().signum() < 0) {
                    violations.add(new FieldViolation(at + ".size.amount", "must not be negative"));
                }
            }
        }
    }

    private static void vocabulary(String field, Boolean known, List<?> values, List<FieldViolation> violations) {
        if (Boolean.FALSE.equals(known)) {
            violations.add(new FieldViolation(field, "must be one of " + values.stream().map(Object::toString)
                    .collect(Collectors.joining(", "))));
        }
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text.replaceAll("\\s", ""));
            return !text.isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasAnyField(ObjectNode json) {
        var names = json.fieldNames();
        while (names.hasNext()) {
            if (isPresent(json.get(names.next()))) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
