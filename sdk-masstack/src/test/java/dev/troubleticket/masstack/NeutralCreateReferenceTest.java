package dev.troubleticket.masstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The neutral create refuses a reference that MasStack would accept on create but refuse on every update. */
class NeutralCreateReferenceTest {
    private final MasStackSimulator simulator = new MasStackSimulator().start(0);
    private final TicketingClient client = TicketingClients.create("masstack", simulator.clientSettings());

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    @Test
    void aReferenceLongerThanTheUpdateLimitIsRefusedBeforeSending() {
        assertThatThrownBy(() -> client.create(simulator.sampleCreateRequest("INC-2026-0000042")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.reachedProvider()).isFalse();
                    assertThat(e.violations()).anySatisfy(v -> {
                        assertThat(v.field()).isEqualTo("externalReference (mirrorKey)");
                        assertThat(v.message()).contains("only 15 on updates");
                    });
                });
        assertThat(simulator.ticketsCreated()).isZero();
    }

    @Test
    void aReferenceOfFifteenCharactersIsAccepted() {
        assertThat(client.create(simulator.sampleCreateRequest("INC-2026-00042")).externalReference()).isEqualTo("INC-2026-00042");
    }
}
