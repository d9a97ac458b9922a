/**
 * A {@link dev.troubleticket.core.subscription.store.SubscriptionStore} on PostgreSQL over the application's
 * {@link javax.sql.DataSource}: {@link dev.troubleticket.store.jdbc.JdbcSubscriptionStore}.
 */
@SuppressWarnings("requires-automatic") // the PostgreSQL driver's jar names its module in its manifest only
module dev.troubleticket.store.jdbc {
    requires transitive dev.troubleticket.core;
    requires transitive java.sql;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires org.postgresql.jdbc; // JdbcSubscriptionStore.connect builds a PGSimpleDataSource
    requires java.naming; // which is Referenceable

    exports dev.troubleticket.store.jdbc;
}
