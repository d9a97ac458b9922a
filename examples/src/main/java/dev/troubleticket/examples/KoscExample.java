package dev.troubleticket.examples;

import dev.troubleticket.core.feed.FeedSubscription;
import dev.troubleticket.core.feed.InMemoryCheckpointStore;
import dev.troubleticket.core.error.RateLimitedException;
import dev.troubleticket.kosc.KoscApi;
import dev.troubleticket.kosc.KoscClient;
import dev.troubleticket.kosc.model.KoscEvent;
import dev.troubleticket.kosc.model.OrderInfoMessage;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Kosc's own API, beyond the neutral one: the v2 login, the account-wide event feed followed with a
 * checkpoint, and order information messages with their five-minute throttle.
 *
 * <p>Run {@code ./example KoscExample}: it runs against an in-process Kosc simulator.
 */
public final class KoscExample {
    private KoscExample() {
    }

    public static void main(String[] args) throws InterruptedException {
        run(new PrintWriter(System.out, true));
    }

    /** Runs the example, printing what it does. */
    public static void run(PrintWriter out) throws InterruptedException {
        try (KoscSimulator kosc = new KoscSimulator().start(0);
             KoscClient client = KoscClient.builder()
                     .baseUrl(kosc.baseUrl())
                     .v2Login(KoscSimulator.EMAIL, KoscSimulator.PASSWORD) // tokens renewed before they expire
                     .build()) {
            KoscApi api = client.unwrap(KoscApi.class);

            // Order events happen at Kosc; here the simulator emits some.
            kosc.emitOrderEvent("order-1", "order-submitted", Map.of("kosc_order_ref", "O170331_12004"));
            kosc.emitOrderEvent("order-1", "order-appointment-agreed",
                    Map.of("start_date", "2017-04-22T10:12:00 AM.459593", "end_date", "2017-04-22T12:12:00 AM.459593"));
            kosc.emitOrderEvent("order-1", "order-completed", Map.of("service_uuid", "svc-1", "service_alias", "S190322_11001"));

            // Follow the feed: in creation order, at least once, checkpoint saved after each handled event.
            // Kosc asks for no more than one poll every 30 seconds; pages that are full are read at once.
            List<KoscEvent> received = new CopyOnWriteArrayList<>();
            try (FeedSubscription<KoscEvent> feed = api.subscribeToEvents(received::add, new InMemoryCheckpointStore(),
                    Duration.ofSeconds(30))) {
                feed.pollOnce();
            }
            for (KoscEvent event : received) {
                out.println("event " + event.type().value() + " on " + event.objectType() + " " + event.objectUuid() + ": " + event.data());
            }

            // Information messages: one per order every five minutes.
            api.sendOrderInfo("order-1", OrderInfoMessage.of("The customer is available from 9:00"));
            try {
                api.sendOrderInfo("order-1", OrderInfoMessage.stoppingDeferred("And the key is at the caretaker's"));
            } catch (RateLimitedException throttled) {
                out.println("second message throttled; next one allowed in " + throttled.retryAfter().orElseThrow());
            }
        }
        out.flush();
    }
}
