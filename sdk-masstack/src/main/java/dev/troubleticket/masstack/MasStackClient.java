package dev.troubleticket.masstack;

import dev.troubleticket.core.Capability;
import dev.troubleticket.core.PagedIterable;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.auth.AuthProvider;
import dev.troubleticket.core.auth.RenewingTokenAuth;
import dev.troubleticket.core.auth.StaticTokenAuth;
import dev.troubleticket.core.error.UnsupportedCapabilityException;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.instrument.Operation;
import dev.troubleticket.core.internal.HttpTransport;
import dev.troubleticket.core.internal.Operations;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.model.AllowedTransition;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.RawPayload;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketQuery;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketEventHandler;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.spi.DurableSubscription;
import dev.troubleticket.masstack.internal.AccessTokens;
import dev.troubleticket.masstack.internal.CreateValidation;
import dev.troubleticket.masstack.internal.ErrorParser;
import dev.troubleticket.masstack.internal.NeutralMapping;
import dev.troubleticket.masstack.internal.TransitionRules;
import dev.troubleticket.masstack.internal.Violations;
import dev.troubleticket.masstack.internal.events.FollowingSubscription;
import dev.troubleticket.masstack.internal.events.OpenSubscriptions;
import dev.troubleticket.masstack.internal.events.TicketEventSource;
import dev.troubleticket.masstack.model.CreateTroubleTicketRequest;
import dev.troubleticket.masstack.model.CreateTroubleTicketResponse;
import dev.troubleticket.masstack.model.IssueType;
import dev.troubleticket.masstack.model.MasStackTicket;
import dev.troubleticket.masstack.model.Transaction;
import dev.troubleticket.masstack.model.TransactionInput;
import dev.troubleticket.masstack.model.TransactionTable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The neutral {@link TicketingClient} for MasMovil's MasStack Ticketing OSSJ API.
 *
 * <p>Statuses: {@code OPENACTIVE} → IN_PROGRESS, {@code DEFERRED.AWAITING-INFORMATION} → WAITING_FOR_OPERATOR,
 * {@code DEFERRED.AWAITING-CANCELATION} → CANCELLATION_REQUESTED, {@code CLEARED} → RESOLVED,
 * {@code CLOSED} → CLOSED, {@code CLOSED.CANCELED} → CANCELLED. Transitions are the operator's (TU)
 * transactions of the {@link TransactionTable}; {@link #comment} is TU10.
 *
 * <p>MasStack has no list, search or history: {@link #list} and {@link #history} throw
 * {@link UnsupportedCapabilityException}. Changes made by the territory owner are seen by re-reading
 * followed tickets: see {@link #subscribe}. A create is never retried after an ambiguous failure, since there is
 * no way to look the ticket up by the operator's reference (see {@link MasStackApi}).
 *
 * <p>Build with {@link #builder()}; {@link #unwrap(Class)} gives {@link MasStackApi}.
 */
public final class MasStackClient implements TicketingClient {
    /** The production base URL. */
    public static final String PRODUCTION_URL = "https://ticketing-ossj.masstack.com/";
    /** The staging base URL. */
    public static final String STAGING_URL = "https://ticketing-ossj.sta.masstack.com/";

    private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(Capability.CREATE, Capability.GET,
            Capability.COMMENT, Capability.TRANSITION, Capability.ATTACHMENTS, Capability.WATCH_BY_POLLING));

    private final MasStackApi api;
    private final Clock clock;
    private final NeutralMapping.CreateDefaults createDefaults;
    private final String defaultCloseOutType;
    private final String defaultCloseOutNarr;
    private final OpenSubscriptions subscriptions;
    private final String description;
    private final Operations operations;

    private MasStackClient(Builder b, MasStackApi api) {
        this.api = api;
        this.operations = new Operations(NeutralMapping.PROVIDER, b.transportOptions.instrumentation());
        this.subscriptions = api.subscriptions();
        this.clock = b.clock;
        this.createDefaults = new NeutralMapping.CreateDefaults(b.clearencePerson, b.issueType, b.defaultPriority);
        this.defaultCloseOutType = b.closeOutType;
        this.defaultCloseOutNarr = b.closeOutNarr;
        this.description = "MasStackClient[baseUrl=" + b.baseUrl + ", auth=" + (b.staticToken != null ? "static token"
                : "service account " + b.serviceAccount.clientEmail()) + "]";
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String provider() {
        return NeutralMapping.PROVIDER;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    /**
     * Opens a ticket and reads it back (the create answers only the ids). The neutral fields map onto
     * MasStack's as the module README says; MasStack's own fields go in {@code providerFields}. When the
     * client follows created tickets (the default), its open subscriptions follow the new ticket at once, from the
     * state it was read in (see {@link #subscribe}).
     *
     * <p>Not idempotent (no {@link Capability#IDEMPOTENT_CREATE}): MasStack cannot find a ticket by the operator's
     * reference, so what is guaranteed is only this. A request refused before sending, or refused by MasStack with
     * a 4xx, opened nothing. A connection that could not be made ({@code reachedProvider()} false) opened nothing
     * and was retried. Once the POST may have reached MasStack (a timeout or reset after it was written, a 5xx, a
     * 2xx that cannot be read) it is never sent again: the exception says the outcome is unknown, and calling
     * {@code create} again with the same {@code mirrorKey} may open a second ticket. Ask MasMovil, or check the
     * territory owner's side, before you do.
     */
    @Override
    public Ticket create(CreateTicketRequest request) {
        return operations.call(Operation.CREATE, null, () -> {
            Objects.requireNonNull(request, "request");
            Violations found = new Violations();
            CreateTroubleTicketRequest body = NeutralMapping.toCreate(request, createDefaults, clock.instant(), found);
            CreateValidation.checkNeutral(body, found);
            found.throwIfAny("MasStack create request");
            // Checked above, with the neutral names: not checked a second time.
            CreateTroubleTicketResponse created = api.createChecked(body);
            MasStackTicket ticket = api.get(created.ticketId());
            subscriptions.opened(ticket.ticketId(), ticket.baseTroubleTicketState(), ticket.dialog());
            return NeutralMapping.toTicket(ticket);
        });
    }

    @Override
    public Ticket get(String ticketId) {
        return operations.call(Operation.GET, ticketId, () -> NeutralMapping.toTicket(api.get(ticketId)));
    }

    /** MasStack has no list: always throws {@link UnsupportedCapabilityException}. */
    @Override
    public PagedIterable<Ticket> list(TicketQuery query) {
        throw new UnsupportedCapabilityException(provider(), Capability.LIST.name()
                + " (the MasStack API has no list or search endpoint; follow known tickets with subscribe())");
    }

    /** Sends the text with TU10 (information without changing the state); refused on a closed or cancelled ticket. */
    @Override
    public TicketEvent comment(String ticketId, String text) {
        return operations.call(Operation.COMMENT, ticketId, () -> {
            MasStackTicket current = api.get(ticketId);
            MasStackTicket answer = api.perform(Transaction.TU10, current, TransactionInput.dialog(text));
            return new TicketEvent(provider(), null, ticketId, TicketEvent.Kind.COMMENT, clock.instant(), null, text, null,
                    current.baseTroubleTicketState(), Transaction.TU10.code(), new RawPayload(provider(), answer.rawJson()));
        });
    }

    /**
     * Makes the operator transaction that leads to the target: from WAITING_FOR_OPERATOR to IN_PROGRESS is
     * TU06 (the comment is the required answer); from CANCELLATION_REQUESTED, CANCELLED is TU03 and
     * IN_PROGRESS is TU04; from RESOLVED, CLOSED is TU09 and IN_PROGRESS is TU08. A provider target may name
     * the transaction ({@code TU09}) or the state ({@code CLOSED}). Closing sends what the caller gave
     * ({@code closeOutType} from {@link StatusChange#closeOutCode()}, {@code closeOutNarr} from the comment), else
     * the values the territory owner's resolution (TO07) wrote on the ticket, else the configured defaults (the
     * current time for {@code serviceRestoredTime}); it is refused before sending only when none of them gives a
     * value. Reads the ticket before
     * (for its state) and after (the update answers only part of it).
     */
    @Override
    public Ticket transition(String ticketId, StatusChange change) {
        return operations.call(Operation.TRANSITION, ticketId, () -> {
            Objects.requireNonNull(change, "change");
            MasStackTicket current = api.get(ticketId);
            Transaction transaction = TransitionRules.forChange(api.transactionTable(), current, change);
            api.perform(transaction, current, inputFor(transaction, change, current));
            return get(ticketId);
        });
    }

    private TransactionInput inputFor(Transaction transaction, StatusChange change, MasStackTicket current) {
        String comment = change.comment();
        boolean hasComment = comment != null && !comment.isBlank();
        TransactionInput.Builder input = TransactionInput.builder();
        if (transaction == Transaction.TU06) {
            // The answer to the information request is the point of TU06: no default text stands in for it.
            input.dialog(comment);
        } else {
            input.dialog(hasComment ? comment : transaction.englishName());
        }
        if (transaction == Transaction.TU09) {
            // The caller's own values; the ticket's fill the gaps next, and the defaults only what both leave out.
            input.closeOutType(change.closeOutCode()).closeOutNarr(hasComment ? comment : null);
            TransactionInput fromTicket = input.build().withCloseOutFrom(current);
            input.closeOutType(fromTicket.closeOutType() != null ? fromTicket.closeOutType() : defaultCloseOutType)
                    .closeOutNarr(fromTicket.closeOutNarr() != null ? fromTicket.closeOutNarr() : defaultCloseOutNarr);
            if (fromTicket.serviceRestoredTime() != null) {
                input.serviceRestoredTime(fromTicket.serviceRestoredTime());
            } else {
                input.serviceRestoredTime(clock.instant());
            }
        }
        return input.build();
    }

    /** MasStack keeps no event history: always throws {@link UnsupportedCapabilityException}. */
    @Override
    public List<TicketEvent> history(String ticketId) {
        throw new UnsupportedCapabilityException(provider(), Capability.HISTORY.name()
                + " (a MasStack ticket shows only its latest dialog; follow changes with subscribe())");
    }

    @Override
    public List<AllowedTransition> allowedTransitions(String ticketId) {
        return operations.call(Operation.ALLOWED_TRANSITIONS, ticketId, () -> TransitionRules.allowedTransitions(api.transactionTable(), api.get(ticketId).state()));
    }

    /**
     * A durable subscription to the changes of the tickets it follows, each read again once per interval (MasStack
     * has neither feed nor push: {@link Capability#WATCH_BY_POLLING}), with {@link TicketSubscription}'s guarantees.
     * A change of state is a {@code STATUS_CHANGE} whose {@code providerType} names its transaction ({@code TO05},
     * {@code TO07}, ... or {@code state-change}), a new dialog in the same state is a {@code COMMENT}, a ticket's
     * first read is a {@code STATUS_CHANGE} of {@code providerType} {@code observed}; each event's id is
     * {@code <ticketId>#<n>.<fingerprint>}, the same when it is read again after a restart.
     *
     * <p>What it follows, each kept in the options' store as one record per ticket (its last state, a hash of its
     * dialog, its event count), written when it is followed and then only with each of its events:
     * <ul>
     *   <li>tickets opened through this client, by {@link #create} or the typed {@link MasStackApi#create}, while the
     *       subscription is open (from this call until {@code close()} or {@code cancel()}; {@code start()} opens it
     *       again): followed at once from the state they were opened in, so only later changes are reported;</li>
     *   <li>the options' {@link SubscriptionOptions#tickets() tickets}, followed at each start unless the store holds
     *       them already (they also filter: other tickets' events are not handed over);</li>
     *   <li>tickets given to {@link TicketSubscription#follow(String)}, opened elsewhere: their first read reports
     *       their state as {@code observed}.</li>
     * </ul>
     * A ticket opened while none of this client's subscriptions is open is remembered in memory (the 10,000 most
     * recent) and followed by the next one opened, from the state it was opened in. If the process ends first, it is
     * known to no store: follow it with {@code follow(id)} (or the options' tickets). A ticket opened by another client
     * or process is followed only that way. A ticket is dropped after the event of its final state
     * ({@code CLOSED}, {@code CLOSED.CANCELED}) and when MasStack answers that it does not exist; {@code unfollow(id)}
     * drops it at once.
     *
     * <p>Reads are spread evenly over the interval ({@link SubscriptionOptions#pollInterval()}, default 60 s): with N
     * tickets followed, one every interval / N. A 429 holds them for at least its {@code Retry-After} and doubles
     * their spacing, which narrows back as reads succeed. The {@link SubscriptionOptions#start() start position} does
     * not apply: MasStack gives no time for its changes, and each ticket's record is where it goes on from.
     */
    @Override
    public TicketSubscription subscribe(TicketEventHandler handler, SubscriptionOptions options) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(options, "options");
        TicketEventSource source = new TicketEventSource(api::get, api.transactionTable(), options, clock,
                Clock.systemUTC());
        DurableSubscription engine = DurableSubscription.builder(provider(), handler, options)
                .instrumentation(operations.instrumentation())
                .polled(source).follower(source).build();
        return new FollowingSubscription(engine, source, subscriptions);
    }

    @Override
    public <T> T unwrap(Class<T> apiType) {
        return dev.troubleticket.core.internal.Unwrap.first(provider(), apiType, api, this);
    }

    @Override
    public void close() {
        // Nothing to release: the token is renewed on demand and the OkHttp pool belongs to its owner.
    }

    @Override
    public String toString() {
        return description;
    }

    /**
     * Builds a {@link MasStackClient}. Give a base URL (default production) and either a service account
     * with its token URL, or a static access token. Checked in {@link #build()}.
     */
    public static final class Builder {
        private String baseUrl = PRODUCTION_URL;
        private ServiceAccount serviceAccount;
        private Path serviceAccountFile;
        private String tokenUrl;
        private String staticToken;
        private TransportOptions transportOptions = TransportOptions.defaults();
        private Clock clock = Clock.systemUTC();
        private Duration assertionLifetime = Duration.ofMinutes(5);
        private Duration renewalMargin = Duration.ofSeconds(60);
        private String clearencePerson;
        private IssueType issueType;
        private int defaultPriority = 3;
        private String closeOutType;
        private String closeOutNarr;
        private boolean followCreatedTickets = true;

        private Builder() {
        }

        /** The API's base URL; default {@link #PRODUCTION_URL}. */
        public Builder baseUrl(String value) { this.baseUrl = value; return this; }
        /** The service account that signs token requests. */
        public Builder serviceAccount(ServiceAccount value) { this.serviceAccount = value; this.serviceAccountFile = null; return this; }
        /** The service-account JSON file, read in {@link #build()}. */
        public Builder serviceAccount(Path file) { this.serviceAccountFile = file; this.serviceAccount = null; return this; }
        /** The OAuth2 token endpoint; defaults to the service account's {@code token_uri} when it has one. */
        public Builder tokenUrl(String value) { this.tokenUrl = value; return this; }
        /** An access token obtained elsewhere, sent as {@code Bearer} and never renewed (instead of a service account). */
        public Builder staticToken(String value) { this.staticToken = value; return this; }
        /** Sets the HTTP options: shared OkHttp client, timeouts, retries, limits. */
        public Builder transportOptions(TransportOptions value) { this.transportOptions = value; return this; }
        /** The clock for assertions, detection and restoration times, and events. */
        public Builder clock(Clock value) { this.clock = value; return this; }
        /** How long each signed assertion is valid; default 5 minutes, at most 1 hour. */
        public Builder assertionLifetime(Duration value) { this.assertionLifetime = value; return this; }
        /** How long before expiry the access token is renewed; default 60 s. */
        public Builder renewalMargin(Duration value) { this.renewalMargin = value; return this; }
        /** {@code clearencePerson} for neutral creates that do not set it. */
        public Builder defaultClearencePerson(String value) { this.clearencePerson = value; return this; }
        /** {@code wh1Parameter} for neutral creates that do not set it; default none (required then). */
        public Builder defaultIssueType(IssueType value) { this.issueType = value; return this; }
        /** {@code preferredPriority} for neutral creates without a priority; default 3. */
        public Builder defaultPriority(int value) { this.defaultPriority = value; return this; }
        /** {@code closeOutType} for neutral closes without {@link StatusChange#closeOutCode()}. */
        public Builder defaultCloseOutType(String value) { this.closeOutType = value; return this; }
        /** {@code closeOutNarr} for neutral closes without a comment. */
        public Builder defaultCloseOutNarr(String value) { this.closeOutNarr = value; return this; }
        /**
         * Whether tickets created through the client (neutral and typed creates) are followed at once by its open
         * subscriptions; default {@code true}.
         */
        public Builder followCreatedTickets(boolean value) { this.followCreatedTickets = value; return this; }

        /**
         * Checks the configuration and builds the client.
         *
         * @throws IllegalArgumentException naming every setting that is missing or wrong
         */
        public MasStackClient build() {
            List<String> problems = new ArrayList<>();
            if (serviceAccountFile != null) {
                try {
                    serviceAccount = ServiceAccount.fromFile(serviceAccountFile);
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
            boolean hasAccount = serviceAccount != null || serviceAccountFile != null;
            if (staticToken != null && hasAccount) {
                problems.add("give either a static token or a service account, not both");
            } else if (staticToken == null && !hasAccount) {
                problems.add("authentication is required: a service account (with its token URL) or a static token");
            }
            if (staticToken != null && staticToken.isBlank()) {
                problems.add("the static token must not be blank");
            }
            String effectiveTokenUrl = tokenUrl != null ? tokenUrl
                    : serviceAccount != null ? serviceAccount.tokenUri().orElse(null) : null;
            if (serviceAccount != null && effectiveTokenUrl == null) {
                problems.add("tokenUrl is required with a service account whose file has no token_uri");
            }
            if (transportOptions == null) {
                problems.add("transportOptions must not be null");
            }
            if (clock == null) {
                problems.add("clock must not be null");
            }
            if (assertionLifetime == null || assertionLifetime.isNegative() || assertionLifetime.isZero()
                    || assertionLifetime.compareTo(Duration.ofHours(1)) > 0) {
                problems.add("assertionLifetime must be positive and at most 1 hour");
            }
            if (renewalMargin == null || renewalMargin.isNegative()) {
                problems.add("renewalMargin must not be negative");
            }
            if (defaultPriority < 1 || defaultPriority > 3) {
                problems.add("defaultPriority must be 1, 2 or 3");
            }
            if (issueType != null && !issueType.isKnown()) {
                problems.add("defaultIssueType must be client or network");
            }
            boolean insecure = transportOptions != null && transportOptions.allowInsecureHttp();
            for (String[] url : new String[][] {{"baseUrl", baseUrl}, {"tokenUrl", serviceAccount != null ? effectiveTokenUrl : null}}) {
                if (url[1] == null && url[0].equals("tokenUrl")) {
                    continue;
                }
                try {
                    HttpTransport.checkBaseUrl(url[1], insecure);
                } catch (IllegalArgumentException e) {
                    problems.add(url[0] + ": " + e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid MasStack client configuration: " + String.join("; ", problems));
            }
            AuthProvider auth = staticToken != null ? StaticTokenAuth.bearer(staticToken)
                    : RenewingTokenAuth.of(new AccessTokens(serviceAccount.clientEmail(), serviceAccount.privateKeyId(),
                    serviceAccount.privateKey(), effectiveTokenUrl, transportOptions, clock, assertionLifetime), "Bearer", renewalMargin, clock)
                    .instrumented(NeutralMapping.PROVIDER, transportOptions.instrumentation());
            HttpTransport transport = new HttpTransport(NeutralMapping.PROVIDER, baseUrl, transportOptions, auth,
                    new ErrorParser(), Json.mapper());
            return new MasStackClient(this, new MasStackApi(transport, TransactionTable.standard(),
                    new OpenSubscriptions(followCreatedTickets)));
        }
    }
}
