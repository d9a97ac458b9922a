package dev.troubleticket.kosc;

import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.kosc.model.CreateKoscTicketRequest;
import dev.troubleticket.kosc.model.KoscContact;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Requests Kosc accepts, each on its own service and diagnostic run (Kosc allows one open ticket per each). */
public final class KoscTestData {
    private static final AtomicInteger DIAGNOSTIC = new AtomicInteger(100);
    /** Never started: only its sample requests are used. */
    private static final KoscSimulator SAMPLES = new KoscSimulator();

    private KoscTestData() {
    }

    public static String diagnosticRun() {
        return "D170403_" + DIAGNOSTIC.incrementAndGet();
    }

    /** The simulator's sample request ({@link KoscSimulator#sampleCreateRequest}), for tests without a simulator at hand. */
    public static CreateTicketRequest neutralRequest(String reference) {
        return SAMPLES.sampleCreateRequest(reference);
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
