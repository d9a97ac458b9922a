package dev.troubleticket.examples.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.masstack.MasStackApi;
import dev.troubleticket.masstack.model.CreateTroubleTicketRequest;
import java.time.Instant;

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
    public CreateTicketRequest sampleRequest(String reference) {
        return CreateTicketRequest.builder()
                .externalReference(reference)
                .serviceId("O99999999999/M9999999999")
                .category("FTTH_PROVISION_RANGED_NO_NAVEGA")
                .title("ONT sincronizado, pero no navega.")
                .description("ERI_MM_OLTZ3562010LAP012_para que se revise")
                .priority(Priority.of(Priority.Level.CRITICAL))
                .detectedAt(Instant.now())
                .providerField("troubledObject", "CTO")
                .providerField("wh1Parameter", "red")
                .build();
    }

    @Override
    public Ticket createFromDocumentBody(TicketingClient client, JsonNode body) {
        String ticketId = client.unwrap(MasStackApi.class).create(CreateTroubleTicketRequest.fromJson(body.toString())).ticketId();
        return client.get(ticketId);
    }
}
