package dev.troubleticket.spring;

import dev.troubleticket.core.subscription.SubscriptionHealth;
import dev.troubleticket.core.subscription.TicketSubscription;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of one client, read from what it last did, never by calling the provider (load balancers ask every few
 * seconds): UP before any call and after an answer, DOWN after a call that got no answer or whose credentials were
 * refused, and DOWN while one of its subscriptions has stopped by itself. The details hold the last operation and
 * each subscription's {@link SubscriptionHealth}.
 */
public final class TicketingClientHealthIndicator implements HealthIndicator {
    private final String provider;
    private final ClientHealthTracker tracker;

    /** The health of the client of {@code provider} that {@code tracker} follows. */
    public TicketingClientHealthIndicator(String provider, ClientHealthTracker tracker) {
        this.provider = provider;
        this.tracker = tracker;
    }

    @Override
    public Health health() {
        ClientHealthTracker.LastOperation last = tracker.lastOperation();
        boolean down = last != null && last.down();
        Health.Builder health = Health.up().withDetail("provider", provider);
        if (last != null) {
            Map<String, Object> operation = new LinkedHashMap<>();
            operation.put("name", last.name());
            operation.put("outcome", last.outcome().tag());
            operation.put("status", last.status());
            operation.put("at", last.at().toString());
            health.withDetail("lastOperation", operation);
        }
        Map<String, Object> subscriptions = new LinkedHashMap<>();
        for (TicketSubscription subscription : tracker.subscriptions()) {
            SubscriptionHealth state = subscription.health();
            down |= !state.running();
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("running", state.running());
            shown.put("lag", state.lag() == null ? null : state.lag().toString());
            shown.put("delivered", state.delivered());
            shown.put("failed", state.failed());
            shown.put("parked", state.parked());
            shown.put("inboxDepth", state.inboxDepth());
            shown.put("holdsLease", state.holdsLease());
            shown.put("lastSuccess", state.lastSuccess() == null ? null : state.lastSuccess().toString());
            shown.put("lastError", state.lastError());
            subscriptions.put(subscription.name(), shown);
        }
        if (!subscriptions.isEmpty()) {
            health.withDetail("subscriptions", subscriptions);
        }
        return down ? health.down().build() : health.build();
    }
}
