package dev.troubleticket.core.subscription.store;

/**
 * The open transaction of a transactional {@link SubscriptionStore}, in which a
 * {@link dev.troubleticket.core.subscription.TransactionalTicketEventHandler} does its own writes: they commit
 * together with the subscription's record of the event, or roll back with it.
 *
 * <p>What it holds depends on the store: a JDBC store gives its {@link java.sql.Connection}
 * ({@code transaction.unwrap(Connection.class)}). It is valid only while the handler runs; the store commits,
 * rolls back and closes it.
 */
public interface StoreTransaction {

    /**
     * What the store's transaction is made of, as {@code type}.
     *
     * @throws IllegalArgumentException when this store's transaction is not of that type (the message names those it is)
     */
    <T> T unwrap(Class<T> type);

    /** Work a transactional store runs inside the transaction of a {@link SubscriptionStore#commit(Lease, Commit, Work) commit}. */
    @FunctionalInterface
    interface Work {
        /**
         * Runs inside the transaction, before the commit's own writes.
         *
         * @throws Exception to roll the whole transaction back (the commit is not recorded)
         */
        void run(StoreTransaction transaction) throws Exception;
    }
}
