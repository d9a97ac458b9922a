package dev.troubleticket.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.testkit.ProviderSimulator;
import dev.troubleticket.testkit.ProviderSimulators;

/**
 * Captures realistic JSON for the canned servers by opening one ticket at the provider's stateful
 * simulator with the SDK and keeping what the simulator answered ({@code Ticket.raw()}). The simulator is
 * used only here: the benchmarks then answer this JSON from a server that does no work, so that they
 * measure the client and not the simulator.
 */
public final class FixtureCapture {
    private FixtureCapture() {
    }

    /** Opens a ticket at {@code provider}'s simulator and answers the fixture built from it. */
    public static ProviderFixture capture(String provider) {
        try (ProviderSimulator simulator = ProviderSimulators.create(provider).start(0);
             TicketingClient client = TicketingClients.create(provider, simulator.clientSettings())) {
            Ticket created = client.create(SampleRequests.forProvider(provider));
            Ticket read = client.get(created.id());
            String json = read.raw().json();
            String createAnswer = switch (provider) {
                case "masstack" -> {
                    ObjectNode ids = Json.mapper().createObjectNode();
                    ids.put("ticketId", read.id());
                    ids.put("mirrorKey", read.externalReference());
                    yield ids.toString();
                }
                default -> json;
            };
            return new ProviderFixture(provider, json, read.id(), createAnswer);
        }
    }
}
