package dev.troubleticket.reliability;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.testkit.ProviderSimulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the suite needs to know about one provider to drive it the same way as the others: its
 * simulator, a valid create request, its token endpoint, how to expire tokens, what counts as a
 * secret, and how to count the tickets the simulator holds per external reference.
 */
abstract class ProviderProfile {

    /** The three providers, in the report's order. */
    static List<ProviderProfile> all() {
        return List.of(new KoscProfile(), new MasStackProfile(), new NexeraProfile());
    }

    /** The profile of one provider id. */
    static ProviderProfile of(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    abstract String id();

    /** A new simulator, not started. */
    abstract ProviderSimulator newSimulator();

    /** The settings (secrets included) with which a client talks to the started simulator. */
    abstract Map<String, String> settings(ProviderSimulator simulator);

    /**
     * A create request the simulator accepts: its {@code sampleCreateRequest}, whose provider-side keys are new on
     * each call (Kosc's service and diagnostic run).
     */
    final CreateTicketRequest request(String reference) {
        return samples().sampleCreateRequest(reference);
    }

    private ProviderSimulator samples;

    /** A simulator of the provider that is never started: it only writes sample requests. */
    private synchronized ProviderSimulator samples() {
        if (samples == null) {
            samples = newSimulator();
        }
        return samples;
    }

    /** Paths of the token endpoint (only slow-token faults there). */
    abstract Predicate<String> tokenPaths();

    /** How many tokens the simulator has handed out (logins, refreshes, token calls). */
    abstract int tokensIssued(ProviderSimulator simulator);

    /** Makes every token issued so far invalid, as an expiry in the middle of a run does. */
    abstract void expireTokens(ProviderSimulator simulator);

    /**
     * Whether the adapter makes a repeated create safe (it looks the ticket up by its reference before
     * sending again), so that a back office may call create again after a failure.
     */
    abstract boolean createIsSafeToRepeat();

    /** The configured secrets, which must appear in no log line, message or {@code toString()}. */
    abstract List<String> secrets(ProviderSimulator simulator);

    /**
     * How many tickets the simulator holds for each external reference (read after the faults are removed),
     * to find any ticket created twice.
     */
    abstract Map<String, Integer> ticketsByReference(ProviderSimulator simulator, TicketingClient client);

    /**
     * Has the simulator emit events that concern no ticket (Kosc's order and service feed), which a subscription
     * delivers too; answers them. Default: the provider has none.
     */
    List<AccountEvent> emitAccountEvents(ProviderSimulator simulator, int round) {
        return List.of();
    }

    /**
     * The events of {@code tickets} the provider holds or sent, where its simulator can tell, that never reached the
     * handler; 0 where the simulator keeps no event (the statuses each ticket went through are checked for every
     * provider). {@code hubId} is the push registration the subscription's store holds, if any.
     */
    long eventsMissed(ProviderSimulator simulator, List<String> tickets, DeliveryLog handled, Optional<String> hubId) {
        return 0;
    }

    /** An event of no ticket: its id, and the order or service it concerns (whose events keep their order). */
    record AccountEvent(String lane, String eventId) {
    }

    @Override
    public String toString() {
        return id();
    }
}
