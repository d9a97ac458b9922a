package dev.troubleticket.reliability;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketQuery;
import dev.troubleticket.testkit.ProviderSimulator;
import dev.troubleticket.testkit.nexera.NexeraSimulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Nexera (TMF621): OAuth2 client credentials, safe creates, a list, events pushed to a listener. */
final class NexeraProfile extends ProviderProfile {
    static final String CALLBACK_SECRET = "reliability-callback-secret-7f3a";

    @Override
    String id() {
        return "nexera";
    }

    @Override
    ProviderSimulator newSimulator() {
        // A receiver down for a restart gets what it missed: the provider tries each notification for about 40 s.
        return new NexeraSimulator().callbackSecret(CALLBACK_SECRET).callbackRetries(12, Duration.ofMillis(20));
    }

    @Override
    Map<String, String> settings(ProviderSimulator simulator) {
        return ((NexeraSimulator) simulator).tokenClientSettings().asMap();
    }

    @Override
    Predicate<String> tokenPaths() {
        return path -> path.equals(NexeraSimulator.TOKEN_PATH);
    }

    @Override
    int tokensIssued(ProviderSimulator simulator) {
        return ((NexeraSimulator) simulator).tokensIssued();
    }

    @Override
    void expireTokens(ProviderSimulator simulator) {
        ((NexeraSimulator) simulator).revokeTokens();
    }

    @Override
    boolean createIsSafeToRepeat() {
        return true;
    }

    @Override
    List<String> secrets(ProviderSimulator simulator) {
        return List.of(NexeraSimulator.PASSWORD, NexeraSimulator.CLIENT_SECRET, CALLBACK_SECRET);
    }

    /**
     * Notifications about the tickets that the receiver answered 2xx but the handler never got, and those to the
     * subscription's hub that the simulator gave up on. The simulator gives each hub's copy of an event its own id, so
     * a copy given up on at a hub left over by a registration whose answer was lost is not counted (the workload checks
     * that no such hub remains).
     */
    @Override
    long eventsMissed(ProviderSimulator simulator, List<String> tickets, DeliveryLog handled, Optional<String> hubId) {
        Set<String> ofTickets = Set.copyOf(tickets);
        Set<String> eventIds = handled.eventIds();
        return ((NexeraSimulator) simulator).deliveries().stream()
                .filter(d -> ofTickets.contains(d.ticketId()))
                .filter(d -> d.delivered() ? !eventIds.contains(d.eventId()) : hubId.map(d.hubId()::equals).orElse(true))
                .count();
    }

    @Override
    Map<String, Integer> ticketsByReference(ProviderSimulator simulator, TicketingClient client) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Ticket ticket : client.list(TicketQuery.builder().pageSize(100).build())) {
            counts.merge(String.valueOf(ticket.externalReference()), 1, Integer::sum);
        }
        return counts;
    }
}
