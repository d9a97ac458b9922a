package dev.troubleticket.testkit.kosc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.model.Contact;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.testkit.AbstractSimulator;
import dev.troubleticket.testkit.SimulatorResponses;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 */
public final class KoscSimulator extends AbstractSimulator<KoscSimulator> {
    /** The built-in test account's e-mail. */
    public static final String EMAIL = "operator@kosc-simulator.test";
    /** The built-in test account's password (a test value, not a secret). */
    public static final String PASSWORD = "simulator-password";
    /** The refresh path the simulator serves (the adapter's default). */
    public static final String REFRESH_PATH = "/api/v2/account/token/refresh/";

    private static final ObjectMapper MAPPER = SimulatorResponses.mapper();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ALIAS_DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC);
    private static final Pattern DIAGNOSTIC_ALIAS = Pattern.compile("D\\d{6}_\\d{3,5}");
    private static final Set<String> CATEGORIES = Set.of("moving_otp", "generic_incident", "synchro", "packet_loss", "low_rate",
            "authentication", "slamming", "post_prod", "other");
    private static final Set<String> WITHOUT_DIAGNOSTIC = Set.of("moving_otp", "slamming", "other");
    private static final Map<String, String> RESPONSIBLE = Map.of("synchronization", "Covage", "modem", "Customer",
            "provisionning", "Covage", "authentication_cust", "Customer", "authentication_kosc", "Covage",
            "throughput_packet_loss", "Covage", "major_network_incident", "Covage", "ticket_cancelation_cust", "Customer",
            "other_cust", "Customer", "other_kosc", "Covage");

    private final Clock clock;
    private final KoscTokens tokens;
    private static final AtomicInteger SAMPLE_RUNS = new AtomicInteger();
    private final Object lock = new Object();
    private final Map<Long, SimTicket> tickets = new LinkedHashMap<>();
    /** Each ticket under its id, alias and uuid, so that a look-up costs the same with 10 tickets or 10,000. */
    private final Map<String, SimTicket> byKey = new HashMap<>();
    private final List<SimFeedEvent> feed = new ArrayList<>();
    private final Map<String, Boolean> diagnosticRuns = new HashMap<>();
    private final Map<String, Long> diagnosticNumbers = new HashMap<>();
    private final Map<String, Instant> lastInfoMessage = new HashMap<>();
    private final AtomicBoolean dropNextAnswer = new AtomicBoolean();
    private Instant lastNow = Instant.EPOCH;
    private long nextTicketId = 989;
    private long nextEventId = 3783;
    private long feedSequence;
    private int created;
    private int logins;
    private int refreshes;
    private Duration v1Lifetime = Duration.ofHours(24);
    private Duration accessLifetime = Duration.ofHours(1);
    private Duration refreshLifetime = Duration.ofHours(12);
    private Duration infoMessageInterval = Duration.ofMinutes(5);
    private boolean sendRetryAfter = true;

    /** A simulator on the system clock. */
    public KoscSimulator() {
        this(Clock.systemUTC());
    }

    /** A simulator on the given clock (token expiry, dates, the info-message throttle follow it). */
    public KoscSimulator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = new KoscTokens(clock);
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
            return created;
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
    public KoscSimulator accessTokenLifetime(Duration value) { synchronized (lock) { accessLifetime = value; } return this; }
    /** How long v1 tokens live (default 24 h). */
    public KoscSimulator v1TokenLifetime(Duration value) { synchronized (lock) { v1Lifetime = value; } return this; }
    /** How long v2 refresh tokens live (default 12 h). */
    public KoscSimulator refreshTokenLifetime(Duration value) { synchronized (lock) { refreshLifetime = value; } return this; }
    /** The least time between two info messages on one order (default 5 min). */
    public KoscSimulator infoMessageInterval(Duration value) { synchronized (lock) { infoMessageInterval = value; } return this; }
    /** Whether a throttled info message is answered with {@code Retry-After} (default yes). */
    public KoscSimulator sendRetryAfter(boolean value) { synchronized (lock) { sendRetryAfter = value; } return this; }

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
            SimTicket ticket = require(ticketId);
            requireStatus(ticket, "defer", "open", "reopen");
            providerEvent(ticket, "deferred", question, null);
        }
    }

    /** Kosc clears the ticket with a clear code; the responsibility follows the document's table. */
    public void clear(String ticketId, String clearCode, String comment) {
        synchronized (lock) {
            SimTicket ticket = require(ticketId);
            requireStatus(ticket, "clear", "open", "reopen", "deferred");
            providerEvent(ticket, "cleared", comment, clearCode);
        }
    }

    /** Kosc reopens a cleared ticket. */
    public void reopen(String ticketId, String comment) {
        synchronized (lock) {
            SimTicket ticket = require(ticketId);
            requireStatus(ticket, "reopen", "cleared");
            providerEvent(ticket, "reopen", comment, null);
        }
    }

    /** Kosc cancels a ticket before processing it. */
    public void cancel(String ticketId, String reason) {
        synchronized (lock) {
            SimTicket ticket = require(ticketId);
            requireStatus(ticket, "cancel", "open", "reopen", "deferred");
            providerEvent(ticket, "canceled", reason, null);
        }
    }

    /** Kosc closes a ticket itself ("closed by the operator or by Covage"). */
    public void closeAsKosc(String ticketId, String comment) {
        synchronized (lock) {
            SimTicket ticket = require(ticketId);
            requireStatus(ticket, "close", "open", "reopen", "deferred", "cleared");
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
            List<SimTicket> found = new ArrayList<>();
            for (String id : ticketIds) {
                SimTicket ticket = require(id);
                if (!ticket.isOpen()) {
                    throw new IllegalStateException("Kosc cannot comment on ticket " + ticket.alias + " in status " + ticket.status);
                }
                found.add(ticket);
            }
            for (SimTicket ticket : found) {
                Instant now = now();
                ticket.events.add(new SimEvent(nextEventId++, null, comment, "Kosc", now, null, null));
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
                ObjectNode contact = MAPPER.createObjectNode();
                contact.put("first_name", "Test");
                contact.put("last_name", "Operator");
                contact.put("email", "noc@operator.test");
                contact.put("phone_number", "0102030405");
                String service = "seeded-" + UUID.randomUUID();
                SimTicket ticket = open("other", "low", "SEED-" + service.substring(7, 15) + "-" + i, "seeded ticket " + i,
                        service, null, null, contact);
                ids.add(String.valueOf(ticket.id));
            }
            return ids;
        }
    }

    /** The ticket's current Kosc status. */
    public String ticketStatus(String ticketId) {
        synchronized (lock) {
            return require(ticketId).status;
        }
    }

    /** How many events the ticket has. */
    public int ticketEventCount(String ticketId) {
        synchronized (lock) {
            return require(ticketId).events.size();
        }
    }

    /** Adds an order event to the feed; answers its {@code event_uuid}. {@code data} may be {@code null}. */
    public String emitOrderEvent(String orderUuid, String type, Map<String, ?> data) {
        return emitEvent("order", orderUuid, type, data);
    }

    /** Adds a service event to the feed; answers its {@code event_uuid}. */
    public String emitServiceEvent(String serviceUuid, String type, Map<String, ?> data) {
        return emitEvent("service", serviceUuid, type, data);
    }

    private String emitEvent(String objectType, String objectUuid, String type, Map<String, ?> data) {
        synchronized (lock) {
            SimFeedEvent event = new SimFeedEvent(shortUuid(), type, objectType, objectUuid, now(), feedSequence++,
                    data == null ? null : MAPPER.valueToTree(data));
            feed.add(event);
            return event.uuid;
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
            return tokens.issue(KoscTokens.Kind.V1, EMAIL, v1Lifetime);
        }
    }

    /** How many logins (v1 and v2) succeeded. */
    public int loginCount() {
        synchronized (lock) {
            return logins;
        }
    }

    /** How many v2 refreshes succeeded. */
    public int refreshCount() {
        synchronized (lock) {
            return refreshes;
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
                response = koscError(500, "Internal error: " + bug, null);
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
            return loginV1(body(request));
        }
        if (path.equals("/api/v2/account/token/") && method.equals("POST")) {
            return loginV2(body(request));
        }
        if (path.equals(REFRESH_PATH) && method.equals("POST")) {
            return refresh(body(request));
        }
        if (!authorized(request.getHeaders().get("Authorization"))) {
            return SimulatorResponses.json(401, Map.of("detail", "Authentication credentials were not provided or are invalid."));
        }
        List<String> segments = new ArrayList<>(request.getUrl().pathSegments());
        segments.removeIf(String::isEmpty);
        if (segments.size() >= 2 && segments.get(0).equals("api") && segments.get(1).equals("tickets")) {
            if (segments.size() == 2) {
                return method.equals("POST") ? createTicket(body(request)) : method.equals("GET") ? listTickets(request) : notAllowed();
            }
            SimTicket ticket = find(segments.get(2));
            if (ticket == null) {
                return notFound();
            }
            if (segments.size() == 3) {
                return method.equals("GET") ? SimulatorResponses.json(200, ticketJson(ticket, false)) : notAllowed();
            }
            if (segments.size() == 4 && segments.get(3).equals("events")) {
                return method.equals("POST") ? addEvent(ticket, body(request)) : method.equals("GET") ? listTicketEvents(ticket) : notAllowed();
            }
            return notFound();
        }
        if (segments.size() >= 2 && segments.get(0).equals("api") && segments.get(1).equals("events") && method.equals("GET")) {
            if (segments.size() == 2) {
                return listFeed(request);
            }
            return feed.stream().filter(e -> e.uuid.equals(segments.get(2))).findFirst()
                    .map(e -> SimulatorResponses.json(200, feedJson(e, false))).orElseGet(KoscSimulator::notFound);
        }
        if (segments.size() == 6 && segments.get(1).equals("v2") && segments.get(2).equals("orders")
                && segments.get(4).equals("events") && segments.get(5).equals("info")) {
            return method.equals("POST") ? infoMessage(segments.get(3), body(request)) : notAllowed();
        }
        return notFound();
    }

    // ------------------------------------------------------------------ auth

    private MockResponse loginV1(JsonNode body) {
        if (!credentialsMatch(body)) {
            return SimulatorResponses.json(400, Map.of("non_field_errors", List.of("Unable to log in with provided credentials.")));
        }
        logins++;
        ObjectNode answer = MAPPER.createObjectNode();
        answer.put("token", tokens.issue(KoscTokens.Kind.V1, EMAIL, v1Lifetime));
        answer.set("user", user());
        return SimulatorResponses.json(200, answer);
    }

    private MockResponse loginV2(JsonNode body) {
        if (!credentialsMatch(body)) {
            return SimulatorResponses.json(401, Map.of("detail", "No active account found with the given credentials"));
        }
        logins++;
        ObjectNode answer = MAPPER.createObjectNode();
        answer.put("access", tokens.issue(KoscTokens.Kind.ACCESS, EMAIL, accessLifetime));
        answer.put("refresh", tokens.issue(KoscTokens.Kind.REFRESH, EMAIL, refreshLifetime));
        answer.set("user", user());
        return SimulatorResponses.json(200, answer);
    }

    private MockResponse refresh(JsonNode body) {
        String refresh = text(body, "refresh");
        if (refresh == null || !tokens.valid(refresh, KoscTokens.Kind.REFRESH)) {
            return SimulatorResponses.json(401, Map.of("detail", "Token is invalid or expired", "code", "token_not_valid"));
        }
        refreshes++;
        return SimulatorResponses.json(200, Map.of("access", tokens.issue(KoscTokens.Kind.ACCESS, EMAIL, accessLifetime)));
    }

    private static boolean credentialsMatch(JsonNode body) {
        return EMAIL.equals(text(body, "email")) && PASSWORD.equals(text(body, "password"));
    }

    private boolean authorized(String header) {
        if (header == null) {
            return false;
        }
        if (header.startsWith("JWT ")) {
            return tokens.valid(header.substring(4).trim(), KoscTokens.Kind.V1);
        }
        if (header.startsWith("Bearer ")) {
            return tokens.valid(header.substring(7).trim(), KoscTokens.Kind.ACCESS);
        }
        return false;
    }

    private static ObjectNode user() {
        ObjectNode user = MAPPER.createObjectNode();
        user.put("email", EMAIL);
        user.put("operator", "SIMULATED_OPERATOR");
        return user;
    }

    // ------------------------------------------------------------------ tickets

    private MockResponse createTicket(JsonNode body) {
        if (body == null || !body.isObject()) {
            return koscError(400, "Invalid input", List.of(detail("non_field_errors", "A JSON object is expected.")));
        }
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
        if (!details.isEmpty()) {
            return koscError(400, "Invalid input", details);
        }
        boolean hasDiagnostic = diagnostic != null && !diagnostic.isEmpty();
        if (hasDiagnostic) {
            Boolean standard = diagnosticRuns.get(diagnostic);
            if (standard == null && DIAGNOSTIC_ALIAS.matcher(diagnostic).matches()) {
                standard = Boolean.TRUE;
            }
            if (standard == null) {
                return koscError(400, "Invalid input", List.of(detail("diagnostic_run_id",
                        "Diagnostic run \"" + diagnostic + "\" does not exist.")));
            }
            if (!standard) {
                return koscError(400, "Invalid input", List.of(detail("diagnostic_run_id",
                        "The diagnostic run \"" + diagnostic + "\" is not a standard diagnostic.")));
            }
        }
        String service = text(body, "service_uuid");
        for (SimTicket other : tickets.values()) {
            if (!other.isOpen()) {
                continue;
            }
            if (other.serviceUuid.equals(service)) {
                return koscError(409, "A ticket is already open on this service (" + other.alias + ").", null);
            }
            if (hasDiagnostic && diagnostic.equals(other.diagnosticRun)) {
                return koscError(409, "A ticket is already open with this diagnostic run (" + other.alias + ").", null);
            }
        }
        SimTicket ticket = open(category, text(body, "priority") == null ? "low" : text(body, "priority"),
                text(body, "operator_ticket_ref"), text(body, "description"), service, hasDiagnostic ? diagnostic : null,
                text(body, "initial_comment"), (ObjectNode) contact.deepCopy());
        return SimulatorResponses.json(201, ticketJson(ticket, false));
    }

    /** Opens a ticket the rules have accepted, with its {@code open} event. */
    private SimTicket open(String category, String priority, String reference, String description, String service,
                           String diagnosticRun, String initialComment, ObjectNode contact) {
        Instant now = now();
        SimTicket ticket = new SimTicket();
        ticket.id = nextTicketId++;
        ticket.uuid = UUID.randomUUID().toString();
        ticket.alias = "T" + ALIAS_DAY.format(now) + "_" + String.format("%05d", 8000 + created + 6);
        ticket.created = now;
        ticket.modified = now;
        ticket.status = "open";
        ticket.category = category;
        ticket.priority = priority;
        ticket.reference = reference;
        ticket.description = description;
        ticket.serviceUuid = service;
        ticket.serviceAlias = "S" + ALIAS_DAY.format(now) + "_" + String.format("%05d", 11000 + (Math.abs(service.hashCode()) % 1000));
        ticket.diagnosticRun = diagnosticRun;
        ticket.initialComment = initialComment;
        ticket.contact = contact;
        ticket.lastUpdateAuthor = "SIMULATED_OPERATOR";
        tickets.put(ticket.id, ticket);
        byKey.put(String.valueOf(ticket.id), ticket);
        byKey.put(ticket.alias, ticket);
        byKey.put(ticket.uuid, ticket);
        created++;
        SimEvent first = new SimEvent(nextEventId++, "open", ticket.initialComment, "SIMULATED_OPERATOR", now, null, null);
        ticket.events.add(first);
        if (ticket.initialComment != null) {
            ticket.lastComment = ticket.initialComment;
            ticket.lastCommentAuthor = "SIMULATED_OPERATOR";
        }
        return ticket;
    }

    private MockResponse listTickets(RecordedRequest request) {
        String status = request.getUrl().queryParameter("status");
        int limit = intParameter(request, "limit", 100);
        String after = request.getUrl().queryParameter("after");
        Instant afterDate = null;
        long afterId = Long.MAX_VALUE;
        if (after != null) {
            Matcher cursor = Pattern.compile("p=([^&]+)&i=(\\d+)").matcher(decode(after));
            if (!cursor.matches()) {
                return koscError(400, "Invalid input", List.of(detail("after", "Invalid cursor.")));
            }
            afterDate = Instant.parse(java.net.URLDecoder.decode(cursor.group(1), StandardCharsets.UTF_8));
            afterId = Long.parseLong(cursor.group(2));
        }
        Comparator<SimTicket> newestFirst = Comparator.comparing((SimTicket t) -> t.modified).thenComparing(t -> t.id).reversed();
        List<SimTicket> sorted = new ArrayList<>(tickets.values());
        sorted.sort(newestFirst);
        ArrayNode page = MAPPER.createArrayNode();
        for (SimTicket ticket : sorted) {
            if (status != null && !status.equals(ticket.status)) {
                continue;
            }
            if (afterDate != null && !(ticket.modified.isBefore(afterDate) || (ticket.modified.equals(afterDate) && ticket.id < afterId))) {
                continue;
            }
            page.add(ticketJson(ticket, true));
            if (page.size() >= Math.min(Math.max(limit, 1), 100)) {
                break;
            }
        }
        return SimulatorResponses.json(200, page);
    }

    private MockResponse addEvent(SimTicket ticket, JsonNode body) {
        if (body == null || !body.isObject()) {
            return koscError(400, "Invalid input", List.of(detail("non_field_errors", "A JSON object is expected.")));
        }
        String status = text(body, "status");
        String comment = text(body, "comment");
        if (status == null && (comment == null || comment.isBlank())) {
            return koscError(400, "Invalid input", List.of(detail("non_field_errors", "One of status or comment is required.")));
        }
        if (!ticket.isOpen()) {
            return koscError(400, "The ticket is " + ticket.status + ": no event can be added.", null);
        }
        if (status != null) {
            boolean allowed = (status.equals("open") && ticket.status.equals("deferred"))
                    || (status.equals("closed") && ticket.status.equals("cleared"));
            if (!allowed) {
                return koscError(400, "Invalid input", List.of(detail("status",
                        "Cannot change status from \"" + ticket.status + "\" to \"" + status + "\".")));
            }
        }
        Instant now = now();
        SimEvent event = new SimEvent(nextEventId++, status, comment, "SIMULATED_OPERATOR", now, null, null);
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
        return SimulatorResponses.json(200, eventJson(event, false));
    }

    private MockResponse listTicketEvents(SimTicket ticket) {
        ArrayNode list = MAPPER.createArrayNode();
        for (int i = ticket.events.size() - 1; i >= 0; i--) {
            list.add(eventJson(ticket.events.get(i), true));
        }
        return SimulatorResponses.json(200, list);
    }

    private void providerEvent(SimTicket ticket, String status, String comment, String clearCode) {
        Instant now = now();
        String responsibility = clearCode == null ? null : RESPONSIBLE.getOrDefault(clearCode, "Covage");
        ticket.events.add(new SimEvent(nextEventId++, status, comment, "Kosc", now, clearCode, responsibility));
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

    private ObjectNode ticketJson(SimTicket t, boolean listed) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("id", t.id);
        json.put("uuid", t.uuid);
        json.put("alias", t.alias);
        json.put("creation_date", DATE.format(t.created));
        json.put("modification_date", DATE.format(t.modified));
        json.put("type", "service");
        json.put("status", t.status);
        json.put("category", t.category);
        json.put("priority", t.priority);
        json.put("author", "SIMULATED_OPERATOR");
        json.put("operator_ticket_ref", t.reference);
        json.put("description", t.description);
        json.put("service_uuid", t.serviceUuid);
        json.put("service_alias", t.serviceAlias);
        json.put("product_name", "ADSL-Max_shared_BE_KOSC");
        json.put("grt", "standard");
        if (t.diagnosticRun == null) {
            json.putNull("diagnostic_run_id");
            json.putNull("diagnostic_run_alias");
        } else {
            json.put("diagnostic_run_id", diagnosticNumbers.computeIfAbsent(t.diagnosticRun, k -> 18956L + diagnosticNumbers.size()));
            json.put("diagnostic_run_alias", DIAGNOSTIC_ALIAS.matcher(t.diagnosticRun).matches() ? t.diagnosticRun : "D000000_00000");
        }
        json.put("initial_comment", t.initialComment);
        if (t.lastComment == null) {
            json.putNull("last_comment");
        } else {
            ObjectNode last = json.putObject("last_comment");
            last.put("comment", t.lastComment);
            last.put("author", t.lastCommentAuthor);
        }
        json.put("last_comment_author", t.lastCommentAuthor);
        json.put("owner", "SIMULATED_OPERATOR");
        json.set("owner_contact", t.contact);
        json.put("operator_contact_uuid", "zitjrmff");
        json.put("last_update_author", t.lastUpdateAuthor);
        ArrayNode next = json.putArray("next_available_status");
        if (t.status.equals("deferred")) {
            next.add("open");
        } else if (t.status.equals("cleared")) {
            next.add("closed");
        }
        json.put("clear_code", t.clearCode);
        json.put("responsability", t.responsibility);
        if (listed) {
            String cursor = "p=" + java.net.URLEncoder.encode(DATE.format(t.modified), StandardCharsets.UTF_8) + "&i=" + t.id;
            json.put("sort_value", encode(cursor));
        }
        return json;
    }

    private static ObjectNode eventJson(SimEvent e, boolean listed) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("id", e.id);
        json.put("status", e.status);
        json.put("comment", e.comment);
        json.put("author", e.author);
        json.put("creation_date", DATE.format(e.created));
        json.put("clear_code", e.clearCode);
        json.put("responsability", e.responsibility);
        if (listed) {
            json.put("sort_value", encode("p=" + java.net.URLEncoder.encode(DATE.format(e.created), StandardCharsets.UTF_8)));
        }
        return json;
    }

    // ------------------------------------------------------------------ feed and info messages

    private MockResponse listFeed(RecordedRequest request) {
        String sort = request.getUrl().queryParameter("sort");
        String direction = request.getUrl().queryParameter("direction");
        boolean byCreation = "creation_date".equals(sort);
        boolean ascending = byCreation ? !"desc".equals(direction) : "asc".equals(direction);
        String objectType = request.getUrl().queryParameter("object_type");
        String objectUuid = request.getUrl().queryParameter("object_uuid");
        int size = intParameter(request, "limit", intParameter(request, "size", 50));
        String after = request.getUrl().queryParameter("after");
        long afterSequence = -1;
        if (after != null) {
            try {
                JsonNode cursor = MAPPER.readTree(decode(after));
                afterSequence = cursor.get(1).asLong();
            } catch (Exception unreadable) {
                return koscError(400, "Invalid input", List.of(detail("after", "Invalid cursor.")));
            }
        }
        Comparator<SimFeedEvent> order = byCreation
                ? Comparator.comparing((SimFeedEvent e) -> e.created).thenComparingLong(e -> e.sequence)
                : Comparator.comparing((SimFeedEvent e) -> e.created).thenComparingLong(e -> e.sequence);
        List<SimFeedEvent> sorted = new ArrayList<>(feed);
        sorted.sort(ascending ? order : order.reversed());
        ArrayNode page = MAPPER.createArrayNode();
        for (SimFeedEvent event : sorted) {
            if ((objectType != null && !objectType.equals(event.objectType)) || (objectUuid != null && !objectUuid.equals(event.objectUuid))) {
                continue;
            }
            if (afterSequence >= 0 && (ascending ? event.sequence <= afterSequence : event.sequence >= afterSequence)) {
                continue;
            }
            page.add(feedJson(event, true));
            if (page.size() >= Math.max(1, size)) {
                break;
            }
        }
        return SimulatorResponses.json(200, page);
    }

    private MockResponse infoMessage(String orderUuid, JsonNode body) {
        String message = text(body, "message");
        if (message == null || message.isBlank()) {
            return koscError(400, "Invalid input", List.of(detail("message", "This field is required.")));
        }
        Instant now = now();
        Instant last = lastInfoMessage.get(orderUuid);
        if (last != null && now.isBefore(last.plus(infoMessageInterval))) {
            long wait = Math.max(1, Duration.between(now, last.plus(infoMessageInterval)).toSeconds());
            MockResponse.Builder throttled = new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
                    .body("{\"detail\":\"Request was throttled. Expected available in " + wait + " seconds.\"}");
            if (sendRetryAfter) {
                throttled.addHeader("Retry-After", String.valueOf(wait));
            }
            return throttled.build();
        }
        lastInfoMessage.put(orderUuid, now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("message", message);
        if (body.has("stop_deferred")) {
            data.put("stop_deferred", body.get("stop_deferred").asBoolean());
        }
        SimFeedEvent event = new SimFeedEvent(shortUuid(), "order-info", "order", orderUuid, now, feedSequence++, MAPPER.valueToTree(data));
        feed.add(event);
        return SimulatorResponses.json(201, feedJson(event, false));
    }

    private static ObjectNode feedJson(SimFeedEvent e, boolean listed) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("model", "event");
        json.put("creation_date", DATE.format(e.created));
        json.put("modification_date", DATE.format(e.created));
        if (listed) {
            json.put("sort_value", encode("[\"" + DATE.format(e.created) + "\"," + e.sequence + "]"));
        }
        json.put("event_uuid", e.uuid);
        json.put("type", e.type);
        json.put("object_type", e.objectType);
        json.put("object_uuid", e.objectUuid);
        json.put("event_date", DATE.format(e.created));
        json.set("data", e.data == null ? MAPPER.nullNode() : e.data);
        return json;
    }

    // ------------------------------------------------------------------ helpers

    /** Strictly increasing microsecond times, so that cursors and sorting never tie. */
    private Instant now() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!now.isAfter(lastNow)) {
            now = lastNow.plus(1, ChronoUnit.MICROS);
        }
        lastNow = now;
        return now;
    }

    private SimTicket find(String key) {
        return key == null ? null : byKey.get(key);
    }

    private SimTicket require(String key) {
        SimTicket ticket = find(key);
        if (ticket == null) {
            throw new IllegalArgumentException("no simulated Kosc ticket " + key);
        }
        return ticket;
    }

    private static void requireStatus(SimTicket ticket, String action, String... allowed) {
        if (!List.of(allowed).contains(ticket.status)) {
            throw new IllegalStateException("Kosc cannot " + action + " ticket " + ticket.alias + " in status " + ticket.status);
        }
    }

    private static JsonNode body(RecordedRequest request) {
        try {
            return request.getBody() == null || request.getBody().size() == 0 ? null : MAPPER.readTree(request.getBody().utf8());
        } catch (Exception notJson) {
            return null;
        }
    }

    private static int intParameter(RecordedRequest request, String name, int fallback) {
        String value = request.getUrl().queryParameter(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static ObjectNode detail(String field, String error) {
        ObjectNode detail = MAPPER.createObjectNode();
        detail.put("field", field);
        detail.putArray("errors").add(error);
        return detail;
    }

    private static MockResponse koscError(int status, String error, List<ObjectNode> details) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("apirequest_uuid", "KOSC_" + UUID.randomUUID());
        body.put("error", error);
        if (details == null) {
            body.putNull("details");
        } else {
            body.putArray("details").addAll(details);
        }
        return SimulatorResponses.json(status, body);
    }

    private static MockResponse notFound() {
        return SimulatorResponses.json(404, Map.of("detail", "Not found."));
    }

    private static MockResponse notAllowed() {
        return SimulatorResponses.json(405, Map.of("detail", "Method not allowed."));
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    }

    private static String shortUuid() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private static final class SimTicket {
        long id;
        String uuid;
        String alias;
        Instant created;
        Instant modified;
        String status;
        String category;
        String priority;
        String reference;
        String description;
        String serviceUuid;
        String serviceAlias;
        String diagnosticRun;
        String initialComment;
        String lastComment;
        String lastCommentAuthor;
        ObjectNode contact;
        String lastUpdateAuthor;
        String clearCode;
        String responsibility;
        final List<SimEvent> events = new ArrayList<>();

        boolean isOpen() {
            return !status.equals("closed") && !status.equals("canceled");
        }
    }

    private record SimEvent(long id, String status, String comment, String author, Instant created, String clearCode,
                            String responsibility) {
    }

    private record SimFeedEvent(String uuid, String type, String objectType, String objectUuid, Instant created, long sequence,
                                JsonNode data) {
    }
}
