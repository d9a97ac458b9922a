package dev.troubleticket.examples;

import dev.troubleticket.core.error.RateLimitedException;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.StartPosition;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.kosc.KoscApi;
import dev.troubleticket.kosc.KoscClient;
import dev.troubleticket.kosc.model.KoscEvent;
import dev.troubleticket.kosc.model.OrderInfoMessage;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Kosc's own API, beyond the neutral one: the v2 login, the account-wide order and service feed followed
 * through the neutral subscription (and each event read back typed through {@link KoscApi}), and order
 * information messages with their five-minute throttle.
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
        Duration wait = Duration.ofSeconds(15);
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

            // Follow the feed through the neutral subscription: at least once, in creation order, the position kept in the
            // store only after the handler returned. The feed's events are provider events (they name an order or a
            // service, not a ticket); ticket changes come through the same subscription. Kosc asks for no more than one
            // poll every 30 seconds (the default interval); a backlog is read at once, page after page.
            List<TicketEvent> received = new CopyOnWriteArrayList<>();
            SubscriptionOptions options = SubscriptionOptions.builder("kosc-example")
                    .store(new InMemorySubscriptionStore())      // FileSubscriptionStore.open(path) to survive a restart
                    .start(StartPosition.beginning())
                    .kinds(Set.of(TicketEvent.Kind.PROVIDER_EVENT))
                    .build();
            try (TicketSubscription feed = client.subscribe(received::add, options).start()) {
                long deadline = System.nanoTime() + wait.toNanos();
                while (received.size() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
            for (TicketEvent neutral : received) {
                // The neutral event carries Kosc's event id: the typed API reads the event with its typed data.
                KoscEvent event = api.getEvent(neutral.id());
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
