package dev.troubleticket.core.subscription;

import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.store.StoreTransaction;

/**
 * A handler whose effect happens exactly once: it does its writes in the store's own transaction, which also
 * records the event as handled (its position, its inbox entry, its followed ticket's state). Both commit together
 * or roll back together, so an event that comes again after a crash or a failover finds its writes done and is
 * not handed over again, and a former lease holder's writes are rolled back.
 *
 * <p>It needs a {@link dev.troubleticket.core.subscription.store.SubscriptionStore#transactional() transactional}
 * store, such as the JDBC store of {@code sdk-store-jdbc}, whose {@code JdbcTicketEventHandler} hands over the
 * {@link java.sql.Connection}. The work must finish within the subscription's lease time to live, and the handler
 * must not commit, roll back or close what it is given.
 */
@FunctionalInterface
public interface TransactionalTicketEventHandler extends TicketEventHandler {

    /**
     * Handles one event inside {@code transaction}.
     *
     * @throws Exception to roll the transaction back and have the event tried again later
     */
    void handle(TicketEvent event, StoreTransaction transaction) throws Exception;

    /** Not called: a transactional handler is always given its transaction. */
    @Override
    default void handle(TicketEvent event) {
        throw new UnsupportedOperationException("a transactional handler is called with its store's transaction");
    }
}
