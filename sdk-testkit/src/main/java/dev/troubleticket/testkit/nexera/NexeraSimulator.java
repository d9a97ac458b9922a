package dev.troubleticket.testkit.nexera;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.testkit.AbstractSimulator;
import dev.troubleticket.testkit.SimulatorResponses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A stateful Nexera / TMF621 v4 Trouble Ticket server: create, list (every documented filter, the date
 * operators, {@code fields}, {@code offset}/{@code limit} with {@code X-Total-Count}, {@code X-Result-Count}
 * and 206 for a partial page), get, PATCH as a JSON merge patch, the requirement matrix, TMF error bodies,
 * basic and client-credentials authentication, hub registration (and {@code GET /hub}, which TMF621 does not define
 * and some servers offer; {@link #hubListing(boolean)} turns it off), and real HTTP notifications to every
 * registered listener on each change, retried with backoff while the listener fails; one change is one event,
 * with the same event id at every listener. Notifications carry no credentials, as in Nexera's document, unless
 * {@link #callbackSecret} or {@link #callbackBasic} asks for some. {@link #loseNextHubAnswer()} registers the next
 * hub and cuts the connection before its answer, as a network failure would.
 *
 * <p>Its test API plays Nexera's side: {@link #acknowledge}, {@link #startWork}, {@link #hold},
 * {@link #askForInformation}, {@link #resolve}, {@link #reject}, {@link #cancel}, {@link #changeAttribute},
 * {@link #deleteTicket}. Runs standalone too: {@code new NexeraSimulator().start(8080)}.
 */
public final class NexeraSimulator extends AbstractSimulator<NexeraSimulator> {
    /** The built-in operator account (basic authentication). */
    public static final String USERNAME = "operator";
    /** Its password. */
    public static final String PASSWORD = "operator-secret";
    /** The built-in OAuth2 client (client-credentials grant at {@value #TOKEN_PATH}). */
    public static final String CLIENT_ID = "sim-client";
    /** Its secret. */
    public static final String CLIENT_SECRET = "sim-client-secret";
    /** The token endpoint's path. */
    public static final String TOKEN_PATH = "/oauth/token";
    /** The header the simulator carries its notifications' secret in, once {@link #callbackSecret} is set. */
    public static final String CALLBACK_SECRET_HEADER = "X-Callback-Secret";
    /** Nexera's base path, as the adapter's Nexera profile uses it. */
    public static final String DEFAULT_BASE_PATH = "/api/openapi/troubleTicket";

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final int DEFAULT_LIMIT = 100;

    private final ObjectMapper mapper = SimulatorResponses.mapper();
    private final Clock clock;
    private final String basePath;
    private final Map<String, ObjectNode> tickets = new LinkedHashMap<>();
    private final Map<String, ObjectNode> hubs = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final List<CallbackDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<CallbackDelivery> attempts = new CopyOnWriteArrayList<>();
    private final AtomicBoolean loseNextHubAnswer = new AtomicBoolean();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final ScheduledExecutorService callbacks;
    private final OkHttpClient http;
    // Nexera's document names no credentials for notifications: none are sent unless a test asks for some.
    private volatile String callbackSecret;
    private volatile String callbackBasic;
    private volatile Duration tokenLifetime = Duration.ofHours(1);
    private volatile int maxCallbackAttempts = 5;
    private volatile Duration callbackBackoff = Duration.ofMillis(50);
    private volatile boolean hubListing = true;

    /** A simulator on the system clock at Nexera's base path. */
    public NexeraSimulator() {
        this(Clock.systemUTC(), DEFAULT_BASE_PATH);
    }

    /** A simulator on the given clock and base path ({@code /tmf-api/troubleTicket/v4} for a generic server). */
    public NexeraSimulator(Clock clock, String basePath) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        this.callbacks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "nexera-simulator-callbacks");
            thread.setDaemon(true);
            return thread;
        });
        this.http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).retryOnConnectionFailure(false).build();
    }

    @Override
    public String provider() {
        return "nexera";
    }

    @Override
    public CreateTicketRequest sampleCreateRequest(String reference) {
        return CreateTicketRequest.builder()
                .externalReference(reference)
                .serviceId("FTTH-000123")
                .title("No sync on the ONT")
                .description("The customer's ONT has shown LOS since 08:00.")
                .priority(Priority.of(Priority.Level.HIGH))
                .build();
    }

    /**
     * Settings for the built-in account, plus the credentials the simulator sends with its notifications when
     * it sends some ({@code listenerSecret} or {@code listenerUsername} + {@code listenerPassword}); by
     * default none, so {@code listen} registers a callback URL with a token.
     */
    @Override
    public ProviderSettings clientSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("baseUrl", baseUrl());
        settings.put("basePath", basePath);
        settings.put("username", USERNAME);
        settings.put("password", PASSWORD);
        putListenerCredentials(settings);
        return ProviderSettings.of(settings);
    }

    /**
     * The API root, as TMF621 clients are configured: the server's address followed by the base path it serves
     * under ({@code http://127.0.0.1:PORT/tmf-api/troubleTicket/v4}), without a trailing slash.
     */
    public String apiRoot() {
        String root = baseUrl() + basePath.replaceFirst("^/", "");
        return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    /** Settings using the client-credentials token endpoint instead of basic authentication. */
    public ProviderSettings tokenClientSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("baseUrl", baseUrl());
        settings.put("basePath", basePath);
        settings.put("tokenUrl", baseUrl() + TOKEN_PATH.substring(1));
        settings.put("clientId", CLIENT_ID);
        settings.put("clientSecret", CLIENT_SECRET);
        putListenerCredentials(settings);
        return ProviderSettings.of(settings);
    }

    private void putListenerCredentials(Map<String, String> settings) {
        String secret = callbackSecret;
        String basic = callbackBasic;
        if (secret != null) {
            settings.put("listenerSecret", secret);
            settings.put("listenerSecretHeader", CALLBACK_SECRET_HEADER);
        } else if (basic != null) {
            int colon = basic.indexOf(':');
            settings.put("listenerUsername", basic.substring(0, colon));
            settings.put("listenerPassword", basic.substring(colon + 1));
        }
    }

    // ---------------------------------------------------------------- test API: configuration

    /** Sends {@code value} in {@value #CALLBACK_SECRET_HEADER} with every notification (instead of any basic credentials). */
    public NexeraSimulator callbackSecret(String value) {
        this.callbackSecret = Objects.requireNonNull(value);
        this.callbackBasic = null;
        return this;
    }

    /** Sends basic credentials with every notification (instead of any secret). */
    public NexeraSimulator callbackBasic(String username, String password) {
        if (Objects.requireNonNull(username, "username").contains(":")) {
            throw new IllegalArgumentException("a basic user name cannot hold ':'");
        }
        this.callbackBasic = username + ":" + Objects.requireNonNull(password, "password");
        this.callbackSecret = null;
        return this;
    }

    /** Sends notifications with no credentials at all, as Nexera's document describes them (the default). */
    public NexeraSimulator callbackWithoutCredentials() {
        this.callbackSecret = null;
        this.callbackBasic = null;
        return this;
    }

    /** How long issued access tokens live. */
    public NexeraSimulator tokenLifetime(Duration value) {
        this.tokenLifetime = value;
        return this;
    }

    /** How often a notification is posted at most, and the first wait between attempts (doubling). */
    public NexeraSimulator callbackRetries(int maxAttempts, Duration firstBackoff) {
        this.maxCallbackAttempts = maxAttempts;
        this.callbackBackoff = firstBackoff;
        return this;
    }

    /**
     * Whether {@code GET /hub} lists the registered hubs (the default) or answers 405, as a server offering only
     * TMF621's {@code POST /hub} and {@code DELETE /hub/{id}} does.
     */
    public NexeraSimulator hubListing(boolean offered) {
        this.hubListing = offered;
        return this;
    }

    /**
     * The next {@code POST /hub} registers the hub, which then receives notifications, but its answer is lost: the
     * connection is cut before it, so the client never learns the hub's id.
     */
    public NexeraSimulator loseNextHubAnswer() {
        loseNextHubAnswer.set(true);
        return this;
    }

    /** Forgets every token issued so far, so that the next call with one is refused with 401. */
    public void revokeTokens() {
        tokens.clear();
    }

    // ---------------------------------------------------------------- test API: Nexera's side

    /** Nexera acknowledges the ticket. */
    public void acknowledge(String ticketId) {
        providerStatus(ticketId, "acknowledged", "ticket accepted", null, null);
    }

    /** Nexera starts working on the ticket. */
    public void startWork(String ticketId) {
        providerStatus(ticketId, "inProgress", "work started", null, null);
    }

    /** Nexera puts the ticket on hold. */
    public void hold(String ticketId, String reason) {
        providerStatus(ticketId, "held", reason, null, null);
    }

    /** Nexera asks for information: the ticket goes pending, with the question as a note; InformationRequiredEvent. */
    @Override
    public void askForInformation(String ticketId, String question) {
        providerStatus(ticketId, "pending", question, question, "TroubleTicketInformationRequiredEvent");
    }

    /** Nexera resolves the ticket (resolutionDate set); TroubleTicketResolvedEvent. */
    @Override
    public void resolve(String ticketId, String resolution) {
        providerStatus(ticketId, "resolved", resolution, resolution, "TroubleTicketResolvedEvent");
    }

    /** Nexera rejects the ticket. */
    public void reject(String ticketId, String reason) {
        providerStatus(ticketId, "rejected", reason, reason, null);
    }

    /** Nexera cancels the ticket. */
    public void cancel(String ticketId, String reason) {
        providerStatus(ticketId, "cancelled", reason, reason, null);
    }

    /** Nexera changes an attribute (for example {@code severity} or {@code expectedResolutionDate}); AttributeValueChangeEvent. */
    public void changeAttribute(String ticketId, String field, Object value) {
        ObjectNode snapshot;
        synchronized (this) {
            ObjectNode ticket = require(ticketId);
            ticket.set(field, mapper.valueToTree(value));
            ticket.put("lastUpdate", now());
            snapshot = ticket.deepCopy();
        }
        notifyListeners("TroubleTicketAttributeValueChangeEvent", snapshot, field);
    }

    /** Nexera deletes the ticket; TroubleTicketDeleteEvent. */
    public void deleteTicket(String ticketId) {
        ObjectNode snapshot;
        synchronized (this) {
            snapshot = require(ticketId).deepCopy();
            tickets.remove(ticketId);
        }
        notifyListeners("TroubleTicketDeleteEvent", snapshot, null);
    }

    /** A copy of the ticket as stored, or {@code null}. */
    public synchronized ObjectNode ticket(String ticketId) {
        ObjectNode ticket = tickets.get(ticketId);
        return ticket == null ? null : ticket.deepCopy();
    }

    @Override
    public int ticketsCreated() {
        return created.get();
    }

    /** The listeners registered now, by id. */
    public Map<String, ObjectNode> hubs() {
        return Map.copyOf(hubs);
    }

    /** Every notification finished so far (delivered or given up), in the order they finished. */
    public List<CallbackDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /**
     * Every post of a notification so far, one entry per attempt in the order they finished: {@code attempts} is the
     * attempt's number, {@code lastStatus} its status ({@code 0} when no answer came).
     */
    public List<CallbackDelivery> callbackAttempts() {
        return List.copyOf(attempts);
    }

    /** How many access tokens the token endpoint issued. */
    public int tokensIssued() {
        return tokensIssued.get();
    }

    private void providerStatus(String ticketId, String status, String reason, String note, String specificEvent) {
        ObjectNode snapshot;
        synchronized (this) {
            ObjectNode ticket = require(ticketId);
            setStatus(ticket, status, reason);
            if (note != null) {
                ArrayNode notes = ticket.withArray("note");
                ObjectNode n = notes.addObject();
                n.put("id", String.valueOf(notes.size()));
                n.put("author", "Nexera");
                n.put("date", now());
                n.put("text", note);
            }
            if (status.equals("resolved")) {
                ticket.put("resolutionDate", now());
            }
            snapshot = ticket.deepCopy();
        }
        notifyListeners(specificEvent != null ? specificEvent : "TroubleTicketStatusChangeEvent", snapshot,
                specificEvent != null && specificEvent.contains("InformationRequired") ? "note" : null);
    }

    private ObjectNode require(String ticketId) {
        ObjectNode ticket = tickets.get(ticketId);
        if (ticket == null) {
            throw new IllegalArgumentException("no ticket " + ticketId);
        }
        return ticket;
    }

    private void setStatus(ObjectNode ticket, String status, String reason) {
        String at = now();
        ticket.put("status", status);
        ticket.put("statusChangeDate", at);
        if (reason != null) {
            ticket.put("statusChangeReason", reason);
        } else {
            ticket.remove("statusChangeReason");
        }
        ticket.put("lastUpdate", at);
        ObjectNode change = ticket.withArray("statusChange").addObject();
        change.put("status", status);
        change.put("changeDate", at);
        if (reason != null) {
            change.put("changeReason", reason);
        }
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    // ---------------------------------------------------------------- HTTP

    @Override
    protected MockResponse handle(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        try {
            if (path.equals(TOKEN_PATH) && "POST".equals(method)) {
                return token(request);
            }
            if (!path.startsWith(basePath + "/")) {
                return error(404, "NOT_FOUND", "Not Found", "no resource at " + path);
            }
            if (!authenticated(request)) {
                return error(401, "UNAUTHORIZED", "Unauthorized", "missing or invalid credentials");
            }
            String rest = path.substring(basePath.length());
            if (rest.equals("/troubleTicket")) {
                return switch (method) {
                    case "POST" -> create(request);
                    case "GET" -> list(request);
                    default -> error(405, "METHOD_NOT_ALLOWED", "Method Not Allowed", method);
                };
            }
            if (rest.startsWith("/troubleTicket/")) {
                String id = decode(rest.substring("/troubleTicket/".length()));
                return switch (method) {
                    case "GET" -> get(id, request);
                    case "PATCH" -> patch(id, request);
                    default -> error(405, "METHOD_NOT_ALLOWED", "Method Not Allowed", method);
                };
            }
            if (rest.equals("/hub") && "POST".equals(method)) {
                MockResponse registered = registerHub(request);
                if (registered.getCode() == 201 && loseNextHubAnswer.getAndSet(false)) {
                    return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
                }
                return registered;
            }
            if (rest.equals("/hub") && "GET".equals(method)) {
                return hubListing ? SimulatorResponses.json(200, listHubs())
                        : error(405, "METHOD_NOT_ALLOWED", "Method Not Allowed", "GET /hub is not offered");
            }
            if (rest.startsWith("/hub/") && "DELETE".equals(method)) {
                return hubs.remove(decode(rest.substring("/hub/".length()))) == null
                        ? error(404, "NOT_FOUND", "Not Found", "no such hub")
                        : SimulatorResponses.empty(204);
            }
            return error(404, "NOT_FOUND", "Not Found", "no resource at " + path);
        } catch (BadRequest e) {
            return error(400, "BAD_REQUEST", "Bad Request", e.getMessage());
        }
    }

    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }

    private boolean authenticated(RecordedRequest request) {
        String authorization = request.getHeaders().get("Authorization");
        if (authorization == null) {
            return false;
        }
        if (authorization.startsWith("Basic ")) {
            return authorization.equals(basic(USERNAME, PASSWORD));
        }
        if (authorization.startsWith("Bearer ")) {
            Instant expiry = tokens.get(authorization.substring("Bearer ".length()));
            return expiry != null && clock.instant().isBefore(expiry);
        }
        return false;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private MockResponse token(RecordedRequest request) {
        if (!basic(CLIENT_ID, CLIENT_SECRET).equals(request.getHeaders().get("Authorization"))) {
            return SimulatorResponses.json(401, Map.of("error", "invalid_client"));
        }
        String form = bodyText(request);
        if (!form.contains("grant_type=client_credentials")) {
            return SimulatorResponses.json(400, Map.of("error", "unsupported_grant_type"));
        }
        String token = "sim-token-" + UUID.randomUUID();
        tokens.put(token, clock.instant().plus(tokenLifetime));
        tokensIssued.incrementAndGet();
        return SimulatorResponses.json(200, Map.of("access_token", token, "token_type", "Bearer",
                "expires_in", tokenLifetime.toSeconds()));
    }

    private MockResponse create(RecordedRequest request) {
        ObjectNode body = readObject(request);
        List<String> problems = NexeraRules.violations(body, false, body.path("ticketType").asText(null));
        if (!problems.isEmpty()) {
            return error(400, "INVALID_BODY", "Invalid trouble ticket", String.join("; ", problems));
        }
        ObjectNode snapshot;
        synchronized (this) {
            String id = "TT-" + String.format(Locale.ROOT, "%06d", sequence.incrementAndGet());
            ObjectNode ticket = body.deepCopy();
            ticket.put("id", id);
            ticket.put("href", baseUrl() + basePath.substring(1) + "/troubleTicket/" + id);
            String at = now();
            ticket.put("creationDate", at);
            ticket.put("lastUpdate", at);
            ticket.put("status", "submitted");
            ticket.put("statusChangeDate", at);
            ticket.withArray("statusChange").addObject().put("status", "submitted").put("changeDate", at);
            stampNotes(ticket, null);
            stampAttachments(ticket, null);
            ticket.put("@type", body.path("@type").asText("TroubleTicket"));
            tickets.put(id, ticket);
            created.incrementAndGet();
            snapshot = ticket.deepCopy();
        }
        notifyListeners("TroubleTicketCreateEvent", snapshot, null);
        return SimulatorResponses.json(201, snapshot);
    }

    private MockResponse get(String id, RecordedRequest request) {
        ObjectNode ticket = ticket(id);
        if (ticket == null) {
            return error(404, "NOT_FOUND", "Not Found", "trouble ticket " + id + " does not exist");
        }
        return SimulatorResponses.json(200, project(ticket, request.getUrl().queryParameter("fields")));
    }

    private MockResponse patch(String id, RecordedRequest request) {
        String contentType = request.getHeaders().get("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/merge-patch+json")) {
            return error(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type", "PATCH takes application/merge-patch+json");
        }
        ObjectNode body = readObject(request);
        ObjectNode snapshot;
        String statusBefore;
        Set<String> changed = new LinkedHashSet<>();
        synchronized (this) {
            ObjectNode ticket = tickets.get(id);
            if (ticket == null) {
                return error(404, "NOT_FOUND", "Not Found", "trouble ticket " + id + " does not exist");
            }
            List<String> problems = NexeraRules.violations(body, true, ticket.path("ticketType").asText(null));
            if (!problems.isEmpty()) {
                return error(400, "INVALID_BODY", "Invalid patch", String.join("; ", problems));
            }
            statusBefore = ticket.path("status").asText();
            String target = body.hasNonNull("status") ? body.get("status").asText() : null;
            if (target != null && !target.equals(statusBefore) && !NexeraRules.operatorMayMove(statusBefore, target)) {
                return error(409, "INVALID_TRANSITION", "Conflict", "an operator may not move a ticket from " + statusBefore
                        + " to " + target);
            }
            ObjectNode previous = ticket.deepCopy();
            ObjectNode merged = (ObjectNode) mergePatch(ticket.deepCopy(), body);
            merged.remove("status");
            merged.set("status", previous.get("status"));
            stampNotes(merged, previous);
            stampAttachments(merged, previous);
            Iterator<String> names = body.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!name.equals("status") && !name.equals("statusChangeReason") && !Objects.equals(previous.get(name), merged.get(name))) {
                    changed.add(name);
                }
            }
            merged.put("lastUpdate", now());
            if (target != null && !target.equals(statusBefore)) {
                setStatus(merged, target, body.hasNonNull("statusChangeReason") ? body.get("statusChangeReason").asText() : null);
            }
            tickets.put(id, merged);
            snapshot = merged.deepCopy();
        }
        if (!snapshot.path("status").asText().equals(statusBefore)) {
            notifyListeners("TroubleTicketStatusChangeEvent", snapshot, null);
        }
        if (!changed.isEmpty()) {
            notifyListeners("TroubleTicketAttributeValueChangeEvent", snapshot, String.join(",", changed));
        }
        return SimulatorResponses.json(200, snapshot);
    }

    /** RFC 7386: objects merge, {@code null} removes, everything else (arrays included) replaces. */
    private static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : SimulatorResponses.mapper().createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    /** Server-set note fields: new notes get an id and a date, known notes keep theirs. */
    private void stampNotes(ObjectNode ticket, ObjectNode previous) {
        JsonNode notes = ticket.get("note");
        if (notes == null || !notes.isArray()) {
            return;
        }
        Map<String, JsonNode> known = new LinkedHashMap<>();
        if (previous != null && previous.get("note") != null) {
            previous.get("note").forEach(n -> known.put(n.path("id").asText(), n));
        }
        int next = known.size();
        for (JsonNode n : notes) {
            ObjectNode note = (ObjectNode) n;
            JsonNode old = note.hasNonNull("id") ? known.get(note.get("id").asText()) : null;
            if (old != null) {
                note.set("date", old.get("date"));
            } else {
                note.put("id", String.valueOf(++next));
                note.put("date", now());
            }
        }
    }

    /** New attachments get an id; references (id only) are replaced by the stored attachment. */
    private void stampAttachments(ObjectNode ticket, ObjectNode previous) {
        JsonNode attachments = ticket.get("attachment");
        if (attachments == null || !attachments.isArray()) {
            return;
        }
        Map<String, JsonNode> known = new LinkedHashMap<>();
        if (previous != null && previous.get("attachment") != null) {
            previous.get("attachment").forEach(a -> known.put(a.path("id").asText(), a));
        }
        ArrayNode result = mapper.createArrayNode();
        for (JsonNode a : attachments) {
            if (a.hasNonNull("id") && !a.hasNonNull("content") && known.containsKey(a.get("id").asText())) {
                result.add(known.get(a.get("id").asText()));
            } else {
                ObjectNode attachment = a.deepCopy();
                attachment.put("id", "ATT-" + sequence.incrementAndGet());
                result.add(attachment);
            }
        }
        ticket.set("attachment", result);
    }

    private MockResponse list(RecordedRequest request) {
        okhttp3.HttpUrl url = request.getUrl();
        int offset = intParameter(url, "offset", 0);
        int limit = intParameter(url, "limit", DEFAULT_LIMIT);
        List<ObjectNode> matching = new ArrayList<>();
        synchronized (this) {
            for (ObjectNode ticket : tickets.values()) {
                if (matches(ticket, url)) {
                    matching.add(ticket.deepCopy());
                }
            }
        }
        int from = Math.min(offset, matching.size());
        int to = Math.min(from + limit, matching.size());
        ArrayNode page = mapper.createArrayNode();
        for (ObjectNode ticket : matching.subList(from, to)) {
            page.add(project(ticket, url.queryParameter("fields")));
        }
        boolean partial = to < matching.size();
        return new MockResponse.Builder().code(partial ? 206 : 200)
                .addHeader("Content-Type", "application/json")
                .addHeader("X-Total-Count", String.valueOf(matching.size()))
                .addHeader("X-Result-Count", String.valueOf(page.size()))
                .body(page.toString()).build();
    }

    private static final Set<String> PAGING = Set.of("offset", "limit", "fields");

    private static boolean matches(ObjectNode ticket, okhttp3.HttpUrl url) {
        for (String name : url.queryParameterNames()) {
            if (PAGING.contains(name)) {
                continue;
            }
            String value = url.queryParameter(name);
            int dot = name.lastIndexOf('.');
            String operator = dot > 0 ? name.substring(dot + 1) : "";
            if (Set.of("gt", "gte", "lt", "lte").contains(operator)) {
                String field = name.substring(0, dot);
                if (!compareDate(ticket.path(field).asText(null), operator, value)) {
                    return false;
                }
                continue;
            }
            // The document spells the filter ticketSubType and the field ticketSubtype.
            String field = name.equals("ticketSubType") ? "ticketSubtype" : name;
            JsonNode actual = ticket.get(field);
            if (actual == null || actual.isNull() || actual.isContainerNode()) {
                return false;
            }
            boolean any = false;
            for (String alternative : value.split(",")) {
                any |= equalValues(actual.asText(), alternative.trim());
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalValues(String actual, String wanted) {
        Instant a = instant(actual);
        Instant w = instant(wanted);
        return a != null && w != null ? a.equals(w) : actual.equals(wanted);
    }

    private static boolean compareDate(String actual, String operator, String wanted) {
        Instant a = instant(actual);
        Instant w = instant(wanted);
        if (a == null || w == null) {
            return false;
        }
        int c = a.compareTo(w);
        return switch (operator) {
            case "gt" -> c > 0;
            case "gte" -> c >= 0;
            case "lt" -> c < 0;
            default -> c <= 0;
        };
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private ObjectNode project(ObjectNode ticket, String fields) {
        if (fields == null || fields.isBlank()) {
            return ticket;
        }
        ObjectNode projected = mapper.createObjectNode();
        projected.set("id", ticket.get("id"));
        projected.set("href", ticket.get("href"));
        for (String field : fields.split(",")) {
            JsonNode value = ticket.get(field.trim());
            if (value != null) {
                projected.set(field.trim(), value);
            }
        }
        return projected;
    }

    private static int intParameter(okhttp3.HttpUrl url, String name, int fallback) {
        String value = url.queryParameter(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 0) {
                throw new BadRequest(name + " must not be negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a number");
        }
    }

    private MockResponse registerHub(RecordedRequest request) {
        ObjectNode body = readObject(request);
        String callback = body.path("callback").asText(null);
        if (callback == null || okhttp3.HttpUrl.parse(callback) == null) {
            return error(400, "INVALID_BODY", "Invalid hub", "callback must be an http(s) URL");
        }
        ObjectNode hub = mapper.createObjectNode();
        hub.put("id", "HUB-" + sequence.incrementAndGet());
        hub.put("callback", callback);
        if (body.hasNonNull("query")) {
            hub.put("query", body.get("query").asText());
        }
        hubs.put(hub.get("id").asText(), hub);
        return SimulatorResponses.json(201, hub);
    }

    private ArrayNode listHubs() {
        ArrayNode list = mapper.createArrayNode();
        hubs.values().stream().sorted(java.util.Comparator.comparing(h -> h.get("id").asText())).forEach(h -> list.add(h.deepCopy()));
        return list;
    }

    private ObjectNode readObject(RecordedRequest request) {
        try {
            JsonNode node = mapper.readTree(bodyText(request));
            if (node == null || !node.isObject()) {
                throw new BadRequest("the body must be a JSON object");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new BadRequest("the body is not JSON");
        }
    }

    private static String bodyText(RecordedRequest request) {
        return request.getBody() == null ? "" : request.getBody().utf8();
    }

    private static String decode(String segment) {
        return java.net.URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

    private MockResponse error(int status, String code, String reason, String message) {
        ObjectNode body = mapper.createObjectNode();
        body.put("code", code);
        body.put("reason", reason);
        body.put("message", message);
        body.put("status", String.valueOf(status));
        body.put("referenceError", "https://docs.example/nexera/errors/" + code);
        body.put("@type", "Error");
        return SimulatorResponses.json(status, body);
    }

    // ---------------------------------------------------------------- notifications

    private void notifyListeners(String eventType, ObjectNode ticket, String fieldPath) {
        // One change is one event: every listener gets it under the same id.
        String eventId = UUID.randomUUID().toString();
        for (ObjectNode hub : hubs.values()) {
            if (!wants(hub, eventType)) {
                continue;
            }
            ObjectNode event = mapper.createObjectNode();
            String now = now();
            event.put("eventId", eventId);
            event.put("eventTime", now);
            event.put("eventType", eventType);
            event.put("correlationId", ticket.path("correlationId").asText(null));
            event.put("domain", "troubleTicket");
            event.put("title", eventType);
            event.put("description", eventType + " for " + ticket.path("id").asText());
            event.put("priority", ticket.has("priority") ? ticket.get("priority").asText() : null);
            event.put("timeOcurred", now);
            if (fieldPath != null) {
                event.put("fieldPath", fieldPath);
            }
            event.putObject("event").set("troubleTicket", ticket);
            String hubId = hub.get("id").asText();
            String callback = hub.get("callback").asText();
            callbacks.execute(() -> post(hubId, callback, event, 1));
        }
    }

    private static boolean wants(ObjectNode hub, String eventType) {
        String query = hub.path("query").asText("");
        for (String criterion : query.split("&")) {
            if (criterion.startsWith("eventType=")) {
                return List.of(criterion.substring("eventType=".length()).split(",")).contains(eventType);
            }
        }
        return true;
    }

    private void post(String hubId, String callback, ObjectNode event, int attempt) {
        if (!hubs.containsKey(hubId)) {
            return;
        }
        int status = 0;
        try {
            Request.Builder request = new Request.Builder().url(callback).post(RequestBody.create(event.toString(), JSON));
            String secret = callbackSecret;
            String basic = callbackBasic;
            if (secret != null) {
                request.header(CALLBACK_SECRET_HEADER, secret);
            } else if (basic != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
            }
            try (Response response = http.newCall(request.build()).execute()) {
                status = response.code();
            }
        } catch (IOException | RuntimeException e) {
            status = 0;
        }
        boolean ok = status >= 200 && status < 300;
        attempts.add(new CallbackDelivery(hubId, event.path("eventId").asText(), event.path("eventType").asText(),
                event.path("event").path("troubleTicket").path("id").asText(), attempt, status, ok));
        if (!ok && attempt < maxCallbackAttempts && !callbacks.isShutdown()) {
            long delay = callbackBackoff.toMillis() << Math.min(attempt - 1, 10);
            callbacks.schedule(() -> post(hubId, callback, event, attempt + 1), delay, TimeUnit.MILLISECONDS);
            return;
        }
        deliveries.add(new CallbackDelivery(hubId, event.path("eventId").asText(), event.path("eventType").asText(),
                event.path("event").path("troubleTicket").path("id").asText(), attempt, status, ok));
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
        super.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Runs standalone on the given port (default 8621) until killed. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8621;
        NexeraSimulator simulator = new NexeraSimulator().start(port);
        System.out.println("Nexera simulator at " + simulator.baseUrl() + DEFAULT_BASE_PATH.substring(1) + " (basic " + USERNAME + ")");
        Thread.currentThread().join();
    }

    @Override
    public String toString() {
        return "NexeraSimulator[baseUrl=" + baseUrl() + ", basePath=" + basePath + ", tickets=" + tickets.size() + "]";
    }

    /** Unmodifiable view used by tests of the simulator itself. */
    synchronized List<String> ticketIds() {
        return Collections.unmodifiableList(new ArrayList<>(tickets.keySet()));
    }
}
