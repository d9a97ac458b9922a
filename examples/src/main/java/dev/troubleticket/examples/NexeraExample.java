package dev.troubleticket.examples;

import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.nexera.Tmf621Api;
import dev.troubleticket.nexera.Tmf621Client;
import dev.troubleticket.nexera.Tmf621Subscription;
import dev.troubleticket.nexera.TroubleTicketFilter;
import dev.troubleticket.nexera.model.TroubleTicket;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.examples.support.ProviderSupport;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Nexera's TMF621 API: filtered, paged listing, and events pushed to an embedded listener that the SDK
 * registers at the provider as a hub (and unregisters on close).
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
            String id = client.create(ProviderSupport.of("nexera").sampleRequest("INC-7")).id();

            // Receive the provider's callbacks on a loopback port (port 0: any free one). Nexera sends no credentials
            // with them, so the callback URL registered carries a secret token (needs sdk-listener-jetty at run time).
            List<TicketEvent> events = new CopyOnWriteArrayList<>();
            try (Tmf621Subscription listening = client.listen("127.0.0.1:0", events::add)) {
                nexera.acknowledge(id);
                nexera.resolve(id, "ONT replaced");
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (events.size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
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
