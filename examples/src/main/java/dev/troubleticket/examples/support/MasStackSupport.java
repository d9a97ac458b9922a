package dev.troubleticket.examples.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.masstack.MasStackApi;
import dev.troubleticket.masstack.model.CreateTroubleTicketRequest;

/** MasStack: create bodies as in the OSS/J document; changes seen by re-reading the followed tickets. */
final class MasStackSupport implements ProviderSupport {

    @Override
    public String id() {
        return "masstack";
    }

    @Override
    public String followedBy() {
        return "re-reading the followed tickets (MasStack has no list, feed or push channel)";
    }

    @Override
    public Ticket createFromDocumentBody(TicketingClient client, JsonNode body) {
        String ticketId = client.unwrap(MasStackApi.class).create(CreateTroubleTicketRequest.fromJson(body.toString())).ticketId();
        return client.get(ticketId);
    }
}
