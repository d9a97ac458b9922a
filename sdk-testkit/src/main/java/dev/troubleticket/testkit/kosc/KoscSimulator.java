package dev.troubleticket.testkit.kosc;

import static dev.troubleticket.testkit.kosc.WireJson.body;
import static dev.troubleticket.testkit.kosc.WireJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.model.Contact;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.testkit.AbstractSimulator;
import dev.troubleticket.testkit.SimulatorResponses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A stateful simulator of Kosc's ticket and event APIs, written from the documents independently of the
 * adapter: v1 and v2 logins with expiring JWTs (and v2 refresh), tickets with aliases, the status
 * lifecycle and its rules, the conflict rules, ticket events, the account-wide event feed with opaque
 * {@code sort_value} cursors, the info-message throttle, and Kosc's error bodies.
 *
 * <p>A test plays Kosc's side with {@link #defer}, {@link #clear}, {@link #reopen}, {@link #cancel},
 * {@link #emitOrderEvent}, {@link #emitServiceEvent} and {@link #addKoscComment}; {@link #seedTickets} and
 * {@link #addKoscComments} open or change thousands of tickets at once, for followers' tests;
 * {@link #dropNextAnswerAfterProcessing()} loses the next answer after the request was processed, for safe-create
 * tests. Standalone:
 * {@code new KoscSimulator().start(port)}.
 *
 * <p>Routes: {@code POST /api/account/token/}, {@code POST /api/v2/account/token/},
 * {@code POST /api/v2/account/token/refresh/}, {@code GET|POST /api/tickets/},
 * {@code GET /api/tickets/{id|alias|uuid}/}, {@code GET|POST /api/tickets/{id}/events/},
 * {@code GET /api/events/}, {@code GET /api/events/{uuid}/}, {@code POST /api/v2/orders/{uuid}/events/info}.
 *
 * <p>This class routes requests, plays Kosc's side and holds the test API; the logins are {@link TokenEndpoint}'s,
 * the document's rules {@link WireRules}', the tickets and their listing {@link TicketStore}'s, the feed and the
 * info messages {@link EventFeed}'s, and the JSON written {@link WireJson}'s.
 */
public final class KoscSimulator extends AbstractSimulator<KoscSimulator> {
    /** The built-in test account's e-mail. */
    public static final String EMAIL = "operator@kosc-simulator.test";
    /** The built-in test account's password (a test value, not a secret). */
    public static final String PASSWORD = "simulator-password";
    /** The refresh path the simulator serves (the adapter's default). */
    public static final String REFRESH_PATH = "/api/v2/account/token/refresh/";

    private static final AtomicInteger SAMPLE_RUNS = new AtomicInteger();
    private final Object lock = new Object();
    private final SimulatorClock clock;
    private final TokenEndpoint tokens;
    private final TicketStore tickets;
    private final EventFeed feed;
    private final Map<String, Boolean> diagnosticRuns = new HashMap<>();
    private final AtomicBoolean dropNextAnswer = new AtomicBoolean();

    /** A simulator on the system clock. */
    public KoscSimulator() {
        this(Clock.systemUTC());
    }

    /** A simulator on the given clock (token expiry, dates, the info-message throttle follow it). */
    public KoscSimulator(Clock clock) {
        this.clock = new SimulatorClock(Objects.requireNonNull(clock, "clock"));
        this.tokens = new TokenEndpoint(EMAIL, PASSWORD, clock);
        this.tickets = new TicketStore(this.clock);
        this.feed = new EventFeed(this.clock);
    }

    // ------------------------------------------------------------------ ProviderSimulator

    @Override
    public String provider() {
        return "kosc";
    }

    /** Settings for the v2 login with the built-in account. */
    @Override
    public ProviderSettings clientSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("baseUrl", baseUrl());
        settings.put("username", EMAIL);
        settings.put("password", PASSWORD);
        settings.put("authVersion", "v2");
        return ProviderSettings.of(settings);
    }

    @Override
    public void askForInformation(String ticketId, String question) {
        defer(ticketId, question);
    }

    @Override
    public void resolve(String ticketId, String resolution) {
        clear(ticketId, "other_kosc", resolution);
    }

    @Override
    public int ticketsCreated() {
        synchronized (lock) {
            return tickets.created();
        }
    }

    @Override
    public CreateTicketRequest sampleCreateRequest(String reference) {
        // One open ticket per service and per diagnostic run: each sample gets its own of both.
        return CreateTicketRequest.builder()
                .externalReference(reference)
                .serviceId(UUID.randomUUID().toString())
                .category("low_rate")
                .description("Customer complains about low rate")
                .initialComment("Customer reports a low bitrate since Monday evening.")
                .priority(Priority.of(Priority.Level.LOW))
                .contact(new Contact("Camille", "Martin", "camille.martin@example.fr", "0612345678"))
                .providerField("diagnostic_run_id", String.format("D261123_%03d", SAMPLE_RUNS.incrementAndGet() % 1000))
                .build();
    }

    // ------------------------------------------------------------------ configuration

    /** How long v2 access tokens live (default 1 h). */
    public KoscSimulator accessTokenLifetime(Duration value) { synchronized (lock) { tokens.accessLifetime(value); } return this; }
    /** How long v1 tokens live (default 24 h). */
    public KoscSimulator v1TokenLifetime(Duration value) { synchronized (lock) { tokens.v1Lifetime(value); } return this; }
    /** How long v2 refresh tokens live (default 12 h). */
    public KoscSimulator refreshTokenLifetime(Duration value) { synchronized (lock) { tokens.refreshLifetime(value); } return this; }
    /** The least time between two info messages on one order (default 5 min). */
    public KoscSimulator infoMessageInterval(Duration value) { synchronized (lock) { feed.infoMessageInterval(value); } return this; }
    /** Whether a throttled info message is answered with {@code Retry-After} (default yes). */
    public KoscSimulator sendRetryAfter(boolean value) { synchronized (lock) { feed.sendRetryAfter(value); } return this; }

    /** Registers a diagnostic run; one that is not standard refuses tickets. Aliases like {@code D170403_001} are known by default. */
    public KoscSimulator registerDiagnosticRun(String id, boolean standard) {
        synchronized (lock) {
            diagnosticRuns.put(id, standard);
        }
        return this;
    }

    // ------------------------------------------------------------------ test API: Kosc's side

    /** Kosc asks the operator for information: the ticket becomes {@code deferred}. */
    public void defer(String ticketId, String question) {
        synchronized (lock) {
            SimulatedTicket ticket = tickets.require(ticketId);
            WireRules.requireStatus(ticket, "defer", "open", "reopen");
            providerEvent(ticket, "deferred", question, null);
        }
    }

    /** Kosc clears the ticket with a clear code; the responsibility follows the document's table. */
    public void clear(String ticketId, String clearCode, String comment) {
        synchronized (lock) {
            SimulatedTicket ticket = tickets.require(ticketId);
            WireRules.requireStatus(ticket, "clear", "open", "reopen", "deferred");
            providerEvent(ticket, "cleared", comment, clearCode);
        }
    }

    /** Kosc reopens a cleared ticket. */
    public void reopen(String ticketId, String comment) {
        synchronized (lock) {
            SimulatedTicket ticket = tickets.require(ticketId);
            WireRules.requireStatus(ticket, "reopen", "cleared");
            providerEvent(ticket, "reopen", comment, null);
        }
    }

    /** Kosc cancels a ticket before processing it. */
    public void cancel(String ticketId, String reason) {
        synchronized (lock) {
            SimulatedTicket ticket = tickets.require(ticketId);
            WireRules.requireStatus(ticket, "cancel", "open", "reopen", "deferred");
            providerEvent(ticket, "canceled", reason, null);
        }
    }

    /** Kosc closes a ticket itself ("closed by the operator or by Covage"). */
    public void closeAsKosc(String ticketId, String comment) {
        synchronized (lock) {
            SimulatedTicket ticket = tickets.require(ticketId);
            WireRules.requireStatus(ticket, "close", "open", "reopen", "deferred", "cleared");
            providerEvent(ticket, "closed", comment, null);
        }
    }

    /**
     * Kosc adds a comment to an open ticket, without changing its status: the ticket becomes the most recently
     * modified one.
     */
    public void addKoscComment(String ticketId, String comment) {
        addKoscComments(List.of(ticketId), comment);
    }

    /**
     * Kosc adds the same comment to each of these open tickets, all at once (a follower polling the list sees
     * either none of them or all), in the order given: the last one becomes the most recently modified.
     */
    public void addKoscComments(Collection<String> ticketIds, String comment) {
        synchronized (lock) {
            List<SimulatedTicket> found = new ArrayList<>();
            for (String id : ticketIds) {
                SimulatedTicket ticket = tickets.require(id);
                if (!ticket.isOpen()) {
                    throw new IllegalStateException("Kosc cannot comment on ticket " + ticket.alias + " in status " + ticket.status);
                }
                found.add(ticket);
            }
            for (SimulatedTicket ticket : found) {
                Instant now = clock.next();
                ticket.events.add(new SimulatedTicket.Event(tickets.nextEventId(), null, comment, "Kosc", now, null, null));
                ticket.modified = now;
                ticket.lastUpdateAuthor = "Kosc";
                ticket.lastComment = comment;
                ticket.lastCommentAuthor = "Kosc";
            }
        }
    }

    /**
     * Opens {@code count} tickets at once as the operator would (each on a service of its own, category
     * {@code other}, with its {@code open} event), without a request each: for tests that need thousands.
     *
     * @return their ids, in the order opened (the last is the most recently modified)
     */
    public List<String> seedTickets(int count) {
        synchronized (lock) {
            List<String> ids = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ObjectNode contact = WireJson.MAPPER.createObjectNode();
                contact.put("first_name", "Test");
                contact.put("last_name", "Operator");
                contact.put("email", "noc@operator.test");
                contact.put("phone_number", "0102030405");
                String service = "seeded-" + UUID.randomUUID();
                SimulatedTicket ticket = tickets.open("other", "low", "SEED-" + service.substring(7, 15) + "-" + i,
                        "seeded ticket " + i, service, null, null, contact);
                ids.add(String.valueOf(ticket.id));
            }
            return ids;
        }
    }

    /** The ticket's current Kosc status. */
    public String ticketStatus(String ticketId) {
        synchronized (lock) {
            return tickets.require(ticketId).status;
        }
    }

    /** How many events the ticket has. */
    public int ticketEventCount(String ticketId) {
        synchronized (lock) {
            return tickets.require(ticketId).events.size();
        }
    }

    /** Adds an order event to the feed; answers its {@code event_uuid}. {@code data} may be {@code null}. */
    public String emitOrderEvent(String orderUuid, String type, Map<String, ?> data) {
        synchronized (lock) {
            return feed.emit("order", orderUuid, type, data);
        }
    }

    /** Adds a service event to the feed; answers its {@code event_uuid}. */
    public String emitServiceEvent(String serviceUuid, String type, Map<String, ?> data) {
        synchronized (lock) {
            return feed.emit("service", serviceUuid, type, data);
        }
    }

    /** The next answer (to any request but a login) is lost after the request was processed: the connection closes. */
    public void dropNextAnswerAfterProcessing() {
        dropNextAnswer.set(true);
    }

    /** Makes every token issued so far invalid, so that the next request gets 401. */
    public void revokeTokens() {
        tokens.revokeAll();
    }

    /** Makes every refresh token issued so far invalid. */
    public void revokeRefreshTokens() {
        tokens.revokeRefreshTokens();
    }

    /** A valid v1 token for the built-in account, for static-token tests. */
    public String issueV1Token() {
        synchronized (lock) {
            return tokens.issueV1Token();
        }
    }

    /** How many logins (v1 and v2) succeeded. */
    public int loginCount() {
        synchronized (lock) {
            return tokens.logins();
        }
    }

    /** How many v2 refreshes succeeded. */
    public int refreshCount() {
        synchronized (lock) {
            return tokens.refreshes();
        }
    }

    /** How many events the feed holds. */
    public int feedSize() {
        synchronized (lock) {
            return feed.size();
        }
    }

    /** Runs the simulator standalone: {@code java ... KoscSimulator [port]}. */
    public static void main(String[] args) throws InterruptedException {
        KoscSimulator simulator = new KoscSimulator().start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        System.out.println("Kosc simulator on " + simulator.baseUrl() + " (account " + EMAIL + ")");
        Thread.currentThread().join();
    }

    // ------------------------------------------------------------------ HTTP

    @Override
    protected MockResponse handle(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        boolean login = path.startsWith("/api/account/token") || path.startsWith("/api/v2/account/token");
        MockResponse response;
        synchronized (lock) {
            try {
                response = route(request, path);
            } catch (RuntimeException bug) {
                response = WireJson.error(500, "Internal error: " + bug, null);
            }
        }
        if (!login && dropNextAnswer.compareAndSet(true, false)) {
            // The request is processed; only its answer is lost, as with a reset after sending.
            return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
        }
        return response;
    }

    private MockResponse route(RecordedRequest request, String path) {
        String method = request.getMethod();
        if (path.equals("/api/account/token/") && method.equals("POST")) {
            return tokens.loginV1(body(request));
        }
        if (path.equals("/api/v2/account/token/") && method.equals("POST")) {
            return tokens.loginV2(body(request));
        }
        if (path.equals(REFRESH_PATH) && method.equals("POST")) {
            return tokens.refresh(body(request));
        }
        if (!tokens.authorized(request.getHeaders().get("Authorization"))) {
            return SimulatorResponses.json(401, Map.of("detail", "Authentication credentials were not provided or are invalid."));
        }
        List<String> segments = new ArrayList<>(request.getUrl().pathSegments());
        segments.removeIf(String::isEmpty);
        if (segments.size() >= 2 && segments.get(0).equals("api") && segments.get(1).equals("tickets")) {
            if (segments.size() == 2) {
                return method.equals("POST") ? createTicket(body(request))
                        : method.equals("GET") ? tickets.list(request.getUrl().queryParameter("status"),
                                WireJson.intParameter(request, "limit", 100), request.getUrl().queryParameter("after"))
                        : WireJson.notAllowed();
            }
            SimulatedTicket ticket = tickets.find(segments.get(2));
            if (ticket == null) {
                return WireJson.notFound();
            }
            if (segments.size() == 3) {
                return method.equals("GET") ? SimulatorResponses.json(200, WireJson.ticket(ticket, false)) : WireJson.notAllowed();
            }
            if (segments.size() == 4 && segments.get(3).equals("events")) {
                return method.equals("POST") ? addEvent(ticket, body(request))
                        : method.equals("GET") ? listTicketEvents(ticket) : WireJson.notAllowed();
            }
            return WireJson.notFound();
        }
        if (segments.size() >= 2 && segments.get(0).equals("api") && segments.get(1).equals("events") && method.equals("GET")) {
            if (segments.size() == 2) {
                return feed.list(request);
            }
            return feed.find(segments.get(2)).map(e -> SimulatorResponses.json(200, WireJson.feedEvent(e, false)))
                    .orElseGet(WireJson::notFound);
        }
        if (segments.size() == 6 && segments.get(1).equals("v2") && segments.get(2).equals("orders")
                && segments.get(4).equals("events") && segments.get(5).equals("info")) {
            return method.equals("POST") ? feed.infoMessage(segments.get(3), body(request)) : WireJson.notAllowed();
        }
        return WireJson.notFound();
    }

    // ------------------------------------------------------------------ tickets

    private MockResponse createTicket(JsonNode body) {
        if (body == null || !body.isObject()) {
            return WireJson.invalid("non_field_errors", "A JSON object is expected.");
        }
        List<ObjectNode> details = WireRules.createErrors(body);
        if (!details.isEmpty()) {
            return WireJson.error(400, "Invalid input", details);
        }
        String diagnostic = text(body, "diagnostic_run_id");
        boolean hasDiagnostic = diagnostic != null && !diagnostic.isEmpty();
        if (hasDiagnostic) {
            MockResponse refused = WireRules.diagnosticRefusal(diagnostic, diagnosticRuns);
            if (refused != null) {
                return refused;
            }
        }
        String service = text(body, "service_uuid");
        SimulatedTicket other = tickets.openOn(service, hasDiagnostic ? diagnostic : null);
        if (other != null) {
            return WireJson.error(409, other.serviceUuid.equals(service)
                    ? "A ticket is already open on this service (" + other.alias + ")."
                    : "A ticket is already open with this diagnostic run (" + other.alias + ").", null);
        }
        SimulatedTicket ticket = tickets.open(text(body, "category"), text(body, "priority") == null ? "low" : text(body, "priority"),
                text(body, "operator_ticket_ref"), text(body, "description"), service, hasDiagnostic ? diagnostic : null,
                text(body, "initial_comment"), (ObjectNode) body.get("owner_contact").deepCopy());
        return SimulatorResponses.json(201, WireJson.ticket(ticket, false));
    }

    private MockResponse addEvent(SimulatedTicket ticket, JsonNode body) {
        if (body == null || !body.isObject()) {
            return WireJson.invalid("non_field_errors", "A JSON object is expected.");
        }
        String status = text(body, "status");
        String comment = text(body, "comment");
        MockResponse refused = WireRules.eventRefusal(ticket, status, comment);
        if (refused != null) {
            return refused;
        }
        Instant now = clock.next();
        SimulatedTicket.Event event = new SimulatedTicket.Event(tickets.nextEventId(), status, comment, "SIMULATED_OPERATOR",
                now, null, null);
        ticket.events.add(event);
        ticket.modified = now;
        ticket.lastUpdateAuthor = "SIMULATED_OPERATOR";
        if (status != null) {
            ticket.status = status;
        }
        if (comment != null) {
            ticket.lastComment = comment;
            ticket.lastCommentAuthor = "SIMULATED_OPERATOR";
        }
        return SimulatorResponses.json(200, WireJson.event(event, false));
    }

    private static MockResponse listTicketEvents(SimulatedTicket ticket) {
        ArrayNode list = WireJson.MAPPER.createArrayNode();
        for (int i = ticket.events.size() - 1; i >= 0; i--) {
            list.add(WireJson.event(ticket.events.get(i), true));
        }
        return SimulatorResponses.json(200, list);
    }

    /** A move of Kosc's side: its event, the ticket's new status, and the clear code kept while cleared or closed. */
    private void providerEvent(SimulatedTicket ticket, String status, String comment, String clearCode) {
        Instant now = clock.next();
        String responsibility = clearCode == null ? null : WireRules.responsibility(clearCode);
        ticket.events.add(new SimulatedTicket.Event(tickets.nextEventId(), status, comment, "Kosc", now, clearCode, responsibility));
        ticket.status = status;
        ticket.modified = now;
        ticket.lastUpdateAuthor = "Kosc";
        ticket.clearCode = status.equals("cleared") ? clearCode : status.equals("closed") ? ticket.clearCode : null;
        ticket.responsibility = status.equals("cleared") ? responsibility : status.equals("closed") ? ticket.responsibility : null;
        if (comment != null) {
            ticket.lastComment = comment;
            ticket.lastCommentAuthor = "Kosc";
        }
    }
}
