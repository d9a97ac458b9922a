package dev.troubleticket.kosc.internal;

import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.core.model.Contact;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.core.model.RawPayload;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.Timestamp;
import dev.troubleticket.kosc.model.CreateKoscTicketRequest;
import dev.troubleticket.kosc.model.KoscContact;
import dev.troubleticket.kosc.model.KoscTicket;
import dev.troubleticket.kosc.model.KoscTicketEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps Kosc's typed objects onto the neutral model and back, keeping Kosc's raw status and JSON. */
public final class NeutralMapping {
    private static final Logger LOG = LoggerFactory.getLogger(NeutralMapping.class);
    /** The provider id. */
    public static final String PROVIDER = "kosc";

    private NeutralMapping() {
    }

    /** The neutral ticket; its id is Kosc's numeric id, its alternate ids the alias and uuid. */
    public static Ticket ticket(KoscTicket kosc) {
        List<String> alternates = new ArrayList<>();
        if (kosc.alias() != null) {
            alternates.add(kosc.alias());
        }
        if (kosc.uuid() != null) {
            alternates.add(kosc.uuid());
        }
        String id = kosc.key();
        if (id == null) {
            id = kosc.operatorTicketRef() == null ? "unknown" : kosc.operatorTicketRef();
        }
        alternates.remove(id);
        return Ticket.builder(PROVIDER, id)
                .alternateIds(alternates)
                .externalReference(kosc.operatorTicketRef())
                .status(StatusMapping.neutral(kosc.status()), kosc.status() == null ? null : kosc.status().value())
                .description(kosc.description())
                .category(kosc.category() == null ? null : kosc.category().value())
                .priority(priority(kosc.priority()))
                .serviceId(kosc.serviceUuid())
                .contact(kosc.ownerContact() == null ? null : new Contact(kosc.ownerContact().firstName(),
                        kosc.ownerContact().lastName(), kosc.ownerContact().email(), kosc.ownerContact().phoneNumber()))
                .created(checked(kosc.creationDate(), "ticket", id, "creation_date"))
                .updated(checked(kosc.modificationDate(), "ticket", id, "modification_date"))
                .raw(new RawPayload(PROVIDER, kosc.rawJson()))
                .build();
    }

    /** The neutral event of a ticket: a status change when it has a status, else a comment. */
    public static TicketEvent event(String ticketId, KoscTicketEvent kosc) {
        return event(ticketId, kosc, true);
    }

    /**
     * The neutral event of a ticket; {@code logOddDate} false when the caller logs a creation date it cannot read
     * itself (the ticket stream reads the same events at every poll, and logs each once).
     */
    public static TicketEvent event(String ticketId, KoscTicketEvent kosc, boolean logOddDate) {
        boolean statusChange = kosc.status() != null;
        Instant created = logOddDate ? instant(kosc.creationDate(), "ticket event", ticketId, "creation_date")
                : kosc.creationDate() == null ? null : kosc.creationDate().instant();
        return new TicketEvent(PROVIDER, kosc.id() == null ? null : kosc.id().raw(), ticketId,
                statusChange ? TicketEvent.Kind.STATUS_CHANGE : TicketEvent.Kind.COMMENT,
                created, kosc.author(), kosc.comment(),
                statusChange ? StatusMapping.neutral(kosc.status()) : null,
                statusChange ? kosc.status().value() : null,
                statusChange ? "status" : "comment",
                new RawPayload(PROVIDER, kosc.rawJson()));
    }

    /**
     * The neutral event for an event of Kosc's account-wide feed: a provider event about an order or a
     * service (no ticket), typed by Kosc's event type, dated by when it happened (else when Kosc recorded it).
     */
    public static TicketEvent feedEvent(dev.troubleticket.kosc.model.KoscEvent kosc) {
        Instant eventDate = instant(kosc.eventDate(), "event", kosc.eventUuid(), "event_date");
        Instant occurred = eventDate != null ? eventDate : instant(kosc.creationDate(), "event", kosc.eventUuid(), "creation_date");
        String message = message(kosc.data());
        return new TicketEvent(PROVIDER, kosc.eventUuid(), null, TicketEvent.Kind.PROVIDER_EVENT, occurred, null, message,
                null, null, kosc.type() == null ? null : kosc.type().value(), new RawPayload(PROVIDER, kosc.rawJson()));
    }

    private static String message(dev.troubleticket.kosc.model.KoscEventData data) {
        if (data instanceof dev.troubleticket.kosc.model.KoscEventData.ProviderMessage m) {
            return m.message();
        }
        if (data instanceof dev.troubleticket.kosc.model.KoscEventData.InfoMessage m) {
            return m.message();
        }
        if (data instanceof dev.troubleticket.kosc.model.KoscEventData.InformationFromProvider m) {
            return m.message();
        }
        return null;
    }

    /** The neutral priority for Kosc's text ({@code low} is the only documented value). */
    public static Priority priority(String kosc) {
        if (kosc == null) {
            return null;
        }
        Priority parsed = Priority.parse(kosc);
        return new Priority(parsed.level(), kosc);
    }

    /**
     * Kosc's create request for a neutral one: externalReference → operator_ticket_ref, serviceId →
     * service_uuid, description (else title) → description, providerFields {@code diagnostic_run_id}
     * (the key must be present) and {@code type} (default service). Problems that have no Kosc field are
     * added to {@code problems}.
     */
    public static CreateKoscTicketRequest createRequest(CreateTicketRequest neutral, List<FieldViolation> problems) {
        CreateKoscTicketRequest.Builder builder = CreateKoscTicketRequest.builder()
                .operatorTicketRef(neutral.externalReference())
                .serviceUuid(neutral.serviceId())
                .category(neutral.category())
                .description(neutral.description() != null ? neutral.description() : neutral.title())
                .initialComment(neutral.initialComment())
                .priority(koscPriority(neutral.priority()));
        if (neutral.providerFields().containsKey("diagnostic_run_id")) {
            builder.diagnosticRunId(neutral.providerField("diagnostic_run_id"));
        }
        if (neutral.providerFields().containsKey("type")) {
            builder.type(neutral.providerField("type"));
        }
        if (neutral.contact() != null) {
            Contact c = neutral.contact();
            builder.ownerContact(new KoscContact(c.firstName(), c.lastName(), c.email(), c.phoneNumber()));
        }
        if (!neutral.attachments().isEmpty()) {
            problems.add(new FieldViolation("attachments", "Kosc tickets take no attachments"));
        }
        for (String key : neutral.providerFields().keySet()) {
            if (!key.equals("diagnostic_run_id") && !key.equals("type")) {
                problems.add(new FieldViolation(key, "is not a Kosc create field (known: diagnostic_run_id, type)"));
            }
        }
        return builder.build();
    }

    private static String koscPriority(Priority priority) {
        if (priority == null) {
            return null;
        }
        if (priority.providerValue() != null) {
            return priority.providerValue();
        }
        return priority.level() == Priority.Level.UNKNOWN ? null : priority.level().name().toLowerCase(Locale.ROOT);
    }

    /**
     * A ticket's date, read now rather than when first asked, so that one Kosc wrote malformed is logged
     * while the ticket is being mapped (Kosc is known to: {@code 2017-05-09T16:1:04 AM.637766}).
     */
    private static Timestamp checked(Timestamp timestamp, String what, String id, String field) {
        instant(timestamp, what, id, field);
        return timestamp;
    }

    /** The instant of a date the neutral model needs; one that cannot be read is logged (identifier and date only). */
    private static Instant instant(Timestamp timestamp, String what, String id, String field) {
        if (timestamp == null) {
            return null;
        }
        Instant instant = timestamp.instant();
        if (instant == null) {
            // Only the identifier and the date text: no personal data reaches the log.
            LOG.warn("kosc {} {}: {} '{}' cannot be read as a date; kept as text", what, id, field, timestamp.raw());
        }
        return instant;
    }
}
