package dev.troubleticket.kosc;

import dev.troubleticket.core.Page;
import dev.troubleticket.core.PagedIterable;
import dev.troubleticket.core.error.ErrorDetails;
import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.core.error.RateLimitedException;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.internal.ApiRequest;
import dev.troubleticket.core.internal.ApiResponse;
import dev.troubleticket.core.internal.HttpTransport;
import dev.troubleticket.core.internal.SafeCreate;
import dev.troubleticket.kosc.internal.CreateValidation;
import dev.troubleticket.kosc.internal.TransitionRules;
import dev.troubleticket.kosc.internal.json.ResponseReader;
import dev.troubleticket.kosc.model.CreateKoscTicketRequest;
import dev.troubleticket.kosc.model.KoscEvent;
import dev.troubleticket.kosc.model.KoscTicket;
import dev.troubleticket.kosc.model.KoscTicketEvent;
import dev.troubleticket.kosc.model.KoscTicketStatus;
import dev.troubleticket.kosc.model.OrderInfoMessage;
import dev.troubleticket.kosc.model.TicketCategory;
import dev.troubleticket.kosc.model.TicketEventRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kosc's full typed API: tickets, ticket events, the account-wide event feed and order info messages,
 * with the wire types of {@code dev.troubleticket.kosc.model}. Reach it with
 * {@code client.unwrap(KoscApi.class)}. Thread-safe.
 */
public final class KoscApi {
    private static final Logger LOG = LoggerFactory.getLogger(KoscApi.class);
    private static final SafeCreate SAFE_CREATE = new SafeCreate("kosc");
    /** How long Kosc throttles a second info message on the same order when it does not say. */
    public static final Duration INFO_MESSAGE_THROTTLE = Duration.ofMinutes(5);
    /** The least time between two polls of {@code /api/events/} that Kosc asks for. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);

    private final HttpTransport transport;
    private final HttpTransport throttledTransport;
    private final ResponseReader reader;
    private final int safeCreateLookupPages;
    private final String eventPageSizeParameter;

    KoscApi(HttpTransport transport, HttpTransport throttledTransport, int safeCreateLookupPages, String eventPageSizeParameter) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.throttledTransport = Objects.requireNonNull(throttledTransport, "throttledTransport");
        this.reader = new ResponseReader(transport.mapper());
        this.safeCreateLookupPages = safeCreateLookupPages;
        this.eventPageSizeParameter = eventPageSizeParameter;
    }

    // ---------------------------------------------------------------- tickets

    /**
     * Opens a ticket ({@code POST /api/tickets/}). Every rule the client can check is checked first; all
     * violations come together in a {@link ValidationException} and nothing is sent. The rules only Kosc can
     * check come back as {@code ConflictException} (another open ticket on the service or diagnostic run)
     * or {@code ValidationException} (unknown or non-standard diagnostic run) with Kosc's words.
     *
     * <p>Safe to call again: the ticket is looked up by {@code operator_ticket_ref} in the most recently
     * modified tickets ({@code safeCreateLookupPages} pages) before the POST, and again after a failure that
     * leaves the outcome unknown (timeout, reset, 5xx) or a refusal because a ticket is already open on the
     * service; a ticket found is answered instead of opening another. A ticket found with the reference but
     * another service or category is refused with a {@code ConflictException} naming both.
     */
    public KoscTicket createTicket(CreateKoscTicketRequest request) {
        List<FieldViolation> violations = CreateValidation.violations(request);
        if (!violations.isEmpty()) {
            throw ValidationException.beforeSending("kosc", "ticket creation", violations);
        }
        return createChecked(request);
    }

    /** {@link #createTicket} for a request the caller has already checked (the neutral client does, with its own names). */
    KoscTicket createChecked(CreateKoscTicketRequest request) {
        return SAFE_CREATE.create(request.operatorTicketRef(), new SafeCreate.Steps<>() {
            @Override
            public Optional<KoscTicket> findByReference() {
                return findByOperatorTicketRef(request.operatorTicketRef(), safeCreateLookupPages);
            }

            @Override
            public KoscTicket send() {
                return postTicket(request);
            }

            @Override
            public List<String> differences(KoscTicket found) {
                return Stream.of(SafeCreate.difference("service_uuid", request.serviceUuid(), found.serviceUuid()),
                        SafeCreate.difference("category", valueOf(request.category()), valueOf(found.category())))
                        .filter(Objects::nonNull).toList();
            }

            @Override
            public String idOf(KoscTicket found) {
                return found.alias() != null ? found.alias() : String.valueOf(found.id());
            }
        });
    }

    /** The category's documented spelling when it names one, so that {@code LOW_RATE} and {@code low_rate} do not differ. */
    private static String valueOf(TicketCategory category) {
        if (category == null) {
            return null;
        }
        TicketCategory documented = category.canonical();
        return documented != null ? documented.value() : category.value();
    }

    private KoscTicket postTicket(CreateKoscTicketRequest request) {
        ApiRequest post = ApiRequest.post("/api/tickets/", transport.jsonBody(request)).idempotent(false).build();
        return reader.ticket(transport.send(post));
    }

    /**
     * Looks for the ticket with this operator reference among the first {@code pages} pages of the ticket
     * list (most recently modified first), where a ticket just created is.
     */
    public Optional<KoscTicket> findByOperatorTicketRef(String operatorTicketRef, int pages) {
        return SafeCreate.findInPages(cursor -> ticketPage(TicketListQuery.all(), cursor), pages,
                ticket -> operatorTicketRef.equals(ticket.operatorTicketRef()));
    }

    /** Reads one ticket by its id, alias ({@code T190517_08006}) or uuid. */
    public KoscTicket getTicket(String idAliasOrUuid) {
        return reader.ticket(transport.send(ApiRequest.get("/api/tickets/" + segment(idAliasOrUuid) + "/").build()));
    }

    /** Lists tickets, most recently modified first, fetching each page only when iteration reaches it. */
    public PagedIterable<KoscTicket> listTickets(TicketListQuery query) {
        checkLimit(query);
        return PagedIterable.of(cursor -> ticketPage(query, cursor));
    }

    /** One page of tickets after {@code after} (the {@code sort_value} of the previous page's last ticket), or the first. */
    public Page<KoscTicket> ticketPage(TicketListQuery query, String after) {
        return ticketPage(query, after, reader::tickets);
    }

    /**
     * Like {@link #ticketPage(TicketListQuery, String)}, each ticket read only as far as the neutral mapping
     * and the paging look ({@code WireModule.forMapping}): partial tickets, to be mapped, never handed out.
     */
    Page<KoscTicket> ticketPageForMapping(TicketListQuery query, String after) {
        return ticketPage(query, after, reader::ticketsForMapping);
    }

    private Page<KoscTicket> ticketPage(TicketListQuery query, String after, Function<ApiResponse, List<KoscTicket>> read) {
        checkLimit(query);
        ApiRequest request = ApiRequest.get("/api/tickets/")
                .query("status", query.status() == null ? null : query.status().value())
                .query("limit", query.limit())
                .query("after", after)
                .build();
        List<KoscTicket> tickets = read.apply(transport.send(request));
        // A short page is the last one; a full one continues after its last item's sort_value.
        String next = tickets.size() < query.limit() || tickets.isEmpty() ? null : tickets.get(tickets.size() - 1).sortValue();
        return Page.of(tickets, next);
    }

    private static void checkLimit(TicketListQuery query) {
        if (query.limit() < 1 || query.limit() > TicketListQuery.MAX_LIMIT) {
            throw ValidationException.beforeSending("kosc", "ticket listing", List.of(new FieldViolation("limit",
                    "must be between 1 and " + TicketListQuery.MAX_LIMIT + ", not " + query.limit())));
        }
    }

    // ---------------------------------------------------------------- ticket events

    /** Adds a comment to a ticket. */
    public KoscTicketEvent comment(String ticketId, String text) {
        if (text == null || text.isBlank()) {
            throw ValidationException.beforeSending("kosc", "comment", List.of(new FieldViolation("comment", "must not be empty")));
        }
        return postEvent(ticketId, TicketEventRequest.comment(text));
    }

    /**
     * Changes a ticket's status, with an optional comment. The ticket is read first, and a change the
     * document forbids the operator (anything but {@code deferred → open} and {@code cleared → closed}) is
     * refused before sending with a message naming the changes allowed from the ticket's status.
     */
    public KoscTicketEvent changeStatus(String ticketId, KoscTicketStatus target, String comment) {
        Objects.requireNonNull(target, "target");
        KoscTicket ticket = getTicket(ticketId);
        KoscTicketStatus checked = TransitionRules.checkOperatorChange(ticketId, ticket.status(), target);
        return postEvent(ticketId, TicketEventRequest.status(checked, comment == null || comment.isBlank() ? null : comment));
    }

    /** Closes a cleared ticket. */
    public KoscTicketEvent closeTicket(String ticketId, String comment) {
        return changeStatus(ticketId, KoscTicketStatus.CLOSED, comment);
    }

    /** Ends the deferred status of a ticket (answers Kosc's question); {@code comment} may be {@code null}. */
    public KoscTicketEvent endDeferred(String ticketId, String comment) {
        return changeStatus(ticketId, KoscTicketStatus.OPEN, comment);
    }

    /**
     * Posts an event as given, without reading the ticket first (the rules are still checked by Kosc).
     * Prefer {@link #comment}, {@link #closeTicket} and {@link #endDeferred}.
     */
    public KoscTicketEvent postEvent(String ticketId, TicketEventRequest event) {
        if (event.status() == null && (event.comment() == null || event.comment().isBlank())) {
            throw ValidationException.beforeSending("kosc", "ticket event", List.of(
                    new FieldViolation("status", "a status or a comment is required"),
                    new FieldViolation("comment", "a status or a comment is required")));
        }
        // Not idempotent: a repeated comment would show twice.
        ApiRequest request = ApiRequest.post("/api/tickets/" + segment(ticketId) + "/events/", transport.jsonBody(event)).build();
        return reader.ticketEvent(transport.send(request));
    }

    /** The events of a ticket as Kosc lists them: most recent first. */
    public List<KoscTicketEvent> listTicketEvents(String ticketId) {
        return reader.ticketEvents(transport.send(ApiRequest.get("/api/tickets/" + segment(ticketId) + "/events/").build()));
    }

    // ---------------------------------------------------------------- event feed

    /** Lists feed events lazily, page by page, following the {@code after} cursor. */
    public PagedIterable<KoscEvent> listEvents(EventQuery query) {
        return PagedIterable.of(cursor -> eventPage(query, cursor));
    }

    /** One page of feed events after the cursor {@code after} (a {@code sort_value}), or the first. */
    public Page<KoscEvent> eventPage(EventQuery query, String after) {
        ApiRequest.Builder request = ApiRequest.get("/api/events/")
                .query("sort", query.sortByCreationDate() ? "creation_date" : null)
                .query("after", after)
                .query("object_type", query.objectType())
                .query("object_uuid", query.objectUuid());
        if (query.pageSize() > 0) {
            request.query(eventPageSizeParameter, query.pageSize());
        }
        List<KoscEvent> events = reader.events(transport.send(request.build()));
        boolean full = query.pageSize() == 0 ? !events.isEmpty() : events.size() >= query.pageSize();
        String next = full && !events.isEmpty() ? events.get(events.size() - 1).sortValue() : null;
        return Page.of(events, next);
    }

    /** Reads one feed event by its uuid. */
    public KoscEvent getEvent(String eventUuid) {
        return reader.event(transport.send(ApiRequest.get("/api/events/" + segment(eventUuid) + "/").build()));
    }

    // ---------------------------------------------------------------- order info messages

    /**
     * Sends an information message about an order ({@code POST /api/v2/orders/{order_uuid}/events/info}).
     * Kosc accepts one message per order every 5 minutes: a throttled message becomes a
     * {@link RateLimitedException} whose {@code retryAfter()} says when the next is allowed (the
     * {@code Retry-After} Kosc sent, else 5 minutes). Not retried automatically.
     *
     * @return the event Kosc answered with, when its answer is one
     */
    public Optional<KoscEvent> sendOrderInfo(String orderUuid, OrderInfoMessage message) {
        List<FieldViolation> problems = new ArrayList<>();
        if (orderUuid == null || orderUuid.isBlank()) {
            problems.add(new FieldViolation("order_uuid", "is required"));
        }
        if (message == null || message.message() == null || message.message().isBlank()) {
            problems.add(new FieldViolation("message", "is required"));
        }
        if (!problems.isEmpty()) {
            throw ValidationException.beforeSending("kosc", "order info message", problems);
        }
        ApiRequest request = ApiRequest.post("/api/v2/orders/" + segment(orderUuid) + "/events/info",
                transport.jsonBody(message)).build();
        ApiResponse response;
        try {
            response = throttledTransport.send(request);
        } catch (RateLimitedException throttled) {
            if (throttled.retryAfter().isPresent()) {
                throw throttled;
            }
            ErrorDetails details = throttled.details();
            throw new RateLimitedException(throttled.getMessage() + " (one message per order every 5 minutes; next one in "
                    + INFO_MESSAGE_THROTTLE.toMinutes() + " minutes at the latest)", details, INFO_MESSAGE_THROTTLE);
        }
        try {
            return response.body().isBlank() ? Optional.empty() : Optional.of(reader.event(response));
        } catch (RuntimeException notAnEvent) {
            // The document does not show this answer; an unexpected shape must not turn a sent message into a failure.
            return Optional.empty();
        }
    }

    private static String segment(String id) {
        if (id == null || id.isBlank()) {
            throw ValidationException.beforeSending("kosc", "request", List.of(new FieldViolation("id", "is required")));
        }
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "KoscApi[baseUrl=" + transport.baseUrl() + "]";
    }
}
