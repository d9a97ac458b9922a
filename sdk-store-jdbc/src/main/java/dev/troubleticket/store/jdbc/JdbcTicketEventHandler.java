package dev.troubleticket.store.jdbc;

import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.TransactionalTicketEventHandler;
import dev.troubleticket.core.subscription.store.StoreTransaction;
import java.sql.Connection;

/**
 * A {@link TransactionalTicketEventHandler} that is given the {@link JdbcSubscriptionStore}'s {@link Connection}:
 * its writes commit with the subscription's record of the event, or roll back with it. It must not commit, roll
 * back or close the connection (the store refuses it), and must finish within the store's idle-in-transaction
 * timeout and the lease's time to live.
 *
 * <pre>{@code
 * JdbcTicketEventHandler handler = (event, connection) -> {
 *     try (PreparedStatement s = connection.prepareStatement("INSERT INTO ticket_log (event_id, ticket_id) VALUES (?, ?)")) {
 *         s.setString(1, event.id());
 *         s.setString(2, event.ticketId());
 *         s.executeUpdate();
 *     }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface JdbcTicketEventHandler extends TransactionalTicketEventHandler {

    /**
     * Handles one event on the store's connection, inside its transaction.
     *
     * @throws Exception to roll everything back and have the event tried again later
     */
    void handle(TicketEvent event, Connection connection) throws Exception;

    @Override
    default void handle(TicketEvent event, StoreTransaction transaction) throws Exception {
        handle(event, transaction.unwrap(Connection.class));
    }
}
