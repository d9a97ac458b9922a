package dev.troubleticket.core.instrument;

/** Told how one delivery of an event to a handler ended; given by {@link Instrumentation#deliveryStarted}. */
@FunctionalInterface
public interface DeliveryObserver {
    /** An observer that does nothing. */
    DeliveryObserver NONE = failure -> { };

    /** The handler returned ({@code failure} null) or threw {@code failure} (the event is tried again or parked). */
    void ended(Throwable failure);
}
