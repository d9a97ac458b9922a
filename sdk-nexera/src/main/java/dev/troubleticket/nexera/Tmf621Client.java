package dev.troubleticket.nexera;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.Capability;
import dev.troubleticket.core.Page;
import dev.troubleticket.core.PageFetcher;
import dev.troubleticket.core.PagedIterable;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.auth.AuthProvider;
import dev.troubleticket.core.auth.BasicAuth;
import dev.troubleticket.core.auth.RenewingTokenAuth;
import dev.troubleticket.core.auth.StaticTokenAuth;
import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.error.TicketingException;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.instrument.Operation;
import dev.troubleticket.core.internal.HttpTransport;
import dev.troubleticket.core.internal.Operations;
import dev.troubleticket.core.model.AllowedTransition;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketQuery;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketEventHandler;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.spi.DurableSubscription;
import dev.troubleticket.nexera.internal.AccessTokens;
import dev.troubleticket.nexera.internal.ErrorParser;
import dev.troubleticket.nexera.internal.NeutralMapping;
import dev.troubleticket.nexera.internal.StatusMapping;
import dev.troubleticket.nexera.internal.TransitionRules;
import dev.troubleticket.nexera.internal.events.HubCalls;
import dev.troubleticket.nexera.internal.events.TicketEventSource;
import dev.troubleticket.nexera.internal.json.WireModule;
import dev.troubleticket.nexera.listener.CallerCheck;
import dev.troubleticket.nexera.model.Hub;
import dev.troubleticket.nexera.model.Note;
import dev.troubleticket.nexera.model.TroubleTicket;
import dev.troubleticket.nexera.model.TroubleTicketStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * The neutral {@link TicketingClient} for any TMF621 v4 Trouble Ticket server; {@link NexeraClient#builder()}
 * starts its builder with Nexera's profile. The full typed API is {@code unwrap(Tmf621Api.class)}; pushed events
 * are followed with {@link #subscribe(TicketEventHandler, SubscriptionOptions)}.
 *
 * <p>Build it with {@link #builder()}, which checks the configuration in {@code build()}. Thread-safe.
 */
public final class Tmf621Client implements TicketingClient {
    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(Capability.CREATE, Capability.IDEMPOTENT_CREATE, Capability.GET,
            Capability.LIST, Capability.COMMENT, Capability.TRANSITION, Capability.HISTORY, Capability.ATTACHMENTS,
            Capability.PUSH_NOTIFICATIONS));

    private final String provider;
    private final Tmf621Api api;
    private final NeutralMapping mapping;
    private final CallerCheck callerCheck;
    private final String noteAuthor;
    private final List<TicketSubscription> durable = Collections.synchronizedList(new ArrayList<>());
    private final boolean hubListing;
    private final Operations operations;

    private Tmf621Client(Builder b) {
        Tmf621Profile profile = b.profile.withBasePath(apiBasePath(b.baseUrl, b.basePath, b.profile));
        this.provider = profile.providerId();
        ObjectMapper mapper = WireModule.mapper();
        ErrorParser errors = new ErrorParser(mapper);
        HttpTransport transport = new HttpTransport(provider, b.baseUrl, b.transport, b.authFor(provider, errors, mapper), errors, mapper);
        this.api = new Tmf621Api(transport, profile, b.safeCreateLookupPages);
        this.mapping = new NeutralMapping(provider, profile.defaultTicketType(), mapper);
        this.callerCheck = b.callerCheck;
        this.noteAuthor = b.noteAuthor;
        this.hubListing = b.hubListing;
        this.operations = new Operations(provider, b.transport.instrumentation());
    }

    /**
     * The path added to the base URL before each resource ({@code /troubleTicket}, {@code /hub}). TMF621's own
     * convention, and the clients generated from its specification, take a configured URL as the API root
     * ({@code {apiRoot}/troubleTicket}): a base URL with a path is used as it is, and the profile's base path is
     * added only to a bare host. A {@code basePath} given explicitly is added whatever the base URL's path.
     */
    static String apiBasePath(String baseUrl, String basePathSetting, Tmf621Profile profile) {
        if (basePathSetting != null) {
            return basePathSetting;
        }
        HttpUrl url = HttpUrl.parse(baseUrl);
        boolean bareHost = url == null || url.encodedPath().equals("/");
        return bareHost ? profile.basePath() : "";
    }

    /** Starts a builder for a generic TMF621 v4 server ({@link Tmf621Profile#generic()}). */
    public static Builder builder() {
        return new Builder(Tmf621Profile.generic());
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    /** The typed API behind this client. */
    public Tmf621Api api() {
        return api;
    }

    /**
     * Opens a ticket. The neutral request is mapped (README: "neutral mapping"), then checked against the
     * requirement matrix; every problem is reported together before sending. The external reference is sent as
     * {@code externalId} and makes the create safe to call again: the ticket is looked up by it first, and
     * after a lost answer, as {@link Tmf621Api#create(TroubleTicket)} says; a ticket found is answered instead of
     * opening another, and one found for another service or category is a
     * {@link dev.troubleticket.core.error.ConflictException}.
     */
    @Override
    public Ticket create(CreateTicketRequest request) {
        return operations.call(Operation.CREATE, null, () -> {
            Objects.requireNonNull(request, "request");
            List<FieldViolation> violations = new ArrayList<>();
            if (request.externalReference() == null || request.externalReference().isBlank()) {
                violations.add(new FieldViolation("externalReference",
                        "is required: it is sent as externalId and lets a create whose answer was lost be found again"));
            }
            TroubleTicket ticket = mapping.toTroubleTicket(request, violations);
            Tmf621Api.CheckedCreate checked = api.checkedCreate(ticket);
            violations.addAll(checked.violations());
            if (!violations.isEmpty()) {
                throw ValidationException.beforeSending(provider, "ticket", violations);
            }
            return toTicket(api.createSafely(ticket, checked));
        });
    }

    @Override
    public Ticket get(String ticketId) {
        return operations.call(Operation.GET, ticketId, () -> toTicket(api.getReceived(ticketId)));
    }

    /**
     * Lists tickets lazily. Neutral statuses and {@code updatedSince} are sent as the TMF filters
     * {@code status} and {@code lastUpdate.gte}, provider filters as given; every criterion is checked
     * again locally, since a server may ignore a filter it does not support.
     */
    @Override
    public PagedIterable<Ticket> list(TicketQuery query) {
        TicketQuery q = query == null ? TicketQuery.all() : query;
        TroubleTicketFilter.Builder filter = TroubleTicketFilter.builder().pageSize(q.pageSize());
        Set<String> statuses = new LinkedHashSet<>();
        StatusMapping.table().forEach((tmf, neutral) -> {
            if (q.statuses().contains(neutral)) {
                statuses.add(tmf.value());
            }
        });
        if (q.providerStatus() != null) {
            statuses.add(q.providerStatus());
        }
        if (!statuses.isEmpty()) {
            filter.status(statuses.toArray(String[]::new));
        }
        if (q.updatedSince() != null) {
            filter.date(TroubleTicketFilter.DateField.LAST_UPDATE, TroubleTicketFilter.Comparison.AT_OR_AFTER, q.updatedSince());
        }
        q.providerFilters().forEach(filter::attribute);
        PageFetcher<Tmf621Api.Received> fetcher = api.fetcher(filter.build());
        return PagedIterable.<Ticket>of(cursor -> {
            return operations.call(Operation.LIST, null, () -> {
                Page<Tmf621Api.Received> page = fetcher.fetch(cursor);
                return new Page<>(page.items().stream().map(this::toTicket).toList(), page.nextCursor(), page.totalCount());
            });
        }).filtered(q::matches);
    }

    /** Adds a note to the ticket (a merge patch of its note list) and answers the note as an event. */
    @Override
    public TicketEvent comment(String ticketId, String text) {
        return operations.call(Operation.COMMENT, ticketId, () -> {
            if (text == null || text.isBlank()) {
                throw ValidationException.beforeSending(provider, "comment", List.of(new FieldViolation("note.text", "must not be blank")));
            }
            TroubleTicket updated = api.addNoteReceived(ticketId, Note.of(noteAuthor, text)).ticket();
            List<Note> notes = updated.note() == null ? List.of() : updated.note();
            for (int i = notes.size() - 1; i >= 0; i--) {
                if (notes.get(i) != null && text.equals(notes.get(i).text())) {
                    return mapping.noteEvent(updated.id(), notes.get(i), i);
                }
            }
            throw new ProviderException(provider + " accepted the note but the ticket it answered does not hold it",
                    dev.troubleticket.core.error.ErrorDetails.none(provider));
        });
    }

    /**
     * Makes one of the operator's status changes (README: "operator transitions"); anything else is refused
     * before sending with the list of changes allowed from the ticket's status.
     */
    @Override
    public Ticket transition(String ticketId, StatusChange change) {
        return operations.call(Operation.TRANSITION, ticketId, () -> {
            Objects.requireNonNull(change, "change");
            TroubleTicketStatus target = change.providerTarget() != null ? TroubleTicketStatus.of(change.providerTarget().trim())
                    : tmfStatusOf(change.target());
            if (target == null) {
                throw ValidationException.beforeSending(provider, "status change", List.of(new FieldViolation("status",
                        "TMF621 has no status for " + change.describeTarget() + "; allowed now: " + allowedTransitions(ticketId))));
            }
            return toTicket(api.changeStatusReceived(ticketId, target, change.comment()));
        });
    }

    private static TroubleTicketStatus tmfStatusOf(TicketStatus neutral) {
        for (Map.Entry<TroubleTicketStatus, TicketStatus> entry : StatusMapping.table().entrySet()) {
            if (entry.getValue() == neutral) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** The ticket's notes and status changes, oldest first, as the ticket itself tells them. */
    @Override
    public List<TicketEvent> history(String ticketId) {
        return operations.call(Operation.HISTORY, ticketId, () -> mapping.history(api.get(ticketId)));
    }

    @Override
    public List<AllowedTransition> allowedTransitions(String ticketId) {
        return operations.call(Operation.ALLOWED_TRANSITIONS, ticketId, () -> {
            TroubleTicket ticket = api.get(ticketId);
            return TransitionRules.from(ticket.status()).stream()
                    .map(a -> new AllowedTransition(a.neutral(), a.target().value(), a.description(), a.needsComment()))
                    .toList();
        });
    }

    /**
     * Follows every ticket's events, pushed by the server to a receiver ({@link Capability#PUSH_NOTIFICATIONS}), with
     * the guarantees of {@link TicketSubscription}. The subscription is built stopped; {@code start()} starts the
     * receiver, then reuses, replaces or registers the hub, kept in the options' store.
     *
     * <ul>
     *   <li>The receiver is the embedded server of {@code dev.troubleticket:sdk-listener-jetty} on
     *       {@code options.callbackBind()}, serving {@code /listener}; the provider is given {@code callbackUrl()}
     *       (or {@code http://<bind host>:<port>/listener}). With {@code mountedCallback(publicUrl)} it is
     *       {@link TicketSubscription#callbackHandler()}, to route {@code publicUrl} and the paths below it to.</li>
     *   <li>Callers are checked with the client's {@link Builder#callerCheck(CallerCheck)}; without one, the URL
     *       registered carries an unguessable {@link dev.troubleticket.nexera.listener.CallbackToken} as one more
     *       path segment (kept in the store, so that a restart keeps the same URL) and any request without it gets
     *       404.</li>
     *   <li>Each notification is written to the store's inbox before it is answered 200; a repeat (an event id in
     *       the inbox or the seen window) is answered 200 and not delivered again; when the store cannot take it,
     *       503, so that the provider sends it again. The handler is called from the inbox.</li>
     *   <li>{@code close()} stops the receiver and keeps the hub, so that the provider's retries reach the next start;
     *       {@code cancel()} also unregisters it. A hub whose registration answer was lost is found at the next start
     *       ({@link Builder#hubListing(boolean)}) and taken over or removed.</li>
     * </ul>
     *
     * <p>The options' interval is not used: the server pushes. Their kinds and tickets filter what the handler gets;
     * the hub asks for every event.
     *
     * @throws IllegalArgumentException when the options name neither a bind address nor a mounted callback
     */
    @Override
    public TicketSubscription subscribe(TicketEventHandler handler, SubscriptionOptions options) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(options, "options");
        TicketSubscription subscription = DurableSubscription.builder(provider, handler, options)
                .instrumentation(operations.instrumentation())
                .push(new TicketEventSource(hubCalls(api), provider, mapping, callerCheck, options, hubListing, Clock.systemUTC()))
                .build();
        durable.add(subscription);
        return subscription;
    }

    /** The typed API's hub calls, as the event source takes them. */
    private static HubCalls hubCalls(Tmf621Api api) {
        return new HubCalls() {
            @Override
            public Hub register(String callback, String query) {
                return api.registerHub(callback, query);
            }

            @Override
            public List<Hub> list() {
                return api.listHubs();
            }

            @Override
            public void unregister(String id) {
                api.unregisterHub(id);
            }
        };
    }

    private Ticket toTicket(Tmf621Api.Received received) {
        return mapping.toTicket(received.ticket(), received.json());
    }

    @Override
    public <T> T unwrap(Class<T> apiType) {
        return dev.troubleticket.core.internal.Unwrap.first(provider(), apiType, api, this);
    }

    /** Closes the subscriptions still open; they keep their hubs, as their {@code close()} does. */
    @Override
    public void close() {
        List<TicketSubscription> running;
        synchronized (durable) {
            running = new ArrayList<>(durable);
            durable.clear();
        }
        running.forEach(TicketSubscription::close);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[provider=" + provider + ", api=" + api + "]";
    }

    /**
     * Builds a {@link Tmf621Client}. Exactly one way of authenticating: basic credentials, client
     * credentials exchanged for a token at a token URL, a fixed token, or your own {@link AuthProvider}.
     */
    public static final class Builder {
        private Tmf621Profile profile;
        private String baseUrl;
        private String basePath;
        private String username;
        private String password;
        private String tokenUrl;
        private String clientId;
        private String clientSecret;
        private String token;
        private AuthProvider authProvider;
        private TransportOptions transport = TransportOptions.defaults();
        private Clock clock = Clock.systemUTC();
        private Duration renewalMargin = Duration.ofSeconds(60);
        private CallerCheck callerCheck;
        private String noteAuthor;
        private int safeCreateLookupPages = 2;
        private boolean hubListing = true;

        /** A builder for the given profile ({@link NexeraClient#builder()} starts one with Nexera's). */
        Builder(Tmf621Profile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
        }

        /**
         * The server's address. A bare host ({@code https://api.example.pl}) gets the profile's base path added; a URL
         * with a path is the API root and is used as it is ({@code https://api.example.pl/tmf-api/troubleTicket/v4}).
         */
        public Builder baseUrl(String value) { this.baseUrl = value; return this; }
        /**
         * A path added to the base URL whatever its own path (for example {@code /tmf-api/troubleTicketManagement/v4}),
         * instead of the profile's.
         */
        public Builder basePath(String value) { this.basePath = value; return this; }
        /** The profile: requirement matrix, base path, vocabularies. */
        public Builder profile(Tmf621Profile value) { this.profile = Objects.requireNonNull(value, "profile"); return this; }
        /** HTTP basic authentication. */
        public Builder basicAuth(String user, String pass) { this.username = user; this.password = pass; return this; }
        /** Tokens from {@code tokenUrl} with the client-credentials grant, renewed before they expire. */
        public Builder clientCredentials(String url, String id, String secret) {
            this.tokenUrl = url;
            this.clientId = id;
            this.clientSecret = secret;
            return this;
        }
        /** A fixed bearer token (never renewed). */
        public Builder token(String value) { this.token = value; return this; }
        /** Your own authentication. */
        public Builder authProvider(AuthProvider value) { this.authProvider = value; return this; }
        /** Timeouts, retries, a shared OkHttp client. */
        public Builder transportOptions(TransportOptions value) { this.transport = Objects.requireNonNull(value); return this; }
        /** The clock for token expiry (tests). */
        public Builder clock(Clock value) { this.clock = Objects.requireNonNull(value); return this; }
        /** How long before expiry a token is renewed. Default 60 s. */
        public Builder tokenRenewalMargin(Duration value) { this.renewalMargin = Objects.requireNonNull(value); return this; }
        /**
         * How the receiver of {@code subscribe} checks that a notification comes from the provider (basic
         * credentials or a shared secret it sends). Default none: the callback URL then carries an unguessable
         * token instead, as TMF621 hubs carry no credentials. {@link CallerCheck#acceptAll()} when your own
         * proxy authenticates the provider.
         */
        public Builder callerCheck(CallerCheck value) { this.callerCheck = value; return this; }
        /** The {@code author} written on the operator's notes, or {@code null} to leave it to the server. */
        public Builder noteAuthor(String value) { this.noteAuthor = value; return this; }

        /**
         * How many pages (of {@value Tmf621Api#LOOKUP_PAGE_SIZE}) of the list filtered by {@code externalId} a safe create
         * reads, when the server ignores the filter. Default 2.
         */
        public Builder safeCreateLookupPages(int value) { this.safeCreateLookupPages = value; return this; }

        /**
         * Whether a subscription whose hub registration's answer was lost looks for that hub with {@code GET /hub} at
         * the next start, to take it over or remove it. TMF621 v4 defines only {@code POST /hub} and
         * {@code DELETE /hub/{id}}: a server without the listing answers 404, 405 or 501, and the registration is then
         * made again with the same callback token, so that the lost hub, if it exists, pushes to the same receiver
         * (its notifications kept once by event id). Turn it off for a server whose {@code GET /hub} means something
         * else. Default {@code true}.
         */
        public Builder hubListing(boolean value) { this.hubListing = value; return this; }

        /**
         * Checks the configuration and builds the client.
         *
         * @throws IllegalArgumentException naming every problem
         */
        public Tmf621Client build() {
            List<String> problems = new ArrayList<>();
            if (baseUrl == null || baseUrl.isBlank()) {
                problems.add("baseUrl is required");
            } else {
                try {
                    HttpTransport.checkBaseUrl(baseUrl, transport.allowInsecureHttp());
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
            int ways = (username != null || password != null ? 1 : 0) + (tokenUrl != null || clientId != null || clientSecret != null ? 1 : 0)
                    + (token != null ? 1 : 0) + (authProvider != null ? 1 : 0);
            if (ways == 0) {
                problems.add("no authentication: set basicAuth, clientCredentials, token or authProvider");
            } else if (ways > 1) {
                problems.add("more than one way of authenticating is set: choose one");
            }
            if ((username != null || password != null) && (isBlank(username) || password == null)) {
                problems.add("basic authentication needs a username and a password");
            }
            if ((tokenUrl != null || clientId != null || clientSecret != null) && (isBlank(tokenUrl) || isBlank(clientId) || clientSecret == null)) {
                problems.add("client credentials need tokenUrl, clientId and clientSecret");
            }
            if (token != null && token.isBlank()) {
                problems.add("token must not be blank");
            }
            if (safeCreateLookupPages < 1) {
                problems.add("safeCreateLookupPages must be at least 1");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid " + profile.providerId() + " client configuration: " + String.join("; ", problems));
            }
            return new Tmf621Client(this);
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }

        AuthProvider authFor(String provider, ErrorParser errors, ObjectMapper mapper) {
            if (authProvider != null) {
                return authProvider;
            }
            if (token != null) {
                return StaticTokenAuth.bearer(token);
            }
            if (username != null) {
                return new BasicAuth(username, password);
            }
            HttpTransport tokenTransport = new HttpTransport(provider, tokenUrl, transport, new BasicAuth(clientId, clientSecret),
                    errors, mapper);
            return RenewingTokenAuth.of(new AccessTokens(tokenTransport, tokenUrl, clock, Duration.ofMinutes(5)),
                    "Bearer", renewalMargin, clock).instrumented(provider, transport.instrumentation());
        }

        @Override
        public String toString() {
            return "Tmf621Client.Builder[provider=" + profile.providerId() + ", baseUrl=" + baseUrl + ", username=" + username
                    + ", clientId=" + clientId + ", secrets=****]";
        }
    }
}
