package dev.troubleticket.reliability;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketQuery;
import dev.troubleticket.testkit.ProviderSimulator;
import dev.troubleticket.testkit.kosc.KoscSimulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Kosc: v2 login with refresh tokens, safe creates (looked up by reference), a ticket list. */
final class KoscProfile extends ProviderProfile {

    @Override
    String id() {
        return "kosc";
    }

    @Override
    ProviderSimulator newSimulator() {
        return new KoscSimulator();
    }

    @Override
    Map<String, String> settings(ProviderSimulator simulator) {
        return simulator.clientSettings().asMap();
    }

    @Override
    Predicate<String> tokenPaths() {
        return path -> path.contains("/account/");
    }

    @Override
    int tokensIssued(ProviderSimulator simulator) {
        KoscSimulator kosc = (KoscSimulator) simulator;
        return kosc.loginCount() + kosc.refreshCount();
    }

    @Override
    void expireTokens(ProviderSimulator simulator) {
        ((KoscSimulator) simulator).revokeTokens();
    }

    @Override
    boolean createIsSafeToRepeat() {
        return true;
    }

    @Override
    List<String> secrets(ProviderSimulator simulator) {
        return List.of(KoscSimulator.PASSWORD);
    }

    /** Three orders' feed events a round, the orders taking turns, so that each order has a sequence to keep. */
    @Override
    List<AccountEvent> emitAccountEvents(ProviderSimulator simulator, int round) {
        KoscSimulator kosc = (KoscSimulator) simulator;
        List<AccountEvent> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String order = "order-" + (round + i) % 4;
            events.add(new AccountEvent(order, kosc.emitOrderEvent(order, i == 2 ? "order-done" : "order-running", null)));
        }
        return events;
    }

    /** Each ticket's events (the simulator counts them) beyond those the handler got. */
    @Override
    long eventsMissed(ProviderSimulator simulator, List<String> tickets, DeliveryLog handled, Optional<String> hubId) {
        KoscSimulator kosc = (KoscSimulator) simulator;
        return tickets.stream().mapToLong(id -> Math.max(0, kosc.ticketEventCount(id) - handled.eventsOf(id))).sum();
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
