package dev.troubleticket.kosc;

import dev.troubleticket.core.model.Contact;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Priority;
import dev.troubleticket.kosc.model.CreateKoscTicketRequest;
import dev.troubleticket.kosc.model.KoscContact;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Requests Kosc accepts, each on its own service and diagnostic run (Kosc allows one open ticket per each). */
public final class KoscTestData {
    private static final AtomicInteger DIAGNOSTIC = new AtomicInteger(100);

    private KoscTestData() {
    }

    public static String diagnosticRun() {
        return "D170403_" + DIAGNOSTIC.incrementAndGet();
    }

    public static CreateTicketRequest neutralRequest(String reference) {
        return CreateTicketRequest.builder()
                .externalReference(reference)
                .serviceId(UUID.randomUUID().toString())
                .category("low_rate")
                .description("Customer complains about low rate")
                .initialComment("Hello, customer complains about a low bitrate issue.")
                .priority(Priority.of(Priority.Level.LOW))
                .contact(new Contact("Patrick", "Bousso", "patrick.bousso@colibrix.fr", "0785655656"))
                .providerField("diagnostic_run_id", diagnosticRun())
                .build();
    }

    public static CreateKoscTicketRequest.Builder typedRequest(String reference) {
        return CreateKoscTicketRequest.builder()
                .diagnosticRunId(diagnosticRun())
                .serviceUuid(UUID.randomUUID().toString())
                .operatorTicketRef(reference)
                .description("Customer complains about low rate")
                .initialComment("Hello, customer complains about a low bitrate issue.")
                .category("low_rate")
                .priority("low")
                .ownerContact(new KoscContact("Patrick", "Bousso", "patrick.bousso@colibrix.fr", "0785655656"));
    }
}
