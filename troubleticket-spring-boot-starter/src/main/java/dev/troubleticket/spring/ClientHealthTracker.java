package dev.troubleticket.spring;

import dev.troubleticket.core.instrument.Instrumentation;
import dev.troubleticket.core.instrument.Operation;
import dev.troubleticket.core.instrument.OperationObserver;
import dev.troubleticket.core.instrument.Outcome;
import dev.troubleticket.core.subscription.TicketSubscription;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the health of one client is read from, so that a health probe never calls the provider: the outcome of the
 * client's last operation, and the subscriptions built from it that are running. An {@link Instrumentation} of the
 * starter's own, combined with the application's in every client's transport options.
 */
public final class ClientHealthTracker implements Instrumentation {
    private final Clock clock;
    private final List<TicketSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile LastOperation last;

    /** A tracker reading the time from {@code clock}. */
    public ClientHealthTracker(Clock clock) {
        this.clock = clock;
    }

    /**
     * How the client's last operation ended.
     *
     * @param name    the operation ({@code create}, {@code poll}, ...)
     * @param outcome how it ended
     * @param status  the last HTTP status it got, 0 for none
     * @param at      when it ended
     */
    public record LastOperation(String name, Outcome outcome, int status, Instant at) {
        /**
         * Whether it says the provider cannot be used: no answer, or credentials refused. Any other answer, an
         * error for one ticket included, shows the provider reachable with these credentials.
         */
        public boolean down() {
            return outcome == Outcome.TRANSPORT_ERROR || outcome == Outcome.AUTHENTICATION;
        }
    }

    @Override
    public OperationObserver operationStarted(Operation operation) {
        return failure -> last = new LastOperation(operation.name(), Outcome.of(failure), operation.lastStatus(), clock.instant());
    }

    @Override
    public void subscriptionStarted(TicketSubscription subscription) {
        if (!subscriptions.contains(subscription)) {
            subscriptions.add(subscription);
        }
    }

    @Override
    public void subscriptionStopped(TicketSubscription subscription) {
        subscriptions.remove(subscription);
    }

    /** The last operation, or {@code null} before the first. */
    public LastOperation lastOperation() {
        return last;
    }

    /** The client's started subscriptions. */
    public List<TicketSubscription> subscriptions() {
        return List.copyOf(subscriptions);
    }
}
