package dev.troubleticket.core.subscription;

import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.store.DeadLetter;

/**
 * The back office's code that reacts to one ticket event of a {@link TicketSubscription}.
 *
 * <p>It is called at least once per event: after a crash, or when the store could not record that it
 * returned, an event may come again, so the handler must be idempotent (for example, keyed on
 * {@link TicketEvent#id()} and {@link TicketEvent#ticketId()}). Returning means "handled": only then does the
 * subscription record its position or acknowledgement. Throwing means "not handled": the event is tried
 * again with backoff and, after the last attempt, parked as a {@link DeadLetter}.
 *
 * <p>For an effect that happens once, use a {@link TransactionalTicketEventHandler}: with a transactional store its
 * writes commit in the transaction that records the event.
 *
 * <p>Events of one ticket are never handed over concurrently; events of different tickets may be, when the
 * subscription's {@link SubscriptionOptions.Builder#handlerThreads(int) handlerThreads} is more than one.
 */
@FunctionalInterface
public interface TicketEventHandler {

    /**
     * Handles one event.
     *
     * @throws Exception to have the event tried again later
     */
    void handle(TicketEvent event) throws Exception;
}
