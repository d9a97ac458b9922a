package dev.troubleticket.reliability;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.feed.FeedSubscription;
import dev.troubleticket.core.feed.InMemoryCheckpointStore;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.kosc.KoscClient;
import dev.troubleticket.masstack.MasStackClient;
import dev.troubleticket.nexera.Tmf621Client;
import dev.troubleticket.nexera.Tmf621Subscription;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Follows a provider's ticket events the way its adapter offers (Kosc and MasStack: a polled
 * subscription driven here; Nexera: a listener the simulator pushes to) into an idempotent handler that
 * remembers, per ticket, the statuses it saw and counts events handed to it twice.
 */
final class EventFollower implements AutoCloseable {
    private final Map<String, Set<TicketStatus>> statusesByTicket = new ConcurrentHashMap<>();
    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    private final FeedSubscription<TicketEvent> polled;
    private final Tmf621Subscription pushed;

    EventFollower(TicketingClient client, Outcomes outcomes) {
        switch (client.provider()) {
            case "kosc" -> {
                polled = client.unwrap(KoscClient.class).followTickets(this::handle, new InMemoryCheckpointStore(), Duration.ZERO);
                pushed = null;
            }
            case "masstack" -> {
                polled = client.unwrap(MasStackClient.class).subscription("reliability", this::handle, new InMemoryCheckpointStore(),
                        Duration.ZERO);
                pushed = null;
            }
            default -> {
                polled = null;
                Tmf621Subscription hub = null;
                // Registering the hub goes through the faults too: a back office tries again.
                for (int attempt = 0; hub == null && attempt < 10; attempt++) {
                    hub = outcomes.call("listen", () -> client.unwrap(Tmf621Client.class)
                            .listen(new InetSocketAddress("127.0.0.1", 0), null, this::handle)).orElse(null);
                }
                if (hub == null) {
                    throw new IllegalStateException("could not register the listener in 10 tries");
                }
                pushed = hub;
            }
        }
    }

    private void handle(TicketEvent event) {
        if (event.id() != null && !eventIds.add(event.id())) {
            return; // idempotent: an event seen before changes nothing
        }
        if (event.status() != null) {
            statusesByTicket.computeIfAbsent(event.ticketId(), id -> ConcurrentHashMap.newKeySet()).add(event.status());
        }
    }

    /** One poll (a no-op for a pushed feed). */
    void poll(Outcomes outcomes) {
        if (polled != null) {
            outcomes.call("poll events", polled::pollOnce);
        }
    }

    /**
     * Polls until nothing new comes; for a pushed feed, waits until every ticket in {@code closedTickets}
     * has had its closing pushed, or 30 s have passed (the simulator pushes one notification at a time).
     */
    void drain(Outcomes outcomes, List<String> closedTickets) throws InterruptedException {
        if (polled == null) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (closedTickets.stream().anyMatch(id -> !saw(id, TicketStatus.CLOSED)) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(200); // what is still under way after the last closing, to be counted too
            return;
        }
        for (int quiet = 0, round = 0; quiet < 2 && round < 200; round++) {
            FeedSubscription.PollResult result = outcomes.call("poll events", polled::pollOnce).orElse(null);
            quiet = result != null && result.delivered() == 0 && !result.more() ? quiet + 1 : 0;
        }
    }

    /** Whether an event saying the ticket reached {@code status} was handled. */
    boolean saw(String ticketId, TicketStatus status) {
        return statusesByTicket.getOrDefault(ticketId, Set.of()).contains(status);
    }

    /** The hub registered at the provider for the listener, or {@code null} for a polled feed. */
    String hubId() {
        return pushed == null ? null : pushed.hub().id();
    }

    /** The ids of every event handled. */
    Set<String> eventIds() {
        return Set.copyOf(eventIds);
    }

    @Override
    public void close() {
        if (pushed != null) {
            pushed.close();
        }
    }
}
