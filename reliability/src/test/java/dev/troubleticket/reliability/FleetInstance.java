package dev.troubleticket.reliability;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketEventHandler;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.TransactionalTicketEventHandler;
import dev.troubleticket.store.jdbc.JdbcSubscriptionStore;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One instance of the fleet that {@link FleetChaosTest} runs in a JVM of its own: it subscribes to every provider
 * under the fleet's shared subscription names, once per {@link Mode}, on a {@link JdbcSubscriptionStore} over a pool
 * to the test's PostgreSQL, and records each event it hands over in {@value #HANDLED} with its own name. It runs until
 * its standard input says {@code stop} or ends (then it closes its subscriptions, releasing their leases), or until
 * the test kills it.
 *
 * <p>Its settings come from a properties file named by the first argument (written by the test, read only here),
 * the database password from the environment ({@code FLEET_DB_PASSWORD}), so that no secret is on a command line.
 */
public final class FleetInstance {
    /**
     * The table the handlers write to, after the store's table prefix: no unique key, so that an event handled twice
     * is there twice; {@code seq} is the order of insertion.
     */
    static final String HANDLED = "fleet_handled";
    static final String PASSWORD_VARIABLE = "FLEET_DB_PASSWORD";
    /** Printed once every subscription has started. */
    static final String READY = "FLEET-INSTANCE-READY";

    /** How the fleet's handler does its work. */
    enum Mode {
        /** In the store's transaction, which records the event: exactly one effect per event. */
        TRANSACTIONAL,
        /** On its own autocommit connection, before the store records the event: at least one effect per event. */
        AT_LEAST_ONCE;

        String label() {
            return this == TRANSACTIONAL ? "transactional" : "at-least-once";
        }
    }

    /** The subscription name shared by every instance for a provider and mode. */
    static String subscriptionName(String provider, Mode mode) {
        return "fleet-" + provider + "-" + mode.label();
    }

    private FleetInstance() {
    }

    /** Creates the handled table {@code table}. */
    static String handledDdl(String table) {
        return "CREATE TABLE IF NOT EXISTS " + table + " (seq bigserial PRIMARY KEY, subscription text NOT NULL,"
                + " event_id text NOT NULL, ticket_id text, kind text, status text, comment text, instance text NOT NULL,"
                + " handled_at timestamptz NOT NULL DEFAULT clock_timestamp())";
    }

    public static void main(String[] args) throws Exception {
        Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            settings.load(in);
        }
        String owner = settings.getProperty("owner");
        String insert = "INSERT INTO " + settings.getProperty("db.tablePrefix") + HANDLED
                + " (subscription, event_id, ticket_id, kind, status, comment, instance) VALUES (?, ?, ?, ?, ?, ?, ?)";
        Duration ttl = Duration.ofMillis(Long.parseLong(settings.getProperty("leaseTtlMillis")));
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(settings.getProperty("db.url"));
        pool.setUsername(settings.getProperty("db.user"));
        pool.setPassword(System.getenv(PASSWORD_VARIABLE));
        pool.setMaximumPoolSize(12);
        pool.setMinimumIdle(2);
        pool.setPoolName("fleet-" + owner);
        List<AutoCloseable> open = new ArrayList<>();
        try (HikariDataSource dataSource = new HikariDataSource(pool);
             JdbcSubscriptionStore store = JdbcSubscriptionStore.builder(dataSource)
                     .tablePrefix(settings.getProperty("db.tablePrefix"))
                     // A paused instance's open transaction must not hold its locks much past its lease.
                     .idleInTransactionTimeout(ttl)
                     .build()) {
            for (String provider : List.of("kosc", "masstack", "nexera")) {
                TicketingClient client = TicketingClients.create(provider, ProviderSettings.of(prefixed(settings, provider + ".")));
                open.add(client);
                for (Mode mode : Mode.values()) {
                    String name = subscriptionName(provider, mode);
                    SubscriptionOptions.Builder options = SubscriptionOptions.builder(name)
                            .store(store)
                            .owner(owner)
                            .leaseTtl(ttl)
                            .pollInterval(Duration.ofMillis(Long.parseLong(settings.getProperty(provider + ".pollMillis", "200"))))
                            .handlerThreads(2)
                            .retry(10, Duration.ofMillis(20), Duration.ofMillis(200));
                    String port = settings.getProperty("callbackPort." + name);
                    if (port != null) {
                        options.callback(new InetSocketAddress("127.0.0.1", Integer.parseInt(port)),
                                settings.getProperty("callbackUrl." + name));
                    }
                    TicketEventHandler handler = mode == Mode.TRANSACTIONAL
                            ? (TransactionalTicketEventHandler) (event, transaction) ->
                                    insert(transaction.unwrap(Connection.class), insert, name, event, owner)
                            : event -> {
                                try (Connection connection = dataSource.getConnection()) {
                                    insert(connection, insert, name, event, owner);
                                }
                            };
                    TicketSubscription subscription = client.subscribe(handler, options.build());
                    open.add(0, subscription);
                    subscription.start();
                }
            }
            System.out.println(READY + " " + owner);
            System.out.flush();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = commands.readLine()) != null && !line.trim().equals("stop")) {
                // nothing else is understood
            }
            for (AutoCloseable closeable : open) {
                closeable.close();
            }
            System.out.println("FLEET-INSTANCE-STOPPED " + owner);
        }
    }

    private static void insert(Connection connection, String sql, String subscription, TicketEvent event, String owner) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, subscription);
            insert.setString(2, event.id());
            insert.setString(3, event.ticketId());
            insert.setString(4, event.kind() == null ? null : event.kind().name());
            insert.setString(5, event.status() == null ? null : event.status().name());
            insert.setString(6, event.comment());
            insert.setString(7, owner);
            insert.executeUpdate();
        }
    }

    private static Map<String, String> prefixed(Properties settings, String prefix) {
        Map<String, String> values = new HashMap<>();
        for (String key : settings.stringPropertyNames()) {
            if (key.startsWith(prefix) && !key.endsWith(".pollMillis")) {
                values.put(key.substring(prefix.length()), settings.getProperty(key));
            }
        }
        return values;
    }
}
