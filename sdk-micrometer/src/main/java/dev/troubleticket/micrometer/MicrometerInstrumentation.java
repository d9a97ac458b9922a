package dev.troubleticket.micrometer;

import dev.troubleticket.core.instrument.AttemptObserver;
import dev.troubleticket.core.instrument.DeliveryObserver;
import dev.troubleticket.core.instrument.EventDelivery;
import dev.troubleticket.core.instrument.HttpAttempt;
import dev.troubleticket.core.instrument.Instrumentation;
import dev.troubleticket.core.instrument.Operation;
import dev.troubleticket.core.instrument.OperationObserver;
import dev.troubleticket.core.instrument.Outcome;
import dev.troubleticket.core.subscription.TicketSubscription;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records what the SDK does as Micrometer meters: a timer per SDK operation ({@value #REQUESTS}) and per HTTP attempt
 * ({@value #ATTEMPTS}), counters of retries ({@value #RETRIES}), re-authentications ({@value #REAUTHENTICATIONS}) and
 * tokens obtained ({@value #TOKEN_RENEWALS}), a timer of deliveries to subscriptions' handlers ({@value #DELIVERIES}),
 * and, while a subscription runs, gauges of its {@link TicketSubscription#health() health}.
 *
 * <p>Tags have few values: provider, operation, outcome ({@link Outcome#tag()}), HTTP status class, subscription name.
 * No meter carries a ticket id, an event key or a URL, which would make one series per ticket.
 *
 * <pre>{@code
 * TransportOptions transport = TransportOptions.builder()
 *         .instrumentation(MicrometerInstrumentation.of(meterRegistry))
 *         .build();
 * }</pre>
 */
public final class MicrometerInstrumentation implements Instrumentation {
    /** Timer of SDK operations: tags {@code provider}, {@code operation}, {@code outcome}, {@code status}. */
    public static final String REQUESTS = "troubleticket.client.requests";
    /** Timer of HTTP attempts: tags {@code provider}, {@code operation}, {@code method}, {@code status}. */
    public static final String ATTEMPTS = "troubleticket.client.attempts";
    /** Counter of retries: tags {@code provider}, {@code reason} (the status, or the exception's simple name). */
    public static final String RETRIES = "troubleticket.client.retries";
    /** Counter of re-authentications after a 401: tag {@code provider}. */
    public static final String REAUTHENTICATIONS = "troubleticket.client.reauthentications";
    /** Counter of tokens obtained: tags {@code provider}, {@code kind} ({@code first} or {@code renewal}). */
    public static final String TOKEN_RENEWALS = "troubleticket.client.token.renewals";
    /** Timer of deliveries to a subscription's handler: tags {@code provider}, {@code subscription}, {@code outcome}. */
    public static final String DELIVERIES = "troubleticket.subscription.deliveries";

    /** The status tag of an operation or attempt that got no answer. */
    static final String NO_STATUS = "none";
    /** The operation tag of an attempt made outside an SDK operation (a typed API call, a token request). */
    static final String NO_OPERATION = "none";

    private final MeterRegistry registry;
    private final Duration healthCacheTtl;
    // Looked up once per tag combination: an operation's end costs a map lookup, not a meter registration.
    private final Map<OperationTags, Timer> requests = new ConcurrentHashMap<>();
    private final Map<AttemptTags, Timer> attempts = new ConcurrentHashMap<>();
    private final Map<DeliveryTags, Timer> deliveries = new ConcurrentHashMap<>();
    private final SubscriptionGauges subscriptions;

    private MicrometerInstrumentation(Builder b) {
        this.registry = b.registry;
        this.healthCacheTtl = b.healthCacheTtl;
        this.subscriptions = new SubscriptionGauges(registry, healthCacheTtl);
    }

    /** Meters in {@code registry}, with the defaults. */
    public static MicrometerInstrumentation of(MeterRegistry registry) {
        return builder(registry).build();
    }

    /** A builder of meters in {@code registry}. */
    public static Builder builder(MeterRegistry registry) {
        return new Builder(registry);
    }

    @Override
    public OperationObserver operationStarted(Operation operation) {
        Timer.Sample sample = Timer.start(registry);
        return failure -> {
            OperationTags key = new OperationTags(operation.provider(), operation.name(), Outcome.of(failure).tag(),
                    statusClass(operation.lastStatus()));
            sample.stop(requests.computeIfAbsent(key, k -> Timer.builder(REQUESTS)
                    .description("SDK operations (a list page, a subscription poll), from start to end")
                    .tag("provider", k.provider).tag("operation", k.operation).tag("outcome", k.outcome).tag("status", k.status)
                    .register(registry)));
        };
    }

    @Override
    public AttemptObserver attemptStarted(HttpAttempt attempt) {
        Timer.Sample sample = Timer.start(registry);
        String operation = attempt.operation() == null ? NO_OPERATION : attempt.operation().name();
        return new AttemptObserver() {
            @Override
            public void responded(int status) {
                stop(statusClass(status));
            }

            @Override
            public void failed(Exception cause) {
                stop(NO_STATUS);
            }

            private void stop(String status) {
                AttemptTags key = new AttemptTags(attempt.provider(), operation, attempt.method(), status);
                sample.stop(attempts.computeIfAbsent(key, k -> Timer.builder(ATTEMPTS)
                        .description("HTTP attempts, retries and re-authentications included")
                        .tag("provider", k.provider).tag("operation", k.operation).tag("method", k.method).tag("status", k.status)
                        .register(registry)));
            }
        };
    }

    @Override
    public void retryScheduled(HttpAttempt failed, String reason, Duration delay) {
        Counter.builder(RETRIES).description("HTTP attempts sent again after a failure")
                .tag("provider", failed.provider()).tag("reason", reason).register(registry).increment();
    }

    @Override
    public void reauthenticating(HttpAttempt refused) {
        Counter.builder(REAUTHENTICATIONS).description("credentials refused (401) and obtained afresh")
                .tag("provider", refused.provider()).register(registry).increment();
    }

    @Override
    public void tokenObtained(String provider, boolean renewal) {
        Counter.builder(TOKEN_RENEWALS).description("tokens obtained from the provider's login or token endpoint")
                .tag("provider", provider).tag("kind", renewal ? "renewal" : "first").register(registry).increment();
    }

    @Override
    public DeliveryObserver deliveryStarted(EventDelivery delivery) {
        Timer.Sample sample = Timer.start(registry);
        return failure -> {
            DeliveryTags key = new DeliveryTags(delivery.provider(), delivery.subscription(), Outcome.of(failure).tag());
            sample.stop(deliveries.computeIfAbsent(key, k -> Timer.builder(DELIVERIES)
                    .description("deliveries of events to a subscription's handler, one per attempt")
                    .tag("provider", k.provider).tag("subscription", k.subscription).tag("outcome", k.outcome)
                    .register(registry)));
        };
    }

    @Override
    public void subscriptionStarted(TicketSubscription subscription) {
        subscriptions.add(subscription);
    }

    @Override
    public void subscriptionStopped(TicketSubscription subscription) {
        subscriptions.remove(subscription);
    }

    /** {@code 2xx}, {@code 4xx}, ... for a status; {@code none} for 0 (no answer). */
    static String statusClass(int status) {
        if (status <= 0) {
            return NO_STATUS;
        }
        return switch (status / 100) {
            case 1 -> "1xx";
            case 2 -> "2xx";
            case 3 -> "3xx";
            case 4 -> "4xx";
            case 5 -> "5xx";
            default -> "other";
        };
    }

    @Override
    public String toString() {
        return "MicrometerInstrumentation[" + registry.getClass().getSimpleName() + ", healthCacheTtl=" + healthCacheTtl + "]";
    }

    private record OperationTags(String provider, String operation, String outcome, String status) {
    }

    private record AttemptTags(String provider, String operation, String method, String status) {
    }

    private record DeliveryTags(String provider, String subscription, String outcome) {
    }

    /** Options of a {@link MicrometerInstrumentation}. */
    public static final class Builder {
        private final MeterRegistry registry;
        private Duration healthCacheTtl = Duration.ofSeconds(1);

        private Builder(MeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /**
         * How long one reading of a subscription's {@link TicketSubscription#health()} serves its gauges (1 second by
         * default): a scrape reads all of them, and {@code health()} may read the store.
         */
        public Builder healthCacheTtl(Duration value) {
            Objects.requireNonNull(value, "healthCacheTtl");
            if (value.isNegative()) {
                throw new IllegalArgumentException("healthCacheTtl must not be negative: " + value);
            }
            this.healthCacheTtl = value;
            return this;
        }

        /** The instrumentation. */
        public MicrometerInstrumentation build() {
            return new MicrometerInstrumentation(this);
        }
    }
}
