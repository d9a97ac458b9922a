package dev.troubleticket.kosc;

import dev.troubleticket.kosc.model.CreateKoscTicketRequest;
import dev.troubleticket.kosc.model.KoscContact;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Requests Kosc accepts, each on its own service and diagnostic run (Kosc allows one open ticket per each). */
public final class KoscTestData {
    private static final AtomicInteger DIAGNOSTIC = new AtomicInteger(100);
    /** Never started: only its sample requests are used. */

    private KoscTestData() {
    }

    public static String diagnosticRun() {
        return "D170403_" + DIAGNOSTIC.incrementAndGet();
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
