package dev.troubleticket.store.jdbc;

import dev.troubleticket.core.subscription.store.StoreTransaction;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * The store's open transaction as a handler sees it: its {@link Connection}, through a view that refuses what
 * belongs to the store (commit, rollback, auto-commit, close), so that a handler cannot commit its writes without
 * the event's record. The view stops working once the handler has returned.
 */
final class ConnectionTransaction implements StoreTransaction {
    private static final Set<String> STORE_ONLY = Set.of("commit", "setAutoCommit", "close", "abort", "setTransactionIsolation");

    private final Connection view;
    private volatile boolean open = true;

    ConnectionTransaction(Connection connection) {
        InvocationHandler guard = (proxy, method, args) -> invoke(connection, method, args);
        this.view = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, guard);
    }

    private Object invoke(Connection connection, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("toString") && method.getParameterCount() == 0) {
            return "the subscription store's transaction connection";
        }
        if (name.equals("hashCode") && method.getParameterCount() == 0) {
            return System.identityHashCode(this);
        }
        if (name.equals("equals") && method.getParameterCount() == 1) {
            return args[0] == view;
        }
        if (!open) {
            throw new SQLException("the subscription store's transaction is over: use the connection only while the "
                    + "handler runs", "08003");
        }
        if (STORE_ONLY.contains(name) || (name.equals("rollback") && method.getParameterCount() == 0)) {
            throw new SQLException("Connection." + name + " is the subscription store's: the handler's writes commit or "
                    + "roll back with the event's record (throw to roll back)", "25000");
        }
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type == Connection.class) {
            return type.cast(view);
        }
        throw new IllegalArgumentException("the JDBC subscription store's transaction is a java.sql.Connection, not "
                + (type == null ? "null" : type.getName()) + ": call unwrap(Connection.class)");
    }

    void end() {
        open = false;
    }
}
