package dev.troubleticket.nexera.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.core.model.Attachment;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Numeral;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.core.model.RawPayload;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.model.Timestamp;
import dev.troubleticket.nexera.listener.Tmf621Event;
import dev.troubleticket.nexera.model.AttachmentRefOrValue;
import dev.troubleticket.nexera.model.Note;
import dev.troubleticket.nexera.model.RelatedEntity;
import dev.troubleticket.nexera.model.Severity;
import dev.troubleticket.nexera.model.StatusChangeRecord;
import dev.troubleticket.nexera.model.TicketSubtype;
import dev.troubleticket.nexera.model.TicketType;
import dev.troubleticket.nexera.model.TroubleTicket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Maps between the neutral model and TMF621: a neutral create onto a TroubleTicket, a TroubleTicket and
 * its notifications onto neutral tickets and events. The choices are printed in the module README.
 */
public final class NeutralMapping {
    /** The role given to the affected service in {@code relatedEntity}. */
    public static final String SERVICE_ROLE = "affectedService";

    private final String provider;
    private final String defaultTicketType;
    private final ObjectMapper mapper;

    /**
     * @param defaultTicketType the {@code ticketType} a neutral create is sent with (the profile's)
     */
    public NeutralMapping(String provider, String defaultTicketType, ObjectMapper mapper) {
        this.provider = provider;
        this.defaultTicketType = defaultTicketType;
        this.mapper = mapper;
    }

    /**
     * The TroubleTicket for a neutral create. Problems only the mapping can see (a provider field that
     * does not fit) are added to {@code violations}; the matrix is checked afterwards by the API.
     */
    public TroubleTicket toTroubleTicket(CreateTicketRequest request, List<FieldViolation> violations) {
        TroubleTicket.Builder t = TroubleTicket.builder()
                .externalId(request.externalReference())
                .name(request.title())
                .description(request.description())
                .ticketType(TicketType.of(defaultTicketType));
        if (request.category() != null) {
            t.ticketSubtype(TicketSubtype.of(request.category()));
        }
        if (request.priority() != null) {
            Integer number = priorityNumber(request.priority(), violations);
            t.priority(number);
            t.severity(severityFor(request.priority()));
        } else {
            // Nexera requires a severity on a trouble ticket; the neutral API only knows priority. Without one,
            // Medium is sent (a providerField "severity" overrides it).
            t.severity(Severity.MEDIUM);
        }
        if (request.serviceId() != null) {
            String referredType = request.providerField("serviceReferredType");
            t.relatedEntity(List.of(RelatedEntity.of(request.serviceId(), SERVICE_ROLE, referredType == null ? "Service" : referredType)));
        }
        if (request.initialComment() != null) {
            t.note(List.of(Note.of(null, request.initialComment())));
        }
        if (!request.attachments().isEmpty()) {
            List<AttachmentRefOrValue> attachments = new ArrayList<>();
            for (int i = 0; i < request.attachments().size(); i++) {
                Attachment a = request.attachments().get(i);
                if (a.content() == null) {
                    violations.add(new FieldViolation("attachments[" + i + "]", "TMF621 attachments must carry their content"));
                    continue;
                }
                attachments.add(AttachmentRefOrValue.embedded(a.name(), a.mimeType(), a.content()));
            }
            t.attachment(attachments);
        }
        TroubleTicket mapped = t.build();
        return overlay(mapped, request.providerFields(), violations);
    }

    /** Provider fields by TMF name replace the mapped ones ({@code ticketType}, {@code severity}, {@code channel}, ...). */
    private TroubleTicket overlay(TroubleTicket mapped, Map<String, Object> providerFields, List<FieldViolation> violations) {
        if (providerFields.isEmpty()) {
            return mapped;
        }
        ObjectNode json = mapper.valueToTree(mapped);
        providerFields.forEach((name, value) -> {
            if (!name.equals("serviceReferredType")) {
                json.set(name, mapper.valueToTree(value));
            }
        });
        try {
            return mapper.treeToValue(json, TroubleTicket.class);
        } catch (Exception e) {
            violations.add(new FieldViolation("providerFields", "do not fit a TMF621 TroubleTicket: " + e.getMessage()));
            return mapped;
        }
    }

    private static Integer priorityNumber(Priority priority, List<FieldViolation> violations) {
        if (priority.providerValue() != null) {
            try {
                return Integer.parseInt(priority.providerValue().trim());
            } catch (NumberFormatException e) {
                violations.add(new FieldViolation("priority", "the provider value must be a number from 1 to 10, was '"
                        + priority.providerValue() + "'"));
                return null;
            }
        }
        return switch (priority.level()) {
            case CRITICAL -> 1;
            case HIGH -> 3;
            case MEDIUM -> 5;
            case LOW -> 8;
            case UNKNOWN -> null;
        };
    }

    private static Severity severityFor(Priority priority) {
        return switch (priority.level()) {
            case CRITICAL, HIGH -> Severity.HIGH;
            case MEDIUM -> Severity.MEDIUM;
            case LOW -> Severity.LOW;
            case UNKNOWN -> null;
        };
    }

    /** The neutral level of a TMF priority 1..10. */
    static Priority.Level levelOf(int priority) {
        if (priority <= 2) {
            return Priority.Level.CRITICAL;
        }
        if (priority <= 4) {
            return Priority.Level.HIGH;
        }
        if (priority <= 7) {
            return Priority.Level.MEDIUM;
        }
        return priority <= 10 ? Priority.Level.LOW : Priority.Level.UNKNOWN;
    }

    /**
     * The neutral priority of a TMF priority as sent: a number by {@link #levelOf}; a text such as another
     * TMF621 server's {@code "High"} by its name when it names a neutral level, else {@code UNKNOWN}; the
     * text is kept as the provider's value either way.
     */
    static Priority priorityOf(Numeral priority) {
        Integer number = priority.asInteger();
        if (number != null) {
            return priorityOf(number);
        }
        Priority named = Priority.parse(priority.raw());
        return new Priority(named.level(), priority.raw());
    }

    /** The neutral priority of a TMF priority, one shared instance per value of the documented 0-10 range. */
    static Priority priorityOf(int priority) {
        return priority >= 0 && priority < PRIORITIES.length ? PRIORITIES[priority]
                : new Priority(levelOf(priority), String.valueOf(priority));
    }

    // A page maps one priority per ticket; the eleven documented values are made once.
    private static final Priority[] PRIORITIES = new Priority[11];

    static {
        for (int i = 0; i < PRIORITIES.length; i++) {
            PRIORITIES[i] = new Priority(levelOf(i), String.valueOf(i));
        }
    }

    /**
     * The neutral ticket, keeping the JSON as received (a ticket listed without an id has the empty id).
     */
    public Ticket toTicket(TroubleTicket t, String json) {
        // A page keeps a ticket listed without an id (its raw JSON tells what it is); it has no neutral id.
        Ticket.Builder b = Ticket.builder(provider, t.id() == null ? "" : t.id())
                .externalReference(t.externalId())
                .status(t.status() == null ? TicketStatus.UNKNOWN : StatusMapping.toNeutral(t.status()),
                        t.status() == null ? null : t.status().value())
                .title(t.name())
                .description(t.description())
                .category(t.ticketSubtype() != null ? t.ticketSubtype().value() : t.ticketType() == null ? null : t.ticketType().value())
                .created(t.creationDate())
                .updated(t.lastUpdate())
                .raw(new RawPayload(provider, json));
        if (t.priority() != null) {
            b.priority(priorityOf(t.priority()));
        } else if (t.severity() != null) {
            b.priority(Priority.parse(t.severity().value()));
        }
        if (t.relatedEntity() != null) {
            RelatedEntity service = serviceOf(t.relatedEntity());
            b.serviceId(service == null ? null : service.id());
        }
        if (t.attachment() != null) {
            List<Attachment> attachments = new ArrayList<>();
            for (AttachmentRefOrValue a : t.attachment()) {
                if (a == null) {
                    // An element that was not an attachment object: it stays in the raw JSON.
                    continue;
                }
                attachments.add(new Attachment(a.name(), a.mimeType(), a.decodedContent(), a.url() != null ? a.url() : a.href()));
            }
            b.attachments(attachments);
        }
        return b.build();
    }

    /** The entity in the affected-service role, else the first one, else {@code null} (null entries are skipped). */
    private static RelatedEntity serviceOf(List<RelatedEntity> entities) {
        RelatedEntity first = null;
        for (RelatedEntity e : entities) {
            // Nearly always written exactly so: the exact comparison first is the cheaper one.
            if (e != null && (SERVICE_ROLE.equals(e.role()) || SERVICE_ROLE.equalsIgnoreCase(e.role()))) {
                return e;
            }
            first = first == null ? e : first;
        }
        return first;
    }

    /**
     * What the ticket itself tells of its history, oldest first: its notes (comments) and its status
     * changes (the {@code statusChange} list when the server keeps one, else only the last change, from
     * {@code statusChangeDate} and {@code statusChangeReason}).
     */
    public List<TicketEvent> history(TroubleTicket t) {
        List<TicketEvent> events = new ArrayList<>();
        if (t.note() != null) {
            for (int i = 0; i < t.note().size(); i++) {
                Note n = t.note().get(i);
                if (n == null) {
                    // Not a note object (or JSON null): nothing to tell; the ticket's raw JSON keeps it.
                    continue;
                }
                events.add(noteEvent(t.id(), n, i));
            }
        }
        if (t.statusChange() != null && !t.statusChange().isEmpty()) {
            for (int i = 0; i < t.statusChange().size(); i++) {
                StatusChangeRecord s = t.statusChange().get(i);
                if (s == null) {
                    continue;
                }
                events.add(new TicketEvent(provider, t.id() + "/status/" + i, t.id(), TicketEvent.Kind.STATUS_CHANGE,
                        instant(s.changeDate()), null, s.changeReason(), StatusMapping.toNeutral(s.status()),
                        s.status() == null ? null : s.status().value(), "statusChange", new RawPayload(provider, json(s))));
            }
        } else if (t.status() != null) {
            events.add(new TicketEvent(provider, t.id() + "/status/current", t.id(), TicketEvent.Kind.STATUS_CHANGE,
                    instant(t.statusChangeDate() != null ? t.statusChangeDate() : t.creationDate()), null, t.statusChangeReason(),
                    StatusMapping.toNeutral(t.status()), t.status().value(), "statusChangeDate", RawPayload.empty(provider)));
        }
        // Events without a date keep their place at the end, in the order found.
        events.sort(Comparator.comparing(TicketEvent::occurredAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return events;
    }

    /** The neutral event of one note. */
    public TicketEvent noteEvent(String ticketId, Note n, int index) {
        return new TicketEvent(provider, n.id() != null ? ticketId + "/note/" + n.id() : ticketId + "/note#" + index, ticketId,
                TicketEvent.Kind.COMMENT, instant(n.date()), n.author(), n.text(), null, null, "note", new RawPayload(provider, json(n)));
    }

    /** The neutral event of a notification. */
    public TicketEvent toEvent(Tmf621Event event) {
        TroubleTicket t = event.troubleTicket();
        String ticketId = t == null ? null : t.id();
        boolean statusEvent = event instanceof Tmf621Event.StatusChange || event instanceof Tmf621Event.Resolved
                || event instanceof Tmf621Event.InformationRequired;
        TicketStatus status = statusEvent && t != null ? StatusMapping.toNeutral(t.status()) : null;
        String providerStatus = statusEvent && t != null && t.status() != null ? t.status().value() : null;
        String comment = t == null ? null : t.statusChangeReason();
        Instant occurred = instant(event.header().timeOccurred() != null ? event.header().timeOccurred() : event.header().eventTime());
        return new TicketEvent(provider, event.eventId(), ticketId,
                statusEvent ? TicketEvent.Kind.STATUS_CHANGE : TicketEvent.Kind.PROVIDER_EVENT, occurred, null,
                statusEvent ? comment : null, status, providerStatus, event.eventType(), event.raw());
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (Exception e) {
            return "{}";
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.instant();
    }
}
