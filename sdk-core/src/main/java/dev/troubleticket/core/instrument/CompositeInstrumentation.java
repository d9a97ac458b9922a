package dev.troubleticket.core.instrument;

import dev.troubleticket.core.subscription.TicketSubscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Several instrumentations told everything in turn; observers end in the reverse order they started, like scopes. */
final class CompositeInstrumentation implements Instrumentation {
    private final List<Instrumentation> parts;

    private CompositeInstrumentation(List<Instrumentation> parts) {
        this.parts = parts;
    }

    static Instrumentation of(List<Instrumentation> given) {
        List<Instrumentation> parts = new ArrayList<>();
        for (Instrumentation part : given) {
            if (part instanceof CompositeInstrumentation composite) {
                parts.addAll(composite.parts);
            } else if (part != Instrumentation.none()) {
                parts.add(java.util.Objects.requireNonNull(part, "instrumentation"));
            }
        }
        if (parts.isEmpty()) {
            return Instrumentation.none();
        }
        return parts.size() == 1 ? parts.get(0) : new CompositeInstrumentation(List.copyOf(parts));
    }

    @Override
    public OperationObserver operationStarted(Operation operation) {
        OperationObserver[] observers = new OperationObserver[parts.size()];
        for (int i = 0; i < observers.length; i++) {
            observers[i] = parts.get(i).operationStarted(operation);
        }
        return failure -> {
            for (int i = observers.length - 1; i >= 0; i--) {
                observers[i].ended(failure);
            }
        };
    }

    @Override
    public AttemptObserver attemptStarted(HttpAttempt attempt) {
        AttemptObserver[] observers = new AttemptObserver[parts.size()];
        for (int i = 0; i < observers.length; i++) {
            observers[i] = parts.get(i).attemptStarted(attempt);
        }
        return new AttemptObserver() {
            @Override
            public void responded(int status) {
                for (int i = observers.length - 1; i >= 0; i--) {
                    observers[i].responded(status);
                }
            }

            @Override
            public void failed(Exception cause) {
                for (int i = observers.length - 1; i >= 0; i--) {
                    observers[i].failed(cause);
                }
            }
        };
    }

    @Override
    public void retryScheduled(HttpAttempt failed, String reason, Duration delay) {
        parts.forEach(part -> part.retryScheduled(failed, reason, delay));
    }

    @Override
    public void reauthenticating(HttpAttempt refused) {
        parts.forEach(part -> part.reauthenticating(refused));
    }

    @Override
    public void tokenObtained(String provider, boolean renewal) {
        parts.forEach(part -> part.tokenObtained(provider, renewal));
    }

    @Override
    public DeliveryObserver deliveryStarted(EventDelivery delivery) {
        DeliveryObserver[] observers = new DeliveryObserver[parts.size()];
        for (int i = 0; i < observers.length; i++) {
            observers[i] = parts.get(i).deliveryStarted(delivery);
        }
        return failure -> {
            for (int i = observers.length - 1; i >= 0; i--) {
                observers[i].ended(failure);
            }
        };
    }

    @Override
    public void subscriptionStarted(TicketSubscription subscription) {
        parts.forEach(part -> part.subscriptionStarted(subscription));
    }

    @Override
    public void subscriptionStopped(TicketSubscription subscription) {
        parts.forEach(part -> part.subscriptionStopped(subscription));
    }

    @Override
    public String toString() {
        return "Instrumentation.all(" + parts + ")";
    }
}
