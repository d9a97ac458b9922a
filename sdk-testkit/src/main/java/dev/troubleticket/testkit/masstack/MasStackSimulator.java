package dev.troubleticket.testkit.masstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.testkit.AbstractSimulator;
import dev.troubleticket.testkit.SimulatorResponses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A stateful simulator of MasMovil's MasStack Ticketing OSSJ API and its OAuth2 token endpoint, written
 * from the provider's documents independently of the adapter.
 *
 * <ul>
 *   <li>{@code POST /oauth2/token}: the JWT-bearer grant. The assertion must be RS256-signed with the
 *       simulator's service-account key, carry its {@code kid}, name the account as issuer and subject and
 *       the token URL as audience, and not be expired. Answers an access token (a JWT with {@code exp})
 *       and {@code expires_in} (both configurable).</li>
 *   <li>{@code POST /troubleTicket} (JSON or multipart/form-data), {@code GET} and {@code PATCH
 *       /troubleTicket/{ticketId}}, with the document's constraints, its error bodies (HTTP 400 with
 *       {@code illegalArgumentException}, {@code objectNotFoundException} or {@code remoteException}), its
 *       answers' quirks ({@code troubleDectectionTime}, {@code preferredPriority} as a string in PATCH
 *       answers) and JIRA-style ids from {@code RED-84} on.</li>
 *   <li>The transaction table: a PATCH is accepted only as one of the operator's (TU) transactions from the
 *       ticket's current state. The territory owner's (TO) transactions are played through the test API:
 *       {@link #requestCancellation} (TO02), {@link #askForInformation} (TO05), {@link #resolve} (TO07).</li>
 * </ul>
 *
 * <p>Runs standalone too: {@code new MasStackSimulator().start(port)}; {@link #clientSettings()} gives what a
 * client needs, including a service-account file written to a temporary directory.
 */
public final class MasStackSimulator extends AbstractSimulator<MasStackSimulator> {
    /** The simulated service account's id. */
    public static final String CLIENT_EMAIL = "isp-operator@masstack-simulator.iam.example";
    static final String TOKEN_PATH = "/oauth2/token";
    /** The {@code closeOutType} a resolution ({@link #resolve(String, String)}) writes on the ticket. */
    public static final String RESOLUTION_CLOSE_OUT_TYPE = "RESUELTO_TO";
    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private static final ObjectMapper MAPPER = SimulatorResponses.mapper();
    private final Clock clock;
    private final KeyPair keyPair;
    private final String keyId = "sim-key-" + UUID.randomUUID().toString().substring(0, 8);
    private final TokenEndpoint tokens;
    private final Map<String, SimulatedTicket> tickets = new ConcurrentHashMap<>();
    private final AtomicInteger nextNumber = new AtomicInteger(84);
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger remoteFailures = new AtomicInteger();
    private final AtomicInteger throttledCalls = new AtomicInteger();
    private volatile Duration throttleRetryAfter;
    private volatile String remoteFailureMessage = "";
    private volatile Path serviceAccountFile;

    /** A simulator on the system clock. */
    public MasStackSimulator() {
        this(Clock.systemUTC());
    }

    /** A simulator on the given clock (token and assertion expiry, restoration times). */
    public MasStackSimulator(Clock clock) {
        this.clock = clock;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keyPair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no RSA in this JVM", e);
        }
        this.tokens = new TokenEndpoint(clock, (RSAPublicKey) keyPair.getPublic(), keyId, this::tokenUrl);
    }

    // ---------------------------------------------------------------- ProviderSimulator

    @Override
    public String provider() {
        return "masstack";
    }

    @Override
    public CreateTicketRequest sampleCreateRequest(String reference) {
        return CreateTicketRequest.builder()
                .externalReference(reference)
                .serviceId("O99999999999/M9999999999")
                .category("FTTH_PROVISION_RANGED_NO_NAVEGA")
                .title("ONT sincronizado, pero no navega.")
                .description("ERI_MM_OLTZ3562010LAP012_para que se revise")
                .priority(Priority.of(Priority.Level.CRITICAL))
                .detectedAt(Instant.now())
                .providerField("troubledObject", "CTO")
                .providerField("wh1Parameter", "red")
                .build();
    }

    /** The token endpoint's URL. */
    public String tokenUrl() {
        return baseUrl() + TOKEN_PATH.substring(1);
    }

    /**
     * {@code baseUrl}, {@code tokenUrl}, {@code serviceAccountFile} (written to a temporary file), and the
     * default a neutral create needs for this simulator's rules: {@code clearencePerson}. No close-out defaults:
     * a close sends the close-out the resolution ({@link #resolve(String, String)}) wrote on the ticket.
     */
    @Override
    public ProviderSettings clientSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("baseUrl", baseUrl());
        settings.put("tokenUrl", tokenUrl());
        settings.put("serviceAccountFile", serviceAccountFile().toString());
        settings.put("clearencePerson", "SIM-AGENT-01");
        return ProviderSettings.of(settings);
    }

    /** TO05: the territory owner asks for more information (the ticket must be {@code OPENACTIVE}). */
    @Override
    public void askForInformation(String ticketId, String question) {
        playTerritoryOwner(ticketId, "TO05", States.OPENACTIVE, States.AWAITING_INFORMATION, question);
    }

    /**
     * TO07: the territory owner settles the ticket (it must be {@code OPENACTIVE}) and writes its close-out on it:
     * {@code closeOutType} {@value #RESOLUTION_CLOSE_OUT_TYPE}, the resolution (up to 128 characters) as
     * {@code closeOutNarr} and the current time as {@code serviceRestoredTime}.
     */
    @Override
    public void resolve(String ticketId, String resolution) {
        String narrative = resolution == null ? null : resolution.substring(0, Math.min(128, resolution.length()));
        resolve(ticketId, resolution, RESOLUTION_CLOSE_OUT_TYPE, narrative, clock.instant());
    }

    /**
     * TO07 with the close-out the territory owner writes on the ticket; any of them may be {@code null}, for a
     * territory owner that leaves it to the operator.
     */
    public void resolve(String ticketId, String resolution, String closeOutType, String closeOutNarr, Instant serviceRestoredTime) {
        playTerritoryOwner(ticketId, "TO07", States.OPENACTIVE, States.CLEARED, resolution);
        SimulatedTicket ticket = existing(ticketId);
        synchronized (ticket) {
            ticket.closeOutType = closeOutType;
            ticket.closeOutNarr = closeOutNarr;
            ticket.serviceRestoredTime = serviceRestoredTime == null ? null
                    : serviceRestoredTime.truncatedTo(ChronoUnit.SECONDS).toString();
        }
    }

    /** TO02: the territory owner asks the operator to agree to cancel (the ticket must be {@code OPENACTIVE}). */
    public void requestCancellation(String ticketId, String reason) {
        playTerritoryOwner(ticketId, "TO02", States.OPENACTIVE, States.AWAITING_CANCELATION, reason);
    }

    /** The territory owner writes in the dialog without changing the state. */
    public void writeDialog(String ticketId, String text) {
        SimulatedTicket ticket = existing(ticketId);
        synchronized (ticket) {
            ticket.dialog = text;
            ticket.dialogHistory.add("TO: " + text);
        }
    }

    @Override
    public int ticketsCreated() {
        return created.get();
    }

    @Override
    public void close() {
        super.close();
        Path file = serviceAccountFile;
        if (file != null) {
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(file.getParent());
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }

    // ---------------------------------------------------------------- test API

    /** The ticket's current state, e.g. {@code OPENACTIVE}. */
    public String state(String ticketId) {
        return existing(ticketId).state;
    }

    /** The ticket as {@code GET} would answer it. */
    public Map<String, Object> ticket(String ticketId) {
        SimulatedTicket ticket = existing(ticketId);
        synchronized (ticket) {
            return Map.copyOf(withoutNulls(ticket.asJson()));
        }
    }

    /** Every dialog message of the ticket, oldest first, prefixed with {@code TU: } or {@code TO: }. */
    public List<String> dialogHistory(String ticketId) {
        SimulatedTicket ticket = existing(ticketId);
        synchronized (ticket) {
            return List.copyOf(ticket.dialogHistory);
        }
    }

    /** The transactions made on the ticket, oldest first ({@code TU01}, {@code TO05}, {@code TU06}, ...). */
    public List<String> transactions(String ticketId) {
        SimulatedTicket ticket = existing(ticketId);
        synchronized (ticket) {
            return List.copyOf(ticket.transactions);
        }
    }

    /** The ids of every ticket, in creation order. */
    public List<String> ticketIds() {
        List<String> ids = new ArrayList<>(tickets.keySet());
        ids.sort((a, b) -> Integer.compare(number(a), number(b)));
        return ids;
    }

    private static int number(String id) {
        return Integer.parseInt(id.substring(id.indexOf('-') + 1));
    }

    /** How many access tokens the token endpoint issued. */
    public int tokensIssued() {
        return tokens.tokensIssued();
    }

    /** Revokes every access token issued so far: the next API call answers 401. */
    public void revokeAccessTokens() {
        tokens.revokeAll();
    }

    /** The lifetime of new access tokens (default 1 hour). */
    public MasStackSimulator accessTokenLifetime(Duration lifetime) {
        tokens.accessTokenLifetime(lifetime);
        return this;
    }

    /** Whether the token answer carries {@code expires_in} (default {@code true}); without it only the JWT's {@code exp} tells. */
    public MasStackSimulator sendExpiresIn(boolean value) {
        tokens.sendExpiresIn(value);
        return this;
    }

    /** The next {@code count} ticket API calls fail with HTTP 400 {@code {"remoteException": message}}. */
    public void failWithRemoteException(int count, String message) {
        remoteFailureMessage = message;
        remoteFailures.set(count);
    }

    /**
     * The next {@code count} ticket API calls answer HTTP 429 before anything else is checked, with
     * {@code Retry-After} in whole seconds (rounded up), or without it when {@code retryAfter} is {@code null}. The
     * documents say nothing of rate limits; this is how a gateway in front of the API would answer.
     */
    public void answerTooManyRequests(int count, Duration retryAfter) {
        throttleRetryAfter = retryAfter;
        throttledCalls.set(count);
    }

    /** The service account's id. */
    public String clientEmail() {
        return CLIENT_EMAIL;
    }

    /** The service account key's id ({@code kid}). */
    public String keyId() {
        return keyId;
    }

    /** The public half of the service-account key, with which assertions are verified. */
    public RSAPublicKey publicKey() {
        return (RSAPublicKey) keyPair.getPublic();
    }

    /** The service-account JSON a client needs ({@code private_key} as PKCS#8 PEM). */
    public String serviceAccountJson() {
        Map<String, String> account = new LinkedHashMap<>();
        account.put("type", "service_account");
        account.put("client_email", CLIENT_EMAIL);
        account.put("private_key_id", keyId);
        account.put("private_key", pem((RSAPrivateKey) keyPair.getPrivate()));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(account);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the service-account JSON to {@code file}. */
    public Path writeServiceAccount(Path file) {
        try {
            Files.writeString(file, serviceAccountJson(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the service account to " + file, e);
        }
    }

    private synchronized Path serviceAccountFile() {
        if (serviceAccountFile == null) {
            try {
                Path directory = Files.createTempDirectory("masstack-simulator");
                serviceAccountFile = writeServiceAccount(directory.resolve("service-account.json"));
                serviceAccountFile.toFile().deleteOnExit();
                directory.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the simulator's service-account file", e);
            }
        }
        return serviceAccountFile;
    }

    private static String pem(RSAPrivateKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    // ---------------------------------------------------------------- HTTP

    @Override
    protected MockResponse handle(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        if (path.equals(TOKEN_PATH)) {
            return "POST".equals(method) ? tokens.exchange(request) : SimulatorResponses.empty(405);
        }
        if (!path.equals("/troubleTicket") && !path.startsWith("/troubleTicket/")) {
            return SimulatorResponses.json(404, Map.of("error", "no such resource: " + path));
        }
        if (throttledCalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return tooManyRequests(throttleRetryAfter);
        }
        MockResponse unauthorized = tokens.check(request.getHeaders().get("Authorization"));
        if (unauthorized != null) {
            return unauthorized;
        }
        if (remoteFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return error("remoteException", remoteFailureMessage);
        }
        try {
            if (path.equals("/troubleTicket")) {
                return "POST".equals(method) ? create(request) : SimulatorResponses.empty(405);
            }
            String ticketId = URLDecoder.decode(path.substring("/troubleTicket/".length()), StandardCharsets.UTF_8);
            switch (method) {
                case "GET": return get(ticketId);
                case "PATCH": return update(ticketId, request);
                default: return SimulatorResponses.empty(405);
            }
        } catch (IllegalArgumentException e) {
            return error("illegalArgumentException", e.getMessage());
        } catch (RuntimeException e) {
            // A body the checks did not foresee: answer as the provider's back end would, not with a dropped connection.
            return SimulatorResponses.json(500, Map.of("remoteException", e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private static MockResponse tooManyRequests(Duration retryAfter) {
        MockResponse.Builder answer = new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
                .body("{\"message\":\"Too Many Requests\"}");
        if (retryAfter != null) {
            long seconds = (retryAfter.toMillis() + 999) / 1000;
            answer.addHeader("Retry-After", Long.toString(seconds));
        }
        return answer.build();
    }

    private static MockResponse error(String kind, String message) {
        return SimulatorResponses.json(400, Map.of(kind, message));
    }

    // ---------------------------------------------------------------- trouble tickets

    /** A JSON body, or the JSON {@code data} part and the binary file parts of a multipart/form-data body. */
    private record Incoming(JsonNode json, List<Map<String, String>> files) {
    }

    private static Incoming read(RecordedRequest request, String filePart) {
        String contentType = request.getHeaders().get("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return new Incoming(readJson(request.getBody() == null ? "" : request.getBody().utf8()), List.of());
        }
        String data = null;
        List<Map<String, String>> files = new ArrayList<>();
        for (Multipart.Part part : Multipart.parse(contentType, request.getBody())) {
            if ("data".equals(part.name())) {
                data = new String(part.bytes(), StandardCharsets.UTF_8);
            } else if (filePart.equals(part.name())) {
                Map<String, String> file = new LinkedHashMap<>();
                file.put("content", Base64.getEncoder().encodeToString(part.bytes()));
                file.put("mimeType", part.contentType() == null ? "application/octet-stream" : part.contentType());
                file.put("name", part.fileName());
                files.add(file);
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("required fields: data");
        }
        return new Incoming(readJson(data), files);
    }

    private MockResponse create(RecordedRequest request) {
        // The document names the create's file parts "attachment" and the update's "attachments".
        Incoming incoming = read(request, "attachment");
        JsonNode body = incoming.json();
        List<Map<String, String>> files = incoming.files();
        WireRules.checkCreate(body);
        String id = "RED-" + nextNumber.getAndIncrement();
        SimulatedTicket ticket = new SimulatedTicket(id, body);
        for (JsonNode attachment : body.path("attachments")) {
            ticket.attachments.add(Map.of("content", attachment.path("content").asText(),
                    "mimeType", attachment.path("mimeType").asText(), "name", attachment.path("name").asText()));
        }
        ticket.attachments.addAll(files);
        tickets.put(id, ticket);
        created.incrementAndGet();
        return SimulatorResponses.json(201, Map.of("ticketId", id, "mirrorKey", body.path("mirrorKey").asText()));
    }

    private MockResponse get(String ticketId) {
        SimulatedTicket ticket = tickets.get(ticketId);
        if (ticket == null) {
            return SimulatorResponses.json(404, Map.of("objectNotFoundException", "trouble ticket " + ticketId + " not found"));
        }
        synchronized (ticket) {
            return SimulatorResponses.json(200, withoutNulls(ticket.asJson()));
        }
    }

    private MockResponse update(String ticketId, RecordedRequest request) {
        SimulatedTicket ticket = tickets.get(ticketId);
        if (ticket == null) {
            return error("objectNotFoundException", "trouble ticket " + ticketId + " not found");
        }
        Incoming incoming = read(request, "attachments");
        JsonNode body = incoming.json();
        synchronized (ticket) {
            String target = WireRules.text(body, "baseTroubleTicketState");
            if (target == null) {
                target = ticket.state; // information without a change of state
            }
            String transaction = WireRules.checkUpdate(body, ticketId, ticket.mirrorKey(), ticket.state, target);
            ticket.state = target;
            ticket.dialog = body.path("dialog").asText();
            ticket.dialogHistory.add("TU: " + ticket.dialog);
            ticket.transactions.add(transaction);
            if (States.CLOSED.equals(target)) {
                ticket.closeOutType = body.path("closeOutType").asText();
                ticket.closeOutNarr = body.path("closeOutNarr").asText();
                ticket.serviceRestoredTime = body.path("serviceRestoredTime").asText();
            }
            if (body.hasNonNull("customer")) {
                ticket.fields.put("customer", body.get("customer").asText());
            }
            for (JsonNode attachment : body.path("attachments")) {
                ticket.attachments.add(Map.of("content", attachment.path("content").asText(),
                        "mimeType", attachment.has("mimeType") ? attachment.path("mimeType").asText() : attachment.path("mimetype").asText(),
                        "name", attachment.path("name").asText()));
            }
            ticket.attachments.addAll(incoming.files());
            // The update answer is partial and writes preferredPriority as a string, as the document's example does.
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("ticketId", ticket.id);
            answer.put("dialog", ticket.dialog);
            answer.put("troubleType", ticket.fields.get("troubleType"));
            answer.put("troubleDescription", ticket.fields.get("troubleDescription"));
            answer.put("preferredPriority", String.valueOf(ticket.fields.get("preferredPriority")));
            answer.put("customerTroubleNum", ticket.fields.get("customerTroubleNum"));
            answer.put("wh1Parameter", ticket.fields.get("wh1Parameter"));
            return SimulatorResponses.json(200, withoutNulls(answer));
        }
    }

    private void playTerritoryOwner(String ticketId, String transaction, String from, String to, String dialog) {
        SimulatedTicket ticket = existing(ticketId);
        synchronized (ticket) {
            if (!from.equals(ticket.state)) {
                throw new IllegalStateException(transaction + " needs the ticket in " + from + " but " + ticketId + " is " + ticket.state);
            }
            ticket.state = to;
            ticket.dialog = dialog;
            ticket.dialogHistory.add("TO: " + dialog);
            ticket.transactions.add(transaction);
        }
    }

    private SimulatedTicket existing(String ticketId) {
        SimulatedTicket ticket = tickets.get(ticketId);
        if (ticket == null) {
            throw new IllegalArgumentException("the simulator has no ticket " + ticketId);
        }
        return ticket;
    }

    private static JsonNode readJson(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
