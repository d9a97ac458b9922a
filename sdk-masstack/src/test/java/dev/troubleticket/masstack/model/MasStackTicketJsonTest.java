package dev.troubleticket.masstack.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Jackson's binding of the ticket record reads the answers' spellings and numbers as the simulator writes them. */
class MasStackTicketJsonTest {

    @Test
    void readsATicketAsTheSimulatorWritesIt() {
        String simulator = "{\"ticketId\":\"RED-84\",\"mirrorKey\":\"BENCH-0001\",\"baseTroubleTicketState\":\"OPENACTIVE\","
                + "\"dialog\":\"para que se revise\",\"troubleType\":\"FTTH_PROVISION_RANGED_NO_NAVEGA\",\"troubleDescription\":\"no navega\","
                + "\"troubleDectectionTime\":\"2026-11-23T06:00:00Z\",\"preferredPriority\":1,\"troubledObject\":\"CTO\","
                + "\"customerTroubleNum\":\"O99999999999/M9999999999\",\"wh1Parameter\":\"red\",\"clearencePerson\":\"SIM-AGENT-01\","
                + "\"attachments\":[{\"name\":\"a.txt\",\"mimeType\":\"text/plain\",\"content\":\"aGk=\"}]}";
        assertThat(MasStackTicket.fromJson(simulator).preferredPriority()).isEqualTo("1");
        assertThat(MasStackTicket.fromJson(simulator).troubleDetectionTimeText()).isEqualTo("2026-11-23T06:00:00Z");
    }
}
