package dev.troubleticket.core.instrument;

import dev.troubleticket.core.subscription.TicketSubscription;
import java.time.Duration;
import java.util.List;

/**
 * Told what a client and its subscriptions do, for metrics and tracing. Every method has a default that does
 * nothing, so an implementation overrides only what it records.
 *
 * <p>Calls are made on the thread doing the work: an operation's {@link OperationObserver}, its attempts' observers and
 * a delivery's {@link DeliveryObserver} are started and ended on one thread, so that an implementation may keep a
 * thread-bound context (a tracing scope) open between the two. Implementations must be thread-safe, quick, and must
 * not throw. They are never given a secret: no credential header, no token, no query string.
 */
public interface Instrumentation {

    /** An SDK operation starts (a call of the neutral client, or one poll of a subscription's stream). */
    default OperationObserver operationStarted(Operation operation) {
        return OperationObserver.NONE;
    }

    /**
     * An HTTP attempt is about to be sent. The attempt's {@link HttpAttempt#header} adds request headers (a trace
     * context); its {@link HttpAttempt#operation()} is the operation it belongs to, if any.
     */
    default AttemptObserver attemptStarted(HttpAttempt attempt) {
        return AttemptObserver.NONE;
    }

    /** The attempt failed and the transport will send the request again after {@code delay}. */
    default void retryScheduled(HttpAttempt failed, String reason, Duration delay) {
    }

    /** The provider refused the credential (401) and the transport obtains a fresh one and sends again, once. */
    default void reauthenticating(HttpAttempt refused) {
    }

    /**
     * A token was obtained from the provider's login or token endpoint: the first one ({@code renewal} false) or a
     * renewal of an expiring or refused one.
     */
    default void tokenObtained(String provider, boolean renewal) {
    }

    /** A subscription's handler is about to be given an event (once per attempt). */
    default DeliveryObserver deliveryStarted(EventDelivery delivery) {
        return DeliveryObserver.NONE;
    }

    /** A subscription started; its {@link TicketSubscription#health()} may be read until it stops. */
    default void subscriptionStarted(TicketSubscription subscription) {
    }

    /** A subscription stopped (closed or cancelled). */
    default void subscriptionStopped(TicketSubscription subscription) {
    }

    /** An instrumentation that records nothing: the default, which costs nothing per call. */
    static Instrumentation none() {
        return NoInstrumentation.INSTANCE;
    }

    /** All of {@code instrumentations}, each told everything, in order (metrics and tracing together). */
    static Instrumentation all(Instrumentation... instrumentations) {
        return CompositeInstrumentation.of(List.of(instrumentations));
    }
}
