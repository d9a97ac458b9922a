package dev.troubleticket.examples.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.kosc.KoscApi;
import dev.troubleticket.kosc.model.CreateKoscTicketRequest;
import dev.troubleticket.kosc.model.KoscTicket;

/** Kosc: create bodies as in {@code kosc-tickets.txt}; ticket changes and the order/service feed found by polling. */
final class KoscSupport implements ProviderSupport {
    @Override
    public String id() {
        return "kosc";
    }

    @Override
    public java.util.List<String> providerStatuses() {
        return dev.troubleticket.kosc.model.KoscTicketStatus.knownValues().stream().map(s -> s.value()).toList();
    }

    @Override
    public String followedBy() {
        return "polling the recently modified tickets and their events, and the order/service event feed";
    }

    @Override
    public Ticket createFromDocumentBody(TicketingClient client, JsonNode body) {
        KoscTicket created = client.unwrap(KoscApi.class).createTicket(CreateKoscTicketRequest.fromJson(body));
        return client.get(created.key());
    }
}
