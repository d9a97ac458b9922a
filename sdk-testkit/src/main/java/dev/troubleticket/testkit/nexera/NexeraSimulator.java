package dev.troubleticket.testkit.nexera;

import static dev.troubleticket.testkit.nexera.WireJson.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.testkit.AbstractSimulator;
import dev.troubleticket.testkit.SimulatorResponses;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

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
 *
 * <p>Split by job: {@link NexeraRules} (the wire rules), {@link TokenEndpoint} (credentials), {@link TicketListing}
 * (filters, fields, paging), {@link MergePatch} and {@link ServerFields} (updates), {@link HubStore} and
 * {@link Notifier} (hubs and callback delivery), {@link WireJson} (error and event bodies); this class keeps the
 * tickets, routes the calls and holds the test API.
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

    private final ObjectMapper mapper = SimulatorResponses.mapper();
    private final Clock clock;
    private final String basePath;
    private final Map<String, ObjectNode> tickets = new LinkedHashMap<>();
    private final AtomicBoolean loseNextHubAnswer = new AtomicBoolean();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private final TokenEndpoint tokenEndpoint;
    private final HubStore hubs = new HubStore(() -> "HUB-" + sequence.incrementAndGet());
    private final Notifier notifier;
    private final ServerFields serverFields;
    private volatile boolean hubListing = true;

    /** A simulator on the system clock at Nexera's base path. */
    public NexeraSimulator() {
        this(Clock.systemUTC(), DEFAULT_BASE_PATH);
    }

    /** A simulator on the given clock and base path ({@code /tmf-api/troubleTicket/v4} for a generic server). */
    public NexeraSimulator(Clock clock, String basePath) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        this.tokenEndpoint = new TokenEndpoint(clock);
        this.notifier = new Notifier(hubs, this::now);
        this.serverFields = new ServerFields(this::now, () -> "ATT-" + sequence.incrementAndGet());
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
        String secret = notifier.secret();
        String basic = notifier.basic();
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
        notifier.secret(Objects.requireNonNull(value));
        notifier.basic(null);
        return this;
    }

    /** Sends basic credentials with every notification (instead of any secret). */
    public NexeraSimulator callbackBasic(String username, String password) {
        if (Objects.requireNonNull(username, "username").contains(":")) {
            throw new IllegalArgumentException("a basic user name cannot hold ':'");
        }
        notifier.basic(username + ":" + Objects.requireNonNull(password, "password"));
        notifier.secret(null);
        return this;
    }

    /** Sends notifications with no credentials at all, as Nexera's document describes them (the default). */
    public NexeraSimulator callbackWithoutCredentials() {
        notifier.secret(null);
        notifier.basic(null);
        return this;
    }

    /** How long issued access tokens live. */
    public NexeraSimulator tokenLifetime(Duration value) {
        tokenEndpoint.tokenLifetime(value);
        return this;
    }

    /** How often a notification is posted at most, and the first wait between attempts (doubling). */
    public NexeraSimulator callbackRetries(int maxAttempts, Duration firstBackoff) {
        notifier.retries(maxAttempts, firstBackoff);
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
        tokenEndpoint.revokeTokens();
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
        notifier.notifyListeners("TroubleTicketAttributeValueChangeEvent", snapshot, field);
    }

    /** Nexera deletes the ticket; TroubleTicketDeleteEvent. */
    public void deleteTicket(String ticketId) {
        ObjectNode snapshot;
        synchronized (this) {
            snapshot = require(ticketId).deepCopy();
            tickets.remove(ticketId);
        }
        notifier.notifyListeners("TroubleTicketDeleteEvent", snapshot, null);
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
        return hubs.snapshot();
    }

    /** Every notification finished so far (delivered or given up), in the order they finished. */
    public List<CallbackDelivery> deliveries() {
        return notifier.deliveries();
    }

    /**
     * Every post of a notification so far, one entry per attempt in the order they finished: {@code attempts} is the
     * attempt's number, {@code lastStatus} its status ({@code 0} when no answer came).
     */
    public List<CallbackDelivery> callbackAttempts() {
        return notifier.attempts();
    }

    /** How many access tokens the token endpoint issued. */
    public int tokensIssued() {
        return tokenEndpoint.tokensIssued();
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
        notifier.notifyListeners(specificEvent != null ? specificEvent : "TroubleTicketStatusChangeEvent", snapshot,
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
                return tokenEndpoint.token(request);
            }
            if (!path.startsWith(basePath + "/")) {
                return error(404, "NOT_FOUND", "Not Found", "no resource at " + path);
            }
            if (!tokenEndpoint.authenticated(request)) {
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
                return hubListing ? SimulatorResponses.json(200, hubs.list())
                        : error(405, "METHOD_NOT_ALLOWED", "Method Not Allowed", "GET /hub is not offered");
            }
            if (rest.startsWith("/hub/") && "DELETE".equals(method)) {
                return !hubs.remove(decode(rest.substring("/hub/".length())))
                        ? error(404, "NOT_FOUND", "Not Found", "no such hub")
                        : SimulatorResponses.empty(204);
            }
            return error(404, "NOT_FOUND", "Not Found", "no resource at " + path);
        } catch (BadRequest e) {
            return error(400, "BAD_REQUEST", "Bad Request", e.getMessage());
        }
    }

    private MockResponse create(RecordedRequest request) {
        ObjectNode body = WireJson.readObject(request);
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
            serverFields.stamp(ticket, null);
            ticket.put("@type", body.path("@type").asText("TroubleTicket"));
            tickets.put(id, ticket);
            created.incrementAndGet();
            snapshot = ticket.deepCopy();
        }
        notifier.notifyListeners("TroubleTicketCreateEvent", snapshot, null);
        return SimulatorResponses.json(201, snapshot);
    }

    private MockResponse get(String id, RecordedRequest request) {
        ObjectNode ticket = ticket(id);
        if (ticket == null) {
            return error(404, "NOT_FOUND", "Not Found", "trouble ticket " + id + " does not exist");
        }
        return SimulatorResponses.json(200, TicketListing.project(ticket, request.getUrl().queryParameter("fields")));
    }

    private MockResponse patch(String id, RecordedRequest request) {
        String contentType = request.getHeaders().get("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/merge-patch+json")) {
            return error(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type", "PATCH takes application/merge-patch+json");
        }
        ObjectNode body = WireJson.readObject(request);
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
            ObjectNode merged = (ObjectNode) MergePatch.apply(ticket.deepCopy(), body);
            merged.remove("status");
            merged.set("status", previous.get("status"));
            serverFields.stamp(merged, previous);
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
            notifier.notifyListeners("TroubleTicketStatusChangeEvent", snapshot, null);
        }
        if (!changed.isEmpty()) {
            notifier.notifyListeners("TroubleTicketAttributeValueChangeEvent", snapshot, String.join(",", changed));
        }
        return SimulatorResponses.json(200, snapshot);
    }

    private MockResponse list(RecordedRequest request) {
        okhttp3.HttpUrl url = request.getUrl();
        List<ObjectNode> matching = new ArrayList<>();
        synchronized (this) {
            for (ObjectNode ticket : tickets.values()) {
                if (TicketListing.matches(ticket, url)) {
                    matching.add(ticket.deepCopy());
                }
            }
        }
        return TicketListing.page(matching, url);
    }

    private MockResponse registerHub(RecordedRequest request) {
        ObjectNode body = WireJson.readObject(request);
        try {
            return SimulatorResponses.json(201, hubs.register(body));
        } catch (BadRequest e) {
            return error(400, "INVALID_BODY", "Invalid hub", e.getMessage());
        }
    }

    private static String decode(String segment) {
        return java.net.URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        notifier.close();
        super.close();
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
