package dev.troubleticket.kosc;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.Capability;
import dev.troubleticket.core.PagedIterable;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.auth.AuthProvider;
import dev.troubleticket.core.auth.RenewingTokenAuth;
import dev.troubleticket.core.auth.StaticTokenAuth;
import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.http.RetryPolicy;
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
import dev.troubleticket.kosc.internal.AccessTokens;
import dev.troubleticket.kosc.internal.CreateValidation;
import dev.troubleticket.kosc.internal.ErrorParser;
import dev.troubleticket.kosc.internal.NeutralMapping;
import dev.troubleticket.kosc.internal.StatusMapping;
import dev.troubleticket.kosc.internal.TransitionRules;
import dev.troubleticket.kosc.internal.events.FeedEventSource;
import dev.troubleticket.kosc.internal.events.TicketEventSource;
import dev.troubleticket.kosc.internal.events.TicketScanReads;
import dev.troubleticket.kosc.internal.json.WireModule;
import dev.troubleticket.kosc.model.CreateKoscTicketRequest;
import dev.troubleticket.kosc.model.KoscTicket;
import dev.troubleticket.kosc.model.KoscTicketEvent;
import dev.troubleticket.kosc.model.KoscTicketStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The neutral {@link TicketingClient} for Kosc Telecom / Covage. Build it with {@link #builder()}; reach
 * the full typed API with {@code unwrap(KoscApi.class)}. Thread-safe; share one per account.
 *
 * <p>Kosc statuses map onto neutral ones as: open → IN_PROGRESS, deferred → WAITING_FOR_OPERATOR,
 * cleared → RESOLVED, reopen → IN_PROGRESS, closed → CLOSED, canceled → CANCELLED, anything else →
 * UNKNOWN (the Kosc name is kept in {@code providerStatus}).
 */
public final class KoscClient implements TicketingClient {
    /** The provider id. */
    public static final String PROVIDER = NeutralMapping.PROVIDER;

    /** How many pages (of 100 tickets) of the ticket list one poll of {@link #subscribe} reads at most, by default. */
    public static final int DEFAULT_TICKET_SCAN_PAGES_PER_POLL = 5;

    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.CREATE, Capability.IDEMPOTENT_CREATE, Capability.GET, Capability.LIST,
            Capability.COMMENT, Capability.TRANSITION, Capability.HISTORY, Capability.EVENT_FEED);

    private final KoscApi api;
    private final String description;
    private final int ticketScanPagesPerPoll;
    private final Operations operations;

    private KoscClient(KoscApi api, String description, int ticketScanPagesPerPoll, Operations operations) {
        this.api = api;
        this.operations = operations;
        this.description = description;
        this.ticketScanPagesPerPoll = ticketScanPagesPerPoll;
    }

    /** Starts a builder; give it a base URL and one way to log in. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    /** The full typed API (same as {@code unwrap(KoscApi.class)}). */
    public KoscApi api() {
        return api;
    }

    @Override
    public Ticket create(CreateTicketRequest request) {
        return operations.call(Operation.CREATE, null, () -> {
            List<FieldViolation> problems = new ArrayList<>();
            CreateKoscTicketRequest kosc = NeutralMapping.createRequest(request, problems);
            problems.addAll(0, CreateValidation.violations(kosc));
            if (!problems.isEmpty()) {
                throw ValidationException.beforeSending(PROVIDER, "ticket creation", problems);
            }
            // Checked above: not checked a second time.
            return NeutralMapping.ticket(api.createChecked(kosc));
        });
    }

    @Override
    public Ticket get(String ticketId) {
        return operations.call(Operation.GET, ticketId, () -> NeutralMapping.ticket(api.getTicket(ticketId)));
    }

    /**
     * Lists tickets lazily. A single Kosc status (from {@code providerStatus}, or a neutral status that
     * only one Kosc status maps onto) is filtered by Kosc; the other criteria are applied locally.
     */
    @Override
    public PagedIterable<Ticket> list(TicketQuery query) {
        KoscTicketStatus serverStatus = query.providerStatus() != null ? KoscTicketStatus.of(query.providerStatus())
                : singleKoscStatus(query.statuses());
        int limit = query.pageSize() == 0 ? TicketListQuery.MAX_LIMIT : query.pageSize();
        TicketListQuery kosc = new TicketListQuery(serverStatus, limit);
        return PagedIterable.<Ticket>of(cursor -> {
            // Read only as far as the neutral ticket needs (the raw JSON keeps the rest).
            return operations.call(Operation.LIST, null, () -> {
                var page = api.ticketPageForMapping(kosc, cursor);
                return new dev.troubleticket.core.Page<>(page.items().stream().map(NeutralMapping::ticket).toList(),
                        page.nextCursor(), page.totalCount());
            });
        }).filtered(query::matches);
    }

    private static KoscTicketStatus singleKoscStatus(Set<TicketStatus> statuses) {
        Set<KoscTicketStatus> matching = new HashSet<>();
        for (KoscTicketStatus status : KoscTicketStatus.knownValues()) {
            if (statuses.contains(StatusMapping.neutral(status))) {
                matching.add(status);
            }
        }
        return matching.size() == 1 && !statuses.isEmpty() ? matching.iterator().next() : null;
    }

    @Override
    public TicketEvent comment(String ticketId, String text) {
        return operations.call(Operation.COMMENT, ticketId, () -> NeutralMapping.event(ticketId, api.comment(ticketId, text)));
    }

    /**
     * Moves a ticket: neutral IN_PROGRESS (Kosc {@code open}) ends a deferred status, neutral CLOSED (Kosc
     * {@code closed}) closes a cleared ticket; any other change is refused before sending with a message
     * naming what is allowed from the ticket's status. Answers the ticket as read after the change.
     */
    @Override
    public Ticket transition(String ticketId, StatusChange change) {
        return operations.call(Operation.TRANSITION, ticketId, () -> {
            KoscTicket current = api.getTicket(ticketId);
            KoscTicketStatus target = koscTarget(change);
            if (target == null) {
                throw TransitionRules.refusal(ticketId, current.status(), change.describeTarget());
            }
            KoscTicketStatus checked = TransitionRules.checkOperatorChange(ticketId, current.status(), target);
            api.postEvent(ticketId, dev.troubleticket.kosc.model.TicketEventRequest.status(checked,
                    change.comment() == null || change.comment().isBlank() ? null : change.comment()));
            return get(ticketId);
        });
    }

    private static KoscTicketStatus koscTarget(StatusChange change) {
        if (change.providerTarget() != null) {
            return KoscTicketStatus.of(change.providerTarget().trim());
        }
        return switch (change.target()) {
            case IN_PROGRESS -> KoscTicketStatus.OPEN;
            case CLOSED -> KoscTicketStatus.CLOSED;
            default -> null;
        };
    }

    @Override
    public List<TicketEvent> history(String ticketId) {
        return operations.call(Operation.HISTORY, ticketId, () -> {
            List<KoscTicketEvent> newestFirst = api.listTicketEvents(ticketId);
            List<TicketEvent> events = new ArrayList<>();
            for (int i = newestFirst.size() - 1; i >= 0; i--) {
                events.add(NeutralMapping.event(ticketId, newestFirst.get(i)));
            }
            return events;
        });
    }

    @Override
    public List<AllowedTransition> allowedTransitions(String ticketId) {
        return operations.call(Operation.ALLOWED_TRANSITIONS, ticketId, () -> TransitionRules.allowedFrom(api.getTicket(ticketId).status()));
    }

    /**
     * A durable subscription to every event of the account (NOT yet started: call {@code start()}), in two streams
     * of the one subscription:
     *
     * <ul>
     *   <li>{@code tickets}: the comments and status changes of every ticket, found by polling the ticket list (most
     *       recently modified first) and reading the events of each ticket that changed. A poll reads at most
     *       {@link Builder#ticketScanPagesPerPoll(int) ticketScanPagesPerPoll} pages of 100 tickets and the next poll,
     *       at once, goes on where it stopped, so that no change is skipped however many tickets changed. Events are
     *       keyed {@code ticket-event:<ticketId>:<eventId>}, on the lane of their ticket.</li>
     *   <li>{@code feed}: the order and service events of {@code /api/events/} in creation order, as
     *       {@link TicketEvent.Kind#PROVIDER_EVENT}s (Kosc's event type in {@code providerType}, the event as received
     *       in {@code raw}), keyed {@code feed:<event_uuid>}, on the lane of their order or service. Left out when the
     *       options name tickets or leave out {@code PROVIDER_EVENT}; the ticket stream is left out when they keep
     *       {@code PROVIDER_EVENT} only.</li>
     * </ul>
     *
     * <p>When the options name tickets (by Kosc's numeric id, the neutral ticket id), only their events are read.
     * {@link TicketSubscription#follow} does nothing: every ticket is followed.
     *
     * <p>Both are read every {@link SubscriptionOptions#pollInterval()} once caught up, by default Kosc's 30 s
     * ({@link KoscApi#DEFAULT_POLL_INTERVAL}). A start instant is where both begin: tickets modified and events created
     * at or after it. The guarantees are those of {@link TicketSubscription}.
     */
    @Override
    public TicketSubscription subscribe(TicketEventHandler handler, SubscriptionOptions options) {
        boolean feed = options.tickets().isEmpty()
                && (options.kinds().isEmpty() || options.kinds().contains(TicketEvent.Kind.PROVIDER_EVENT));
        boolean tickets = options.kinds().isEmpty() || !Set.of(TicketEvent.Kind.PROVIDER_EVENT).containsAll(options.kinds());
        DurableSubscription.Builder subscription = DurableSubscription.builder(PROVIDER, handler, options)
                .instrumentation(operations.instrumentation());
        if (tickets) {
            subscription.polled(new TicketEventSource(ticketScanReads(), ticketScanPagesPerPoll, TicketListQuery.MAX_LIMIT,
                    KoscApi.DEFAULT_POLL_INTERVAL, options.tickets()));
        }
        if (feed) {
            subscription.polled(new FeedEventSource(after -> api.eventPage(EventQuery.all(), after), KoscApi.DEFAULT_POLL_INTERVAL));
        }
        return subscription.build();
    }

    private TicketScanReads ticketScanReads() {
        return new TicketScanReads() {
            @Override
            public dev.troubleticket.core.Page<KoscTicket> page(String after, int limit) {
                // Only the ids, the modification date and the cursor are looked at.
                return api.ticketPageForMapping(new TicketListQuery(null, limit), after);
            }

            @Override
            public List<KoscTicketEvent> events(String ticketKey) {
                return api.listTicketEvents(ticketKey);
            }
        };
    }

    @Override
    public <T> T unwrap(Class<T> apiType) {
        return dev.troubleticket.core.internal.Unwrap.first(provider(), apiType, api, this);
    }

    @Override
    public void close() {
        // Nothing held: token renewal runs on the calling thread and the OkHttp pool belongs to its owner.
    }

    @Override
    public String toString() {
        return "KoscClient[" + description + "]";
    }

    /**
     * Builds a {@link KoscClient}. Required: {@link #baseUrl(String)} and one way to authenticate
     * ({@link #v1Login}, {@link #v2Login} or {@link #staticToken}). Checked in {@link #build()}.
     */
    public static final class Builder {
        private String baseUrl;
        private String email;
        private String password;
        private Boolean v2;
        private String refreshPath = AccessTokens.DEFAULT_REFRESH_PATH;
        private String tokenScheme;
        private String token;
        private TransportOptions transportOptions = TransportOptions.defaults();
        private Clock clock = Clock.systemUTC();
        private Duration renewalMargin = Duration.ofSeconds(60);
        private int safeCreateLookupPages = 2;
        private String eventPageSizeParameter = "limit";
        private int ticketScanPagesPerPoll = DEFAULT_TICKET_SCAN_PAGES_PER_POLL;
        private int authChoices;

        private Builder() {
        }

        /** Kosc's base URL, for example {@code https://extranet.kosc-telecom.fr}. */
        public Builder baseUrl(String value) { this.baseUrl = value; return this; }

        /** The v1 login ({@code POST /api/account/token/}, {@code Authorization: JWT <token>}). */
        public Builder v1Login(String email, String password) {
            this.email = email;
            this.password = password;
            this.v2 = false;
            authChoices++;
            return this;
        }

        /** The v2 login ({@code POST /api/v2/account/token/}, {@code Authorization: Bearer <access>}, refreshed). */
        public Builder v2Login(String email, String password) {
            this.email = email;
            this.password = password;
            this.v2 = true;
            authChoices++;
            return this;
        }

        /** The v2 refresh path. Default {@code /api/v2/account/token/refresh/} (Kosc does not document it). */
        public Builder refreshPath(String value) { this.refreshPath = value; return this; }

        /** A token the caller holds, sent as {@code <scheme> <token>} ({@code JWT} or {@code Bearer}); never renewed. */
        public Builder staticToken(String scheme, String token) {
            this.tokenScheme = scheme;
            this.token = token;
            authChoices++;
            return this;
        }

        /** Sets the HTTP options: shared OkHttp client, timeouts, retries, limits. */
        public Builder transportOptions(TransportOptions value) { this.transportOptions = value; return this; }
        /** The clock token expiry is judged by. */
        public Builder clock(Clock value) { this.clock = value; return this; }
        /** How long before expiry a token is renewed. Default 60 s. */
        public Builder tokenRenewalMargin(Duration value) { this.renewalMargin = value; return this; }
        /** How many pages (of 100) of the ticket list a safe create scans after a lost answer. Default 2. */
        public Builder safeCreateLookupPages(int value) { this.safeCreateLookupPages = value; return this; }
        /** The query parameter carrying the event page size ({@code limit} or {@code size}; the document shows both). Default {@code limit}. */
        public Builder eventPageSizeParameter(String value) { this.eventPageSizeParameter = value; return this; }
        /**
         * How many pages (of 100) of the ticket list one poll of {@link KoscClient#subscribe} reads at most; a longer
         * backlog goes on at the next poll, at once. Default {@value KoscClient#DEFAULT_TICKET_SCAN_PAGES_PER_POLL}.
         */
        public Builder ticketScanPagesPerPoll(int value) { this.ticketScanPagesPerPoll = value; return this; }

        /** Checks the settings and builds the client. */
        public KoscClient build() {
            List<String> problems = new ArrayList<>();
            if (baseUrl == null || baseUrl.isBlank()) {
                problems.add("baseUrl is required");
            }
            if (authChoices == 0) {
                problems.add("one way to authenticate is required: v1Login, v2Login or staticToken");
            } else if (authChoices > 1) {
                problems.add("only one way to authenticate may be given (v1Login, v2Login or staticToken)");
            }
            if (v2 != null && (isBlank(email) || isBlank(password))) {
                problems.add("the login needs an e-mail and a password");
            }
            if (token != null || tokenScheme != null) {
                if (isBlank(token)) {
                    problems.add("staticToken needs a token");
                }
                if (isBlank(tokenScheme)) {
                    problems.add("staticToken needs a scheme (JWT or Bearer)");
                }
            }
            if (isBlank(refreshPath)) {
                problems.add("refreshPath must not be blank");
            }
            if (transportOptions == null) {
                problems.add("transportOptions must not be null");
            }
            if (clock == null) {
                problems.add("clock must not be null");
            }
            if (renewalMargin == null || renewalMargin.isNegative()) {
                problems.add("tokenRenewalMargin must be zero or positive");
            }
            if (safeCreateLookupPages < 1) {
                problems.add("safeCreateLookupPages must be at least 1");
            }
            if (isBlank(eventPageSizeParameter)) {
                problems.add("eventPageSizeParameter must not be blank");
            }
            if (ticketScanPagesPerPoll < 1) {
                problems.add("ticketScanPagesPerPoll must be at least 1");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("cannot build the kosc client: " + String.join("; ", problems));
            }
            ObjectMapper mapper = WireModule.mapper();
            ErrorParser errors = new ErrorParser(mapper);
            AuthProvider auth;
            String how;
            if (token != null) {
                auth = StaticTokenAuth.withScheme(tokenScheme, token);
                how = "static " + tokenScheme + " token";
            } else {
                HttpTransport loginTransport = new HttpTransport(PROVIDER, baseUrl, transportOptions, AuthProvider.none(), errors, mapper);
                AccessTokens login = v2 ? AccessTokens.v2(loginTransport, email, password, refreshPath, clock)
                        : AccessTokens.v1(loginTransport, email, password, clock);
                auth = RenewingTokenAuth.of(login, login.scheme(), renewalMargin, clock)
                        .instrumented(PROVIDER, transportOptions.instrumentation());
                how = (v2 ? "v2" : "v1") + " login";
            }
            HttpTransport transport = new HttpTransport(PROVIDER, baseUrl, transportOptions, auth, errors, mapper);
            // Info messages are throttled for 5 minutes: retrying a 429 within the call only adds refused requests.
            RetryPolicy policy = transportOptions.retryPolicy();
            Set<Integer> statuses = new HashSet<>(policy.retryableStatuses());
            statuses.remove(429);
            TransportOptions noThrottleRetry = transportOptions.toBuilder().retryPolicy(new RetryPolicy(policy.maxRetries(),
                    policy.initialBackoff(), policy.maxBackoff(), policy.maxRetryAfter(), statuses, policy.sleeper())).build();
            HttpTransport throttled = new HttpTransport(PROVIDER, baseUrl, noThrottleRetry, auth, errors, mapper);
            KoscApi api = new KoscApi(transport, throttled, safeCreateLookupPages, eventPageSizeParameter);
            return new KoscClient(api, "baseUrl=" + transport.baseUrl() + ", auth=" + how, ticketScanPagesPerPoll,
                    new Operations(PROVIDER, transportOptions.instrumentation()));
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }

        @Override
        public String toString() {
            return "KoscClient.Builder[baseUrl=" + baseUrl + ", login=" + (v2 == null ? "none" : v2 ? "v2" : "v1")
                    + ", password=" + (password == null ? "null" : "****") + ", token=" + (token == null ? "null" : "****") + "]";
        }
    }
}
