package dev.troubleticket.testkit;

import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.model.CreateTicketRequest;

/**
 * What every provider simulator offers beyond its provider-specific test API, so that tools (the
 * {@code ticketctl demo} and {@code simulate} commands, the neutral contract tests) can drive any of them
 * the same way.
 */
public interface ProviderSimulator extends AutoCloseable {

    /** The provider id the simulator stands for: {@code kosc}, {@code masstack} or {@code nexera}. */
    String provider();

    /** Starts on the given loopback port, {@code 0} for any free one; answers itself. */
    ProviderSimulator start(int port);

    /** The HTTP server it runs on (base URL, request count, fault injection). */
    SimulatorServer server();

    /** The base URL the adapter should be given. */
    default String baseUrl() {
        return server().baseUrl();
    }

    /**
     * Settings with which {@code TicketingClients.create(provider(), settings)} builds a client that talks
     * to this simulator with its built-in test account.
     */
    ProviderSettings clientSettings();

    /**
     * A neutral create request that this provider accepts, with the given external reference: what the
     * examples, the reliability suite, the benchmarks and the contract tests create. Each call gives a request
     * that may be created next to the earlier ones (Kosc allows one open ticket per service and diagnostic run).
     */
    CreateTicketRequest sampleCreateRequest(String reference);

    /** The provider asks the operator for information on a ticket (Kosc defers, MasStack TO05, TMF pending). */
    void askForInformation(String ticketId, String question);

    /** The provider resolves / clears a ticket (Kosc cleared, MasStack TO07, TMF resolved). */
    void resolve(String ticketId, String resolution);

    /** How many tickets the simulator has created in all (to prove that nothing was created twice). */
    int ticketsCreated();

    /** Stops the server. */
    @Override
    void close();
}
