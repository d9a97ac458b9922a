package dev.troubleticket.examples;

import dev.troubleticket.core.Capability;
import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketQuery;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.testkit.ProviderSimulator;
import dev.troubleticket.testkit.ProviderSimulators;
import java.io.PrintWriter;

/**
 * The neutral API, the same code for every provider: open a ticket, look at it, see what may be done
 * next, and close every resolved ticket.
 *
 * <p>Run {@code ./example NeutralExample [provider]}: with no provider settings in the environment it
 * runs against that provider's in-process simulator (default {@code kosc}).
 */
public final class NeutralExample {
    private NeutralExample() {
    }

    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "kosc", new PrintWriter(System.out, true));
    }

    /** Runs the example against the provider's simulator, printing what it does. */
    public static void run(String provider, PrintWriter out) {
        try (ProviderSimulator simulator = ProviderSimulators.create(provider).start(0)) {
            ProviderSettings settings = simulator.clientSettings();
            try (TicketingClient client = TicketingClients.create(provider, settings)) {
                out.println("connected to " + client.provider() + "; it supports " + client.capabilities());

                // 1. Open a ticket. The adapter checks the provider's rules first and lists every violation.
                Ticket ticket = client.create(simulator.sampleCreateRequest("INC-2026-0042"));
                out.println("opened " + ticket.id() + ": " + ticket.status() + " (" + ticket.providerStatus() + ")");

                try {
                    client.transition(ticket.id(), StatusChange.to(TicketStatus.CLOSED));
                } catch (ValidationException refused) {
                    out.println("closing now is refused before sending: " + refused.getMessage());
                }

                // 2. The provider resolves it (here the simulator plays the provider's side).
                simulator.resolve(ticket.id(), "fault cleared at the exchange");

                // 3. Close every resolved ticket; a provider without listing is asked ticket by ticket.
                if (client.supports(Capability.LIST)) {
                    client.list(TicketQuery.builder().status(TicketStatus.RESOLVED).build())
                            .forEach(resolved -> close(client, resolved, out));
                } else {
                    close(client, client.get(ticket.id()), out);
                }
            }
        }
        out.flush();
    }

    private static void close(TicketingClient client, Ticket ticket, PrintWriter out) {
        out.println(ticket.id() + " may go to " + client.allowedTransitions(ticket.id()));
        Ticket closed = client.transition(ticket.id(), StatusChange.to(TicketStatus.CLOSED).withComment("confirmed with the customer"));
        out.println("closed " + closed.id() + ": " + closed.status() + " (" + closed.providerStatus() + ")");
    }
}
