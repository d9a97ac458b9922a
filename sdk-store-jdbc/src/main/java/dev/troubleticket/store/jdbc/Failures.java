package dev.troubleticket.store.jdbc;

import dev.troubleticket.core.subscription.store.SubscriptionStoreException;
import java.sql.SQLException;

/**
 * Turns a {@link SQLException} into a {@link SubscriptionStoreException} whose message names the store, the
 * operation, the SQLState and what to check. The password given to {@link JdbcSubscriptionStore#connect} is masked
 * in that message should a driver message ever carry it (the PostgreSQL driver's do not).
 */
final class Failures {
    private final String store;
    private final String secret;

    Failures(String store, String secret) {
        this.store = store;
        this.secret = secret == null || secret.isEmpty() ? null : secret;
    }

    SubscriptionStoreException of(String operation, SQLException e) {
        String state = e.getSQLState();
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        if (secret != null) {
            message = message.replace(secret, "****");
        }
        return new SubscriptionStoreException(store + ": cannot " + operation + " (SQLState " + state + ": " + message + "); "
                + hint(state), e);
    }

    private static String hint(String state) {
        if (state == null) {
            return "check the database's log and the data source's settings";
        }
        if (state.startsWith("08")) {
            return "check the JDBC URL (host, port, database), that the server runs and accepts connections from this "
                    + "host, and the network between them";
        }
        if (state.startsWith("28")) {
            return "check the user name and password the data source uses, and the server's pg_hba.conf";
        }
        if (state.equals("42P01")) {
            return "a table is missing: call migrate(), or run the SQL files of sdk-store-jdbc with Flyway or Liquibase";
        }
        if (state.startsWith("42")) {
            return "check that the data source's user may read and write the store's tables, and that the schema is "
                    + "the one this SDK version created";
        }
        if (state.equals("40001") || state.equals("40P01")) {
            return "the transaction conflicted with another one: nothing of it was applied, and it may be tried again";
        }
        if (state.startsWith("57") || state.startsWith("53")) {
            return "the server stopped the session or is short of resources (it may be restarting, or the transaction "
                    + "stayed idle longer than the store's idle-in-transaction timeout): nothing of the transaction was applied";
        }
        return "check the database's log";
    }
}
