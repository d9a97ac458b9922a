package dev.troubleticket.nexera;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketEventHandler;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.HubRegistration;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import dev.troubleticket.testkit.nexera.CallbackDelivery;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * What the push subscription tests share: a Nexera simulator, a client of it, one loopback address the receiver
 * binds for the whole test (so that a restart reuses the hub), and the subscriptions opened, closed at the end.
 */
final class PushHarness implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(15);

    final NexeraSimulator simulator;
    final Tmf621Client client;
    final InetSocketAddress bind = FreePorts.loopback();
    private final List<TicketSubscription> opened = new ArrayList<>();

    PushHarness(NexeraSimulator simulator) {
        this(simulator, Map.of());
    }

    /** With {@code settings} added to the simulator's client settings. */
    PushHarness(NexeraSimulator simulator, Map<String, String> settings) {
        this.simulator = simulator;
        Map<String, String> all = new HashMap<>(simulator.clientSettings().asMap());
        all.putAll(settings);
        this.client = (Tmf621Client) TicketingClients.create("nexera", ProviderSettings.of(all));
    }

    PushHarness() {
        this(new NexeraSimulator().start(0));
    }

    /** Options for a subscription named {@code name} in {@code store}, its receiver on {@link #bind}. */
    SubscriptionOptions.Builder options(String name, SubscriptionStore store) {
        return SubscriptionOptions.builder(name).store(store).callback(bind, null);
    }

    TicketSubscription subscribe(TicketEventHandler handler, SubscriptionOptions options) {
        TicketSubscription subscription = client.subscribe(handler, options);
        opened.add(subscription);
        return subscription;
    }

    String openTicket() {
        return client.create(simulator.sampleCreateRequest("REF-" + UUID.randomUUID().toString().substring(0, 8))).id();
    }

    /** The hub registration the store holds for {@code name}. */
    static HubRegistration hubOf(SubscriptionStore store, String name) {
        return store.hub(name).orElseThrow(() -> new AssertionError("no hub registration stored for " + name));
    }

    /** The simulator's posts of the events of {@code type} about {@code ticket}, one per attempt. */
    List<CallbackDelivery> attempts(String ticket, String type) {
        return simulator.callbackAttempts().stream().filter(a -> a.ticketId().equals(ticket) && a.eventType().equals(type)).toList();
    }

    static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        opened.forEach(TicketSubscription::close);
        client.close();
        simulator.close();
    }

    /** Records what reached the handler. */
    static final class Received implements TicketEventHandler {
        final List<TicketEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void handle(TicketEvent event) {
            events.add(event);
        }

        long count(String ticket, TicketStatus status) {
            return events.stream().filter(e -> ticket.equals(e.ticketId()) && e.status() == status).count();
        }

        boolean saw(String ticket, TicketStatus status) {
            return count(ticket, status) > 0;
        }
    }
}
