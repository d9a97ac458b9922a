package dev.troubleticket.examples.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.Contact;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.kosc.KoscApi;
import dev.troubleticket.kosc.model.CreateKoscTicketRequest;
import dev.troubleticket.kosc.model.KoscTicket;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Kosc: create bodies as in {@code kosc-tickets.txt}; ticket changes and the order/service feed found by polling. */
final class KoscSupport implements ProviderSupport {
    private static final AtomicInteger DIAGNOSTIC_RUNS = new AtomicInteger();

    @Override
    public String id() {
        return "kosc";
    }

    @Override
    public String followedBy() {
        return "polling the recently modified tickets and their events, and the order/service event feed";
    }

    @Override
    public CreateTicketRequest sampleRequest(String reference) {
        // Kosc allows one open ticket per service and per diagnostic run, so each sample gets its own.
        return CreateTicketRequest.builder()
                .externalReference(reference)
                .serviceId(UUID.randomUUID().toString())
                .category("low_rate")
                .description("Customer complains about low rate")
                .initialComment("Customer reports a low bitrate since Monday evening.")
                .priority(Priority.of(Priority.Level.LOW))
                .contact(new Contact("Camille", "Martin", "camille.martin@example.fr", "0612345678"))
                .providerField("diagnostic_run_id", String.format("D261123_%03d", DIAGNOSTIC_RUNS.incrementAndGet() % 1000))
                .build();
    }

    @Override
    public Ticket createFromDocumentBody(TicketingClient client, JsonNode body) {
        KoscTicket created = client.unwrap(KoscApi.class).createTicket(CreateKoscTicketRequest.fromJson(body));
        return client.get(created.key());
    }
}
