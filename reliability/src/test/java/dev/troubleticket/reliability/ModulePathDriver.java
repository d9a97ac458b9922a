package dev.troubleticket.reliability;

import dev.troubleticket.core.Capability;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketQuery;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.StartPosition;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.testkit.ProviderSimulator;
import dev.troubleticket.testkit.ProviderSimulators;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What an application does with the SDK, run by {@link ModulePathTest} in a JVM that has the library modules on
 * the module path (this class is on the class path, so it sees only what they export): for every simulator the
 * testkit registers, a client found through the ServiceLoader creates, reads, lists, comments and follows a ticket
 * through a subscription (Jetty's receiver for a push provider) until the provider resolves it. The readers and
 * wire types that Jackson instantiates and binds, the services and the qualified exports are used as in an
 * application; a package not opened to Jackson, a missing {@code provides} or {@code uses} fails here.
 */
public final class ModulePathDriver {
    private ModulePathDriver() {
    }

    public static void main(String[] args) throws Exception {
        List<String> providers = ProviderSimulators.available();
        check(!providers.isEmpty(), "no simulator registered");
        for (String provider : providers) {
            run(provider);
        }
        System.out.println("module path: " + providers + " passed in " + ModulePathDriver.class.getModule()
                + " against " + TicketingClient.class.getModule());
    }

    private static void run(String provider) throws Exception {
        try (ProviderSimulator simulator = ProviderSimulators.create(provider).start(0);
             TicketingClient client = TicketingClients.create(provider, simulator.clientSettings())) {
            Ticket created = client.create(simulator.sampleCreateRequest("MP-" + provider));
            check(client.get(created.id()).id().equals(created.id()), provider + ": get answered another ticket");
            if (client.supports(Capability.LIST)) {
                check(client.list(TicketQuery.all()).iterator().hasNext(), provider + ": empty list");
            }
            if (client.supports(Capability.COMMENT)) {
                client.comment(created.id(), "read on the module path");
            }
            if (client.supports(Capability.HISTORY)) {
                client.history(created.id());
            }
            client.allowedTransitions(created.id());

            List<TicketEvent> events = new CopyOnWriteArrayList<>();
            SubscriptionOptions.Builder options = SubscriptionOptions.builder("module-path-" + provider)
                    .start(StartPosition.beginning())
                    .pollInterval(Duration.ofMillis(50));
            if (client.supports(Capability.PUSH_NOTIFICATIONS)) {
                options.callback(new InetSocketAddress("127.0.0.1", 0), null);
            }
            try (TicketSubscription subscription = client.subscribe(events::add, options.build()).start()) {
                subscription.follow(created.id());
                simulator.resolve(created.id(), "fixed on the module path");
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!resolved(events, created.id()) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                check(resolved(events, created.id()), provider + ": no event told of the resolution; events: " + events);
                subscription.cancel();
            }
            System.out.println(provider + ": created " + created.id() + ", " + events.size() + " events");
        }
    }

    private static boolean resolved(List<TicketEvent> events, String ticketId) {
        return events.stream().anyMatch(e -> ticketId.equals(e.ticketId()) && e.status() == TicketStatus.RESOLVED);
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }
}
