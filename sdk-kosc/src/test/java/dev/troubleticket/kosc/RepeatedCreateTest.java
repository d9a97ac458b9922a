package dev.troubleticket.kosc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.Capability;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.contract.MutableClock;
import dev.troubleticket.core.error.ConflictException;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.kosc.model.CreateKoscTicketRequest;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's reference is an idempotency key: calling create again with it answers the ticket already opened,
 * and reusing it for another service or category is a conflict, at the neutral and at the typed API.
 */
class RepeatedCreateTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final KoscSimulator simulator = new KoscSimulator(clock).start();
    private final TicketingClient client = TicketingClients.create("kosc", simulator.clientSettings());

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    @Test
    void aNeutralCreateCalledAgainWithTheSameRequestAnswersTheFirstTicket() {
        CreateTicketRequest request = simulator.sampleCreateRequest("INC-2026-0042");
        Ticket first = client.create(request);
        clock.advance(Duration.ofSeconds(5));

        Ticket again = client.create(request);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(simulator.ticketsCreated()).isEqualTo(1);
        assertThat(client.supports(Capability.IDEMPOTENT_CREATE)).isTrue();
    }

    @Test
    void aReferenceReusedForAnotherServiceIsAConflictNamingBothServices() {
        CreateTicketRequest first = simulator.sampleCreateRequest("INC-2026-0043");
        client.create(first);
        CreateTicketRequest other = simulator.sampleCreateRequest("INC-2026-0043");

        assertThatThrownBy(() -> client.create(other)).isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage())
                .contains("INC-2026-0043").contains(first.serviceId()).contains(other.serviceId()));
        assertThat(simulator.ticketsCreated()).isEqualTo(1);
    }

    @Test
    void aTypedCreateCalledAgainAnswersTheFirstTicketAndAnotherCategoryIsAConflict() {
        KoscApi api = client.unwrap(KoscApi.class);
        CreateKoscTicketRequest request = KoscTestData.typedRequest("PB12_40").build();
        var first = api.createTicket(request).id();

        assertThat(api.createTicket(request).id()).isEqualTo(first);
        CreateKoscTicketRequest otherCategory = KoscTestData.typedRequest("PB12_40").serviceUuid(request.serviceUuid())
                .category("synchro").build();
        assertThatThrownBy(() -> api.createTicket(otherCategory)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.getMessage()).contains("category 'low_rate' on the ticket, 'synchro' in this request"));
        assertThat(simulator.ticketsCreated()).isEqualTo(1);
    }
}
