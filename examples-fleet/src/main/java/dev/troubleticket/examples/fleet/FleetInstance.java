package dev.troubleticket.examples.fleet;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.store.jdbc.JdbcSubscriptionStore;
import dev.troubleticket.store.jdbc.JdbcTicketEventHandler;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * One instance of the fleet, run by {@link FleetDemo} in a JVM of its own: subscribes to Kosc's events under the
 * fleet's subscription name with the JDBC store, and records each event it handles in {@value #HANDLED_TABLE}, in
 * the store's transaction (so that the row and the subscription's record of the event commit together). Only the
 * lease holder reads; the others wait for the lease.
 *
 * <p>Arguments: {@code INSTANCE JDBC_URL SUBSCRIPTION LEASE_TTL_MILLIS KEY=VALUE...} (the Kosc client's settings);
 * the database user and password come from the environment ({@value #USER_ENV}, {@value #PASSWORD_ENV}), not the
 * command line, where other users of the machine could read them.
 */
public final class FleetInstance {
    /** The table the handlers write: one row per handling, so that an event handled twice shows as two rows. */
    public static final String HANDLED_TABLE = "fleet_handled";
    static final String USER_ENV = "FLEET_DB_USER";
    static final String PASSWORD_ENV = "FLEET_DB_PASSWORD";

    private FleetInstance() {
    }

    public static void main(String[] args) throws Exception {
        String instance = args[0];
        String jdbcUrl = args[1];
        String subscriptionName = args[2];
        Duration leaseTtl = Duration.ofMillis(Long.parseLong(args[3]));
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 4; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        JdbcSubscriptionStore store = JdbcSubscriptionStore.builder(jdbcUrl, System.getenv(USER_ENV), System.getenv(PASSWORD_ENV))
                .inboxPollInterval(Duration.ofMillis(100)).build();
        JdbcTicketEventHandler handler = (event, connection) -> {
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO " + HANDLED_TABLE
                    + " (event_id, instance, handled_at) VALUES (?, ?, clock_timestamp())")) {
                s.setString(1, event.id());
                s.setString(2, instance);
                s.executeUpdate();
            }
        };
        CountDownLatch stopped = new CountDownLatch(1);
        TicketingClient client = TicketingClients.create("kosc", ProviderSettings.of(settings));
        TicketSubscription subscription = client.subscribe(handler, SubscriptionOptions.builder(subscriptionName)
                .store(store).owner(instance).leaseTtl(leaseTtl).pollInterval(Duration.ofMillis(200)).build());
        // SIGTERM (Process.destroy) closes the subscription, which releases the lease; SIGKILL leaves it to lapse.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            subscription.close();
            client.close();
            stopped.countDown();
        }, "fleet-instance-stop"));
        subscription.start();
        System.out.println(instance + " started, " + (subscription.health().holdsLease() ? "holding the lease" : "waiting for the lease"));
        System.out.flush();
        stopped.await();
    }
}
