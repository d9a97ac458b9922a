package dev.troubleticket.masstack.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.contract.ReaderEquivalence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The hand-written {@code TicketWireReader} reads what Jackson's binding of the ticket record reads, and
 * fails where it fails, on the document's get answer and every variant {@link ReaderEquivalence} makes of it.
 */
class TicketWireReaderTest {

    private static String example(String name) throws IOException {
        try (InputStream in = TicketWireReaderTest.class.getResourceAsStream("/spec-examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheDocumentsTicketAsJacksonsBindingDoesInEveryVariant() throws Exception {
        assertThat(new ReaderEquivalence(MasStackTicket.TicketWire.class).check(example("get-response.json"))).isGreaterThan(150);
    }

    @Test
    void readsATicketAsTheSimulatorWritesIt() throws Exception {
        String simulator = "{\"ticketId\":\"RED-84\",\"mirrorKey\":\"BENCH-0001\",\"baseTroubleTicketState\":\"OPENACTIVE\","
                + "\"dialog\":\"para que se revise\",\"troubleType\":\"FTTH_PROVISION_RANGED_NO_NAVEGA\",\"troubleDescription\":\"no navega\","
                + "\"troubleDectectionTime\":\"2026-11-23T06:00:00Z\",\"preferredPriority\":1,\"troubledObject\":\"CTO\","
                + "\"customerTroubleNum\":\"O99999999999/M9999999999\",\"wh1Parameter\":\"red\",\"clearencePerson\":\"SIM-AGENT-01\","
                + "\"attachments\":[{\"name\":\"a.txt\",\"mimeType\":\"text/plain\",\"content\":\"aGk=\"}]}";
        new ReaderEquivalence(MasStackTicket.TicketWire.class).check(simulator);
        assertThat(MasStackTicket.fromJson(simulator).preferredPriority()).isEqualTo("1");
        assertThat(MasStackTicket.fromJson(simulator).troubleDetectionTimeText()).isEqualTo("2026-11-23T06:00:00Z");
    }
}
