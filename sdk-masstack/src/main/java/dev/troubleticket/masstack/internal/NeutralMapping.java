package dev.troubleticket.masstack.internal;

import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.core.model.Attachment;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.core.model.RawPayload;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.masstack.model.CreateTroubleTicketRequest;
import dev.troubleticket.masstack.model.IssueType;
import dev.troubleticket.masstack.model.MasStackAttachment;
import dev.troubleticket.masstack.model.MasStackTicket;
import dev.troubleticket.masstack.model.TroubleTicketState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Maps MasStack's tickets onto the neutral model (states through {@link StatusMapping}), and neutral create requests
 * onto MasStack's.
 */
public final class NeutralMapping {
    public static final String PROVIDER = "masstack";

    /** The provider fields a neutral create request may carry, by MasStack's own names. */
    public static final Set<String> CREATE_FIELDS = Set.of("troubleType", "troubleDescription", "dialog",
            "preferredPriority", "troubledObject", "customerTroubleNum", "homeId", "gescal37ID", "wh1Parameter",
            "wh2Parameter", "wh3Parameter", "wh4Parameter", "wh5Parameter", "customer", "clearencePerson");

    private NeutralMapping() {
    }

    /** MasStack's priority levels: 1 is the widest outage. Values outside 1..3 are kept, as UNKNOWN. */
    public static Priority toPriority(MasStackTicket ticket) {
        if (ticket.preferredPriority() == null) {
            return null;
        }
        OptionalInt level = ticket.priorityLevel();
        Priority.Level neutral = !level.isPresent() ? Priority.Level.UNKNOWN : switch (level.getAsInt()) {
            case 1 -> Priority.Level.CRITICAL;
            case 2 -> Priority.Level.HIGH;
            case 3 -> Priority.Level.MEDIUM;
            default -> Priority.Level.UNKNOWN;
        };
        return new Priority(neutral, ticket.preferredPriority());
    }

    /** The neutral ticket, keeping the provider's state and body. */
    public static Ticket toTicket(MasStackTicket t) {
        List<Attachment> attachments = new ArrayList<>();
        for (MasStackAttachment a : t.attachments()) {
            attachments.add(new Attachment(a.name(), a.mimeType(), a.decodedContent(), null));
        }
        TroubleTicketState state = t.state();
        return Ticket.builder(PROVIDER, t.ticketId())
                .externalReference(t.mirrorKey())
                .status(StatusMapping.toNeutral(state), t.baseTroubleTicketState())
                .title(t.troubleDescription())
                .description(t.dialog())
                .category(t.troubleType())
                .priority(toPriority(t))
                .serviceId(t.customerTroubleNum())
                .attachments(attachments)
                .raw(new RawPayload(PROVIDER, t.rawJson()))
                .build();
    }

    /** The adapter's defaults for what a neutral request cannot say. */
    public record CreateDefaults(String clearencePerson, IssueType issueType, int priority) {
    }

    /**
     * MasStack's create body for a neutral request. Provider fields win over the neutral ones; problems
     * that only the mapping can see (an unknown provider field, a priority that is not a number, an
     * attachment without content) are added to {@code violations}.
     */
    public static CreateTroubleTicketRequest toCreate(CreateTicketRequest r, CreateDefaults defaults, Instant now,
                                                      Violations violations) {
        Map<String, Object> fields = r.providerFields();
        for (String name : fields.keySet()) {
            if (!CREATE_FIELDS.contains(name)) {
                violations.add(name, "is not a MasStack create field; known provider fields: " + new java.util.TreeSet<>(CREATE_FIELDS));
            }
        }
        CreateTroubleTicketRequest.Builder b = CreateTroubleTicketRequest.builder()
                .mirrorKey(r.externalReference())
                .troubleType(or(r.providerField("troubleType"), r.category()))
                .troubleDescription(or(r.providerField("troubleDescription"), or(r.title(), r.description())))
                .dialog(or(r.providerField("dialog"), dialog(r)))
                .troubleDetectionTime(r.detectedAt() != null ? r.detectedAt() : now)
                .preferredPriority(priority(r, defaults, violations))
                .troubledObject(r.providerField("troubledObject"))
                .customerTroubleNum(or(r.providerField("customerTroubleNum"), r.serviceId()))
                .homeId(r.providerField("homeId"))
                .gescal37ID(r.providerField("gescal37ID"))
                .wh1Parameter(issueType(fields.get("wh1Parameter"), defaults))
                .wh2Parameter(r.providerField("wh2Parameter"))
                .wh3Parameter(r.providerField("wh3Parameter"))
                .wh4Parameter(r.providerField("wh4Parameter"))
                .wh5Parameter(r.providerField("wh5Parameter"))
                .customer(r.providerField("customer"))
                .clearencePerson(or(r.providerField("clearencePerson"), defaults.clearencePerson()));
        for (int i = 0; i < r.attachments().size(); i++) {
            Attachment a = r.attachments().get(i);
            if (a.content() == null) {
                violations.add("attachments[" + i + "]", "MasStack takes only files sent with their content, not URLs");
            } else {
                b.attachment(new MasStackAttachment(Base64.getEncoder().encodeToString(a.content()), a.mimeType(), a.name()));
            }
        }
        return b.build();
    }

    private static String dialog(CreateTicketRequest r) {
        String main = or(r.description(), r.title());
        if (r.initialComment() == null || r.initialComment().isBlank()) {
            return main;
        }
        return main == null ? r.initialComment() : main + "\n\n" + r.initialComment();
    }

    private static Integer priority(CreateTicketRequest r, CreateDefaults defaults, Violations violations) {
        Object explicit = r.providerFields().get("preferredPriority");
        String text = explicit != null ? explicit.toString()
                : r.priority() != null && r.priority().providerValue() != null ? r.priority().providerValue() : null;
        if (text != null) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                violations.add("preferredPriority", "'" + text + "' is not 1, 2 or 3");
                return null;
            }
        }
        if (r.priority() == null) {
            return defaults.priority();
        }
        switch (r.priority().level()) {
            case CRITICAL: return 1;
            case HIGH: return 2;
            case MEDIUM:
            case LOW: return 3;
            default: return defaults.priority();
        }
    }

    private static IssueType issueType(Object value, CreateDefaults defaults) {
        if (value instanceof IssueType type) {
            return type;
        }
        return value == null ? defaults.issueType() : IssueType.of(value.toString());
    }

    private static String or(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    /** Renames a create violation so that a neutral caller sees which of its fields feeds the wire field. */
    public static FieldViolation neutralName(FieldViolation v) {
        String neutral = switch (v.field()) {
            case "mirrorKey" -> "externalReference";
            case "troubleType" -> "category";
            case "troubleDescription" -> "title";
            case "dialog" -> "description";
            case "troubleDetectionTime" -> "detectedAt";
            case "preferredPriority" -> "priority";
            case "customerTroubleNum" -> "serviceId";
            default -> null;
        };
        return neutral == null ? v : new FieldViolation(neutral + " (" + v.field() + ")", v.message());
    }
}
