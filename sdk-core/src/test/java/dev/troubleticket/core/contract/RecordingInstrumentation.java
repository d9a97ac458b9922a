package dev.troubleticket.core.contract;

import dev.troubleticket.core.instrument.AttemptObserver;
import dev.troubleticket.core.instrument.DeliveryObserver;
import dev.troubleticket.core.instrument.EventDelivery;
import dev.troubleticket.core.instrument.HttpAttempt;
import dev.troubleticket.core.instrument.Instrumentation;
import dev.troubleticket.core.instrument.Operation;
import dev.troubleticket.core.instrument.OperationObserver;
import dev.troubleticket.core.instrument.Outcome;
import dev.troubleticket.core.subscription.TicketSubscription;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records what an {@link Instrumentation} is told, as the contracts check it. Each attempt gets the request header
 * {@value #HEADER} with its number within the operation, so that a test can see instrumentation headers reach the
 * provider.
 */
public final class RecordingInstrumentation implements Instrumentation {
    /** The header set on every attempt. */
    public static final String HEADER = "X-Recorded-Attempt";

    /** An operation as it ended. */
    public record Ended(String provider, String name, String ticketId, Outcome outcome, int attempts, int lastStatus,
                        String thread) {
    }

    /** An attempt as it ended: {@code status} 0 and {@code failure} set when it got no answer. */
    public record Attempt(String provider, String operation, String method, String path, int number, int status,
                          String failure) {
    }

    /** A delivery as it ended. */
    public record Delivered(String provider, String subscription, String key, int attempt, Outcome outcome) {
    }

    public final List<Ended> operations = new CopyOnWriteArrayList<>();
    public final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    public final List<String> retries = new CopyOnWriteArrayList<>();
    public final List<String> reauthentications = new CopyOnWriteArrayList<>();
    public final List<Boolean> tokens = new CopyOnWriteArrayList<>();
    public final List<Delivered> deliveries = new CopyOnWriteArrayList<>();
    public final List<String> started = new CopyOnWriteArrayList<>();
    public final List<String> stopped = new CopyOnWriteArrayList<>();
    /** Operations started and not yet ended: an observer left open would show here. */
    public final List<Operation> open = new CopyOnWriteArrayList<>();

    @Override
    public OperationObserver operationStarted(Operation operation) {
        open.add(operation);
        String thread = Thread.currentThread().getName();
        return failure -> {
            open.remove(operation);
            operations.add(new Ended(operation.provider(), operation.name(), operation.ticketId(), Outcome.of(failure),
                    operation.attempts(), operation.lastStatus(), thread));
        };
    }

    @Override
    public AttemptObserver attemptStarted(HttpAttempt attempt) {
        attempt.header(HEADER, String.valueOf(attempt.number()));
        String operation = attempt.operation() == null ? null : attempt.operation().name();
        return new AttemptObserver() {
            @Override
            public void responded(int status) {
                attempts.add(new Attempt(attempt.provider(), operation, attempt.method(), attempt.path(), attempt.number(),
                        status, null));
            }

            @Override
            public void failed(Exception cause) {
                attempts.add(new Attempt(attempt.provider(), operation, attempt.method(), attempt.path(), attempt.number(), 0,
                        cause.getClass().getSimpleName()));
            }
        };
    }

    @Override
    public void retryScheduled(HttpAttempt failed, String reason, Duration delay) {
        retries.add(failed.method() + " " + failed.path() + " " + reason);
    }

    @Override
    public void reauthenticating(HttpAttempt refused) {
        reauthentications.add(refused.method() + " " + refused.path());
    }

    @Override
    public void tokenObtained(String provider, boolean renewal) {
        tokens.add(renewal);
    }

    @Override
    public DeliveryObserver deliveryStarted(EventDelivery delivery) {
        return failure -> deliveries.add(new Delivered(delivery.provider(), delivery.subscription(), delivery.key(),
                delivery.attempt(), Outcome.of(failure)));
    }

    @Override
    public void subscriptionStarted(TicketSubscription subscription) {
        started.add(subscription.name());
    }

    @Override
    public void subscriptionStopped(TicketSubscription subscription) {
        stopped.add(subscription.name());
    }

    /** The names of the operations that ended, in order. */
    public List<String> operationNames() {
        return operations.stream().map(Ended::name).toList();
    }
}
