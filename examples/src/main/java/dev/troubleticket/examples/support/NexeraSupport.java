package dev.troubleticket.examples.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.nexera.Tmf621Api;
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
}
