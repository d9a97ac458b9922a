package dev.troubleticket.examples.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.feed.EventHandler;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.nexera.Tmf621Api;
import dev.troubleticket.nexera.Tmf621Client;
import dev.troubleticket.nexera.model.TroubleTicket;

/** Nexera (TMF621): create bodies as TMF621 TroubleTicket JSON; events pushed to a listener registered as a hub. */
final class NexeraSupport implements ProviderSupport {

    @Override
    public String id() {
        return "nexera";
    }

    @Override
    public String followedBy() {
        return "a hub registered at the provider and an embedded listener receiving its callbacks (at a URL with a secret token)";
    }

    @Override
    public CreateTicketRequest sampleRequest(String reference) {
        return CreateTicketRequest.builder()
                .externalReference(reference)
                .serviceId("FTTH-000123")
                .title("No sync on the ONT")
                .description("The customer's ONT has shown LOS since 08:00.")
                .priority(Priority.of(Priority.Level.HIGH))
                .build();
    }

    @Override
    public Ticket createFromDocumentBody(TicketingClient client, JsonNode body) {
        TroubleTicket created = client.unwrap(Tmf621Api.class).create(TroubleTicket.fromJson(body.toString()));
        return client.get(created.id());
    }

    @Override
    public AutoCloseable follow(TicketingClient client, FollowOptions options, EventHandler<TicketEvent> handler) {
        if (options.listen() == null) {
            throw new IllegalArgumentException("Nexera pushes its events: give --listen HOST:PORT (and --callback-url if the provider "
                    + "reaches this machine at another address)");
        }
        String hostPort = options.listen();
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--listen wants HOST:PORT, got '" + hostPort + "'");
        }
        java.net.InetSocketAddress bind = new java.net.InetSocketAddress(hostPort.substring(0, colon),
                Integer.parseInt(hostPort.substring(colon + 1)));
        return client.unwrap(Tmf621Client.class).listen(bind, options.callbackUrl(), handler);
    }
}
