package dev.troubleticket.examples.cli;

import dev.troubleticket.core.subscription.store.SubscriptionStoreException;
import dev.troubleticket.store.jdbc.JdbcStoreReport;
import dev.troubleticket.store.jdbc.JdbcSubscriptionStore;
import java.util.function.Supplier;

/**
 * Opens the PostgreSQL store of a {@code --store jdbc:...} value for {@code watch} and {@code store}. What the user
 * can fix (a URL the driver refuses, a server out of reach, a wrong password, missing tables) becomes one
 * {@link UsageException} sentence that names the URL with its password masked.
 */
final class JdbcStores {
    private JdbcStores() {
    }

    /** A store over the URL's tables of {@code prefix} ({@code null}: the store's default), not yet read. */
    static JdbcSubscriptionStore open(StoreUrl url, String prefix) {
        try {
            JdbcSubscriptionStore.Builder builder = JdbcSubscriptionStore.builder(url.url(), url.user(), url.password());
            if (prefix != null) {
                builder.tablePrefix(prefix);
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(url.scrub(refused(url, e)));
        }
    }

    /** A read-only report over the same tables. */
    static JdbcStoreReport report(StoreUrl url, String prefix) {
        try {
            return JdbcStoreReport.connect(url.url(), url.user(), url.password(), prefix);
        } catch (IllegalArgumentException e) {
            throw new UsageException(url.scrub(refused(url, e)));
        }
    }

    /** The store, once its tables are known to be there at this SDK's version; else what to run. */
    static JdbcSubscriptionStore openMigrated(StoreUrl url, String prefix) {
        JdbcSubscriptionStore store = open(url, prefix);
        int version = call(url, store::schemaVersion);
        if (version == 0) {
            throw new UsageException("the store " + url + " has no tables" + (prefix == null ? "" : " with prefix '" + prefix + "'")
                    + ": create them with ticketctl store migrate --store " + url + (prefix == null ? "" : " --prefix " + prefix));
        }
        if (version != JdbcSubscriptionStore.SCHEMA_VERSION) {
            throw new UsageException("the store " + url + " is at schema version " + version + ", this ticketctl knows version "
                    + JdbcSubscriptionStore.SCHEMA_VERSION + (version < JdbcSubscriptionStore.SCHEMA_VERSION
                            ? ": bring it up to date with ticketctl store migrate --store " + url : ": use a newer ticketctl"));
        }
        return store;
    }

    /** Runs a call to the database, a failure being one sentence with the store's own words (password masked). */
    static <T> T call(StoreUrl url, Supplier<T> work) {
        try {
            return work.get();
        } catch (SubscriptionStoreException e) {
            throw new UsageException(url.scrub("the store " + url + " cannot be used: " + e.getMessage()));
        }
    }

    private static String refused(StoreUrl url, IllegalArgumentException e) {
        return "--store " + url + ": " + e.getMessage();
    }
}
