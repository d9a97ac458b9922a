package dev.troubleticket.examples.demo;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.model.AllowedTransition;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.core.subscription.StartPosition;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.examples.support.ProviderSupport;
import dev.troubleticket.testkit.ProviderSimulator;
import dev.troubleticket.testkit.ProviderSimulators;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Walks one ticket through its real lifecycle at a provider's in-process simulator, through the neutral
 * API only: the operator opens it, the provider asks for information, the operator answers, the provider
 * resolves it, the operator closes it — while the provider's events are followed through the neutral
 * subscription ({@link TicketingClient#subscribe}), whichever way the provider delivers them (polling,
 * re-reading or pushed callbacks). Prints an account as it goes: after each step, the events it caused, waited
 * for briefly, so that the account reads in order; an event that comes later is printed, labelled, with the step
 * during which it arrived.
 */
public final class LifecycleDemo {
    private static final Duration EVENT_WAIT = Duration.ofSeconds(15);
    /** How long a step waits for the event it caused; a provider may tell none (MasStack: no event of an opening). */
    private static final Duration STEP_EVENT_WAIT = Duration.ofSeconds(3);
    private static final Duration OPENING_EVENT_WAIT = Duration.ofSeconds(1);

    private final PrintWriter out;
    private final Object printLock = new Object();

    public LifecycleDemo(PrintWriter out) {
        this.out = out;
    }

    /** What one provider's walk showed. */
    public record Outcome(String provider, String ticketId, List<TicketStatus> statuses, String finalProviderStatus,
                          int eventsFollowed, int historyEntries, int requests, int ticketsCreated, Duration elapsed,
                          String failure) {
        /** Whether the walk ended with a closed ticket and the events followed. */
        public boolean succeeded() {
            return failure == null;
        }
    }

    /** Runs the walk for one provider. */
    public Outcome run(ProviderSupport support) {
        Instant started = Instant.now();
        List<TicketStatus> statuses = new ArrayList<>();
        List<TicketEvent> followed = new CopyOnWriteArrayList<>();
        java.util.concurrent.BlockingQueue<TicketEvent> unprinted = new java.util.concurrent.LinkedBlockingQueue<>();
        Map<String, Boolean> seenEventIds = new ConcurrentHashMap<>();
        String id = support.id();
        String ticketId = null;
        ProviderSimulator simulator = ProviderSimulators.create(id).start(0);
        try (simulator; TicketingClient client = TicketingClients.create(id, simulator.clientSettings())) {
            say(id, "simulator listening on " + simulator.baseUrl() + "; events followed by " + support.followedBy());
            // Short enough for every provider: MasStack updates take references of at most 15 characters.
            Ticket ticket = client.create(simulator.sampleCreateRequest("DEMO-" + id.substring(0, 3).toUpperCase() + "-" + started.toEpochMilli() % 100000));
            ticketId = ticket.id();
            // The same options for every provider: each uses what applies to it (the interval when polled, the
            // callback address when it pushes) and ignores the rest.
            SubscriptionOptions options = SubscriptionOptions.builder("demo-" + id)
                    .start(StartPosition.at(started.minusSeconds(1)))
                    .pollInterval(Duration.ofMillis(100))
                    .callback(new InetSocketAddress("127.0.0.1", 0), null)
                    .tickets(Set.of(ticketId))
                    .build();
            TicketSubscription subscription = client.subscribe(event -> {
                // At least once: an event may come again after a restart, so the handler keys on the event's id.
                if (event.id() == null || seenEventIds.putIfAbsent(event.id(), Boolean.TRUE) == null) {
                    followed.add(event);
                    unprinted.add(event);
                }
            }, options);
            // Nothing is kept (the store is in memory), so the provider's side of the subscription goes at the end too.
            try (AutoCloseable cancelled = subscription::cancel) {
                subscription.start();
                record(id, statuses, ticket, "opened ticket " + ticket.id() + " (reference " + ticket.externalReference() + ")");
                printEvents(id, unprinted, ticket.status(), OPENING_EVENT_WAIT);

                simulator.askForInformation(ticketId, "Is the customer's modem powered on and synchronised?");
                Ticket asked = client.get(ticketId);
                record(id, statuses, asked, "the provider asks for information");
                printEvents(id, unprinted, asked.status(), STEP_EVENT_WAIT);
                say(id, "allowed next: " + client.allowedTransitions(ticketId).stream()
                        .map(AllowedTransition::target).map(Enum::name).distinct().collect(Collectors.joining(", ")));

                Ticket answered = client.transition(ticketId, StatusChange.to(TicketStatus.IN_PROGRESS)
                        .withComment("The modem is on; its DSL light blinks."));
                record(id, statuses, answered, "the operator answers");
                printEvents(id, unprinted, answered.status(), STEP_EVENT_WAIT);

                simulator.resolve(ticketId, "Line resynchronised at the DSLAM.");
                Ticket resolved = client.get(ticketId);
                record(id, statuses, resolved, "the provider resolves it");
                printEvents(id, unprinted, resolved.status(), STEP_EVENT_WAIT);

                Ticket closed = client.transition(ticketId, StatusChange.to(TicketStatus.CLOSED)
                        .withComment("Customer confirms the line works again."));
                record(id, statuses, closed, "the operator closes it");

                awaitClosedEvent(followed);
                printEvents(id, unprinted, closed.status(), Duration.ZERO);
                // What a provider tells after the last step (Nexera's attribute changes) is printed with it.
                Thread.sleep(200);
                printEvents(id, unprinted, null, Duration.ZERO);
                int history = historySize(client, ticketId);
                String finalStatus = client.get(ticketId).providerStatus();
                Outcome outcome = new Outcome(id, ticketId, statuses, finalStatus, followed.size(), history,
                        simulator.server().requestCount(), simulator.ticketsCreated(), Duration.between(started, Instant.now()),
                        closed.status() == TicketStatus.CLOSED ? null : "ticket ended " + closed.status());
                say(id, "done: " + followed.size() + " events followed, " + history + " history entries, "
                        + outcome.requests() + " HTTP requests");
                return outcome;
            }
        } catch (Exception e) {
            say(id, "FAILED: " + e.getMessage());
            return new Outcome(id, ticketId, statuses, null, followed.size(), 0, simulator.server().requestCount(),
                    simulator.ticketsCreated(), Duration.between(started, Instant.now()), e.toString());
        }
    }

    /**
     * Prints the events followed since the last step, waiting at most {@code wait} for one that tells
     * {@code status} (the step's outcome); events that came after their step are labelled so.
     */
    private void printEvents(String provider, java.util.concurrent.BlockingQueue<TicketEvent> unprinted, TicketStatus status,
                             Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = status == null;
        while (true) {
            TicketEvent event = told ? unprinted.poll()
                    : unprinted.poll(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            if (event == null) {
                break;
            }
            say(provider, "  ↳ event followed: " + describe(event));
            told |= event.status() == status;
        }
        if (!told && wait.compareTo(Duration.ZERO) > 0) {
            say(provider, "  ↳ (no event told this step within " + wait.toSeconds() + " s: the provider reports it with a later one, or not at all)");
        }
    }

    private void awaitClosedEvent(List<TicketEvent> followed) throws InterruptedException {
        long deadline = System.nanoTime() + EVENT_WAIT.toNanos();
        while (followed.stream().noneMatch(e -> e.status() == TicketStatus.CLOSED) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (followed.stream().noneMatch(e -> e.status() == TicketStatus.CLOSED)) {
            throw new IllegalStateException("the event of the ticket's closing was not followed within " + EVENT_WAIT.toSeconds() + " s");
        }
    }

    private static int historySize(TicketingClient client, String ticketId) {
        return client.supports(dev.troubleticket.core.Capability.HISTORY) ? client.history(ticketId).size() : 0;
    }

    private void record(String provider, List<TicketStatus> statuses, Ticket ticket, String what) {
        statuses.add(ticket.status());
        say(provider, what + " → " + ticket.status() + " (" + provider + ": " + ticket.providerStatus() + ")");
    }

    private static String describe(TicketEvent event) {
        StringBuilder text = new StringBuilder(event.kind().name());
        if (event.status() != null) {
            text.append(" → ").append(event.status()).append(" (").append(event.providerStatus()).append(')');
        }
        if (event.providerType() != null) {
            text.append(" [").append(event.providerType()).append(']');
        }
        if (event.comment() != null) {
            String comment = event.comment().replaceAll("\\s+", " ");
            text.append(": \"").append(comment.length() > 60 ? comment.substring(0, 59) + "…" : comment).append('"');
        }
        return text.toString();
    }

    private void say(String provider, String text) {
        synchronized (printLock) {
            out.printf("[%-8s] %s%n", provider, text);
            out.flush();
        }
    }
}
