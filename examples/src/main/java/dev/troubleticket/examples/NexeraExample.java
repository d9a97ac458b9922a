package dev.troubleticket.examples;

import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.nexera.Tmf621Api;
import dev.troubleticket.nexera.Tmf621Client;
import dev.troubleticket.nexera.TroubleTicketFilter;
import dev.troubleticket.nexera.model.TroubleTicket;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Nexera's TMF621 API: filtered, paged listing, and events pushed to an embedded listener that the neutral
 * subscription registers at the provider as a hub (and unregisters when cancelled).
 *
 * <p>Run {@code ./example NexeraExample}: it runs against an in-process Nexera simulator.
 */
public final class NexeraExample {
    private NexeraExample() {
    }

    public static void main(String[] args) throws Exception {
        run(new PrintWriter(System.out, true));
    }

    /** Runs the example, printing what it does. */
    public static void run(PrintWriter out) throws Exception {
        try (NexeraSimulator nexera = new NexeraSimulator().start(0);
             Tmf621Client client = (Tmf621Client) TicketingClients.create("nexera", nexera.clientSettings())) {
            Tmf621Api api = client.unwrap(Tmf621Api.class);
            String id = client.create(nexera.sampleCreateRequest("INC-7")).id();

            // Receive the provider's callbacks on a loopback port (port 0: any free one; the embedded receiver needs
            // sdk-listener-jetty at run time). Each notification is written to the store's inbox before Nexera is
            // answered 2xx, and handed over from there.
            List<TicketEvent> events = new CopyOnWriteArrayList<>();
            SubscriptionOptions options = SubscriptionOptions.builder("nexera-example")
                    .callback(new InetSocketAddress("127.0.0.1", 0), null)
                    .build();
            TicketSubscription listening = client.subscribe(events::add, options).start();
            try {
                nexera.acknowledge(id);
                nexera.resolve(id, "ONT replaced");
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (events.size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            } finally {
                // The store is in memory, so nothing could resume this subscription: remove the hub from Nexera too.
                listening.cancel();
            }
            events.forEach(e -> out.println("pushed " + e.providerType() + ": " + e.status() + " (" + e.providerStatus() + ")"));

            // TMF621 filtering: resolved tickets created in the last hour, only some fields, 50 per page.
            TroubleTicketFilter resolved = TroubleTicketFilter.builder().status("resolved")
                    .date(TroubleTicketFilter.DateField.CREATION_DATE, TroubleTicketFilter.Comparison.AT_OR_AFTER,
                            Instant.now().minus(Duration.ofHours(1)))
                    .fields("id", "status", "externalId").pageSize(50).build();
            for (TroubleTicket ticket : api.list(resolved)) {
                out.println("resolved ticket " + ticket.id() + " (" + ticket.externalId() + ")");
            }
        }
        out.flush();
    }
}
