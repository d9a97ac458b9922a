package dev.troubleticket.examples.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.TicketingClient;
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
    public java.util.List<String> providerStatuses() {
        return dev.troubleticket.nexera.model.TroubleTicketStatus.knownValues().stream().map(s -> s.value()).toList();
    }

    @Override
    public String followedBy() {
        return "a hub registered at the provider and an embedded listener receiving its callbacks (at a URL with a secret token)";
    }

    @Override
    public Ticket createFromDocumentBody(TicketingClient client, JsonNode body) {
        TroubleTicket created = client.unwrap(Tmf621Api.class).create(TroubleTicket.fromJson(body.toString()));
        return client.get(created.id());
    }
}
