package dev.troubleticket.masstack.internal.events;

import dev.troubleticket.core.callback.CallbackHandler;
import dev.troubleticket.core.subscription.store.DeadLetter;
import dev.troubleticket.core.subscription.SubscriptionHealth;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.spi.DurableSubscription;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * MasStack's {@link TicketSubscription}: the core's {@link DurableSubscription} over a {@link TicketEventSource},
 * which reads the followed set from the store at each start, and is told of the tickets the client opens while the
 * subscription is open (from {@code subscribe} until {@link #close()} or {@link #cancel()}; {@link #start()} opens it
 * again).
 */
public final class FollowingSubscription implements TicketSubscription {
    private final DurableSubscription engine;
    private final TicketEventSource source;
    private final OpenSubscriptions open;

    public FollowingSubscription(DurableSubscription engine, TicketEventSource source, OpenSubscriptions open) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.source = Objects.requireNonNull(source, "source");
        this.open = Objects.requireNonNull(open, "open");
        open.add(source);
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public String provider() {
        return engine.provider();
    }

    @Override
    public synchronized TicketSubscription start() {
        if (engine.health().running()) {
            return this;
        }
        open.add(source);
        // What the last run reported but did not see handled is in the store, not in memory: read from there again.
        source.reload();
        engine.start();
        return this;
    }

    @Override
    public synchronized void close() {
        open.remove(source);
        engine.close();
    }

    @Override
    public synchronized void cancel() {
        open.remove(source);
        engine.cancel();
    }

    @Override
    public SubscriptionHealth health() {
        return engine.health();
    }

    @Override
    public void follow(String ticketId) {
        engine.follow(ticketId);
    }

    @Override
    public void unfollow(String ticketId) {
        engine.unfollow(ticketId);
    }

    @Override
    public List<DeadLetter> deadLetters() {
        return engine.deadLetters();
    }

    @Override
    public boolean replay(String key) {
        return engine.replay(key);
    }

    @Override
    public Optional<CallbackHandler> callbackHandler() {
        return engine.callbackHandler();
    }

    @Override
    public String toString() {
        return engine + "[followed=" + source.followedCount() + "]";
    }
}
