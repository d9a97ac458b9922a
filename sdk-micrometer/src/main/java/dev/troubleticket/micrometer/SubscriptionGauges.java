package dev.troubleticket.micrometer;

import dev.troubleticket.core.subscription.SubscriptionHealth;
import dev.troubleticket.core.subscription.TicketSubscription;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The meters of the running subscriptions, registered when one starts and removed when it stops. They are tagged by
 * the provider and the subscription's name: while one subscription holds a name, a second one started under the same name is not
 * given meters of its own (they would be the same series).
 */
final class SubscriptionGauges {
    static final String LAG = "troubleticket.subscription.lag";
    static final String DELIVERED = "troubleticket.subscription.delivered";
    static final String FAILED = "troubleticket.subscription.failed";
    static final String PARKED = "troubleticket.subscription.parked";
    static final String INBOX_DEPTH = "troubleticket.subscription.inbox.depth";
    static final String LEASE_HELD = "troubleticket.subscription.lease.held";
    static final String RUNNING = "troubleticket.subscription.running";

    private final MeterRegistry registry;
    private final long cacheNanos;
    private final Map<String, Registered> byName = new ConcurrentHashMap<>();

    SubscriptionGauges(MeterRegistry registry, Duration cacheTtl) {
        this.registry = registry;
        this.cacheNanos = cacheTtl.toNanos();
    }

    void add(TicketSubscription subscription) {
        byName.computeIfAbsent(subscription.name(), name -> register(subscription));
    }

    void remove(TicketSubscription subscription) {
        Registered registered = byName.get(subscription.name());
        if (registered != null && registered.health.subscription == subscription
                && byName.remove(subscription.name(), registered)) {
            registered.meters.forEach(registry::remove);
        }
    }

    private Registered register(TicketSubscription subscription) {
        CachedHealth health = new CachedHealth(subscription, cacheNanos);
        String name = subscription.name();
        List<Meter> meters = new ArrayList<>();
        meters.add(TimeGauge.builder(LAG, health, TimeUnit.MILLISECONDS, h -> h.read(s -> s.lag().toMillis()))
                .description("age of the oldest event received and not yet handled")
                .tag("provider", subscription.provider()).tag("subscription", name).strongReference(true).register(registry));
        meters.add(FunctionCounter.builder(DELIVERED, health, h -> h.read(SubscriptionHealth::delivered))
                .description("events the handler returned from, since the subscription started")
                .tag("provider", subscription.provider()).tag("subscription", name).register(registry));
        meters.add(FunctionCounter.builder(FAILED, health, h -> h.read(SubscriptionHealth::failed))
                .description("handler attempts that threw, since the subscription started")
                .tag("provider", subscription.provider()).tag("subscription", name).register(registry));
        meters.add(gauge(PARKED, "dead letters held in the store", subscription, name, health, SubscriptionHealth::parked));
        meters.add(gauge(INBOX_DEPTH, "push notifications stored and not yet handled", subscription, name, health,
                SubscriptionHealth::inboxDepth));
        meters.add(gauge(LEASE_HELD, "1 while this instance holds the subscription's lease", subscription, name, health,
                s -> s.holdsLease() ? 1 : 0));
        meters.add(gauge(RUNNING, "1 while the subscription runs", subscription, name, health, s -> s.running() ? 1 : 0));
        return new Registered(health, List.copyOf(meters));
    }

    private Gauge gauge(String meter, String description, TicketSubscription subscription, String name, CachedHealth health,
                        ToDoubleFunction<SubscriptionHealth> value) {
        return Gauge.builder(meter, health, h -> h.read(value)).description(description)
                .tag("provider", subscription.provider()).tag("subscription", name).strongReference(true).register(registry);
    }

    private record Registered(CachedHealth health, List<Meter> meters) {
    }

    /** One subscription's health, read at most once per cache period however many meters ask. */
    static final class CachedHealth {
        final TicketSubscription subscription;
        private final long cacheNanos;
        private SubscriptionHealth last;
        private long readAt;

        CachedHealth(TicketSubscription subscription, long cacheNanos) {
            this.subscription = subscription;
            this.cacheNanos = cacheNanos;
        }

        synchronized double read(ToDoubleFunction<SubscriptionHealth> value) {
            long now = System.nanoTime();
            if (last == null || now - readAt >= cacheNanos) {
                try {
                    last = subscription.health();
                    readAt = now;
                } catch (RuntimeException e) {
                    // A store that cannot be read: no figure rather than an exception in the scrape.
                    return last == null ? Double.NaN : value.applyAsDouble(last);
                }
            }
            return value.applyAsDouble(last);
        }
    }
}
