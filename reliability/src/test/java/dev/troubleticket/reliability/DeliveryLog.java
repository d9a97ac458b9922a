package dev.troubleticket.reliability;

import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An idempotent handler's memory, for every provider alike: each event by identity (ticket and event id) in the
 * order first handled, the statuses each ticket was told of, how many events came again (at least once allows it),
 * and which of those came after the store had recorded them as handled, a repeat the seen window must stop. For a
 * push provider it also keeps the order in which the store's inbox received each ticket's notifications, the order
 * the subscription must hand them over in (a provider that retries may send them in another order than they
 * happened).
 */
final class DeliveryLog {
    private final Set<String> firstSeen = new LinkedHashSet<>();
    private final Map<String, List<TicketStatus>> statuses = new HashMap<>();
    private final Map<String, Set<String>> eventIdsByTicket = new HashMap<>();
    private final Set<String> committed = new HashSet<>();
    private final List<String> repeatsAfterCommit = new ArrayList<>();
    private final Map<String, List<String>> receivedByTicket = new HashMap<>();
    private int repeats;

    /** What identifies an event for the handler. */
    static String identity(TicketEvent event) {
        return event.ticketId() + "/" + event.id();
    }

    /** Handles an event; answers whether it was new. */
    synchronized boolean record(TicketEvent event) {
        String identity = identity(event);
        if (!firstSeen.add(identity)) {
            repeats++;
            if (committed.contains(identity)) {
                repeatsAfterCommit.add(identity);
            }
            return false;
        }
        eventIdsByTicket.computeIfAbsent(String.valueOf(event.ticketId()), t -> new HashSet<>()).add(event.id());
        if (event.status() != null) {
            statuses.computeIfAbsent(String.valueOf(event.ticketId()), t -> new ArrayList<>()).add(event.status());
        }
        return true;
    }

    /** The store recorded the event of this identity as handled. */
    synchronized void committed(String identity) {
        committed.add(identity);
    }

    /** The store's inbox received the event of this identity (once: a repeat is not added). */
    synchronized void received(String ticketId, String identity) {
        receivedByTicket.computeIfAbsent(String.valueOf(ticketId), t -> new ArrayList<>()).add(identity);
    }

    /**
     * Tickets whose notifications were first handled in another order than the inbox received them: the order as
     * handled, by ticket.
     */
    synchronized Map<String, List<String>> outOfReceivedOrder() {
        Map<String, List<String>> broken = new HashMap<>();
        receivedByTicket.forEach((ticket, received) -> {
            Set<String> ofTicket = Set.copyOf(received);
            List<String> handled = firstSeen.stream().filter(ofTicket::contains).toList();
            if (!handled.equals(received.stream().filter(Set.copyOf(handled)::contains).toList())) {
                broken.put(ticket, handled);
            }
        });
        return broken;
    }

    /** Event identities in the order first handled. */
    synchronized List<String> inOrder() {
        return new ArrayList<>(firstSeen);
    }

    /** Whether an event with this id was handled (for events of no ticket, such as Kosc's order feed). */
    synchronized boolean handledEventId(String eventId) {
        return firstSeen.stream().anyMatch(identity -> identity.endsWith("/" + eventId));
    }

    /** The statuses the ticket's events told, in the order first handled. */
    synchronized List<TicketStatus> statusesOf(String ticketId) {
        return List.copyOf(statuses.getOrDefault(ticketId, List.of()));
    }

    /** Whether an event saying the ticket reached {@code status} was handled. */
    synchronized boolean saw(String ticketId, TicketStatus status) {
        return statuses.getOrDefault(ticketId, List.of()).contains(status);
    }

    /** How many distinct events of the ticket were handled. */
    synchronized int eventsOf(String ticketId) {
        return eventIdsByTicket.getOrDefault(ticketId, Set.of()).size();
    }

    /** The ids of every event handled. */
    synchronized Set<String> eventIds() {
        Set<String> ids = new HashSet<>();
        eventIdsByTicket.values().forEach(ids::addAll);
        return ids;
    }

    /** Events handed to the handler again (beyond their first time). */
    synchronized int repeats() {
        return repeats;
    }

    /** Repeats of events whose handling the store had recorded. */
    synchronized List<String> repeatsAfterCommit() {
        return List.copyOf(repeatsAfterCommit);
    }
}
