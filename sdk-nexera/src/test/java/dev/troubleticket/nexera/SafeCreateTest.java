package dev.troubleticket.nexera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A create whose answer is lost is never duplicated: the ticket is looked up by its externalId first. */
class SafeCreateTest {
    private NexeraSimulator simulator;
    private TicketingClient client;

    @BeforeEach
    void start() {
        simulator = new NexeraSimulator().start(0);
        client = TicketingClients.create("nexera", simulator.clientSettings());
    }

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    private static boolean isCreate(RecordedRequest request) {
        return request.getMethod().equals("POST") && request.getUrl().encodedPath().endsWith("/troubleTicket");
    }

    private CreateTicketRequest request(String reference) {
        return simulator.sampleCreateRequest(reference);
    }

    @Test
    void createProcessedButWhoseAnswerWasCutIsFoundInsteadOfCreatedAgain() {
        AtomicBoolean cut = new AtomicBoolean();
        simulator.server().interpose(real -> new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                MockResponse answer = real.dispatch(request);
                if (isCreate(request) && cut.compareAndSet(false, true)) {
                    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
                }
                return answer;
            }
        });

        Ticket ticket = client.create(request("SAFE-1"));

        assertThat(cut).isTrue();
        assertThat(simulator.ticketsCreated()).isEqualTo(1);
        assertThat(ticket.externalReference()).isEqualTo("SAFE-1");
        assertThat(client.get(ticket.id()).externalReference()).isEqualTo("SAFE-1");
    }

    @Test
    void createThatNeverReachedTheServerIsSentOnceMore() {
        AtomicBoolean refused = new AtomicBoolean();
        simulator.server().interpose(real -> new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (isCreate(request) && refused.compareAndSet(false, true)) {
                    return new MockResponse.Builder().code(502).body("bad gateway").build();
                }
                return real.dispatch(request);
            }
        });

        Ticket ticket = client.create(request("SAFE-2"));

        assertThat(refused).isTrue();
        assertThat(simulator.ticketsCreated()).isEqualTo(1);
        assertThat(ticket.externalReference()).isEqualTo("SAFE-2");
        assertThat(simulator.server().requestCount()).as("lookup GET, POST, lookup GET, POST").isEqualTo(4);
    }

    @Test
    void createCalledAgainAfterItsAnswerAndTheLookupWereBothLostFindsTheTicketInsteadOfOpeningItTwice() {
        AtomicBoolean cut = new AtomicBoolean();
        AtomicBoolean lookupsFail = new AtomicBoolean(true);
        simulator.server().interpose(real -> new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                boolean lookup = request.getMethod().equals("GET") && request.getUrl().encodedPath().endsWith("/troubleTicket");
                if (lookup && cut.get() && lookupsFail.get()) {
                    return new MockResponse.Builder().code(400).body("{\"code\":\"21\",\"reason\":\"lookup refused\"}").build();
                }
                MockResponse answer = real.dispatch(request);
                if (isCreate(request) && cut.compareAndSet(false, true)) {
                    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
                }
                return answer;
            }
        });
        // The answer is cut and the look-up after it refused: the outcome is unknown, and the caller is told so.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.create(request("SAFE-3")))
                .isInstanceOfSatisfying(dev.troubleticket.core.error.TransportException.class,
                        e -> assertThat(e.getSuppressed()).hasSize(1));
        lookupsFail.set(false);

        Ticket ticket = client.create(request("SAFE-3"));

        assertThat(simulator.ticketsCreated()).as("the second call found the first one's ticket").isEqualTo(1);
        assertThat(ticket.externalReference()).isEqualTo("SAFE-3");
    }

    @Test
    void aNeutralCreateCalledAgainWithTheSameReferenceAnswersTheFirstTicket() {
        Ticket first = client.create(request("SAFE-4"));
        int requests = simulator.server().requestCount();

        Ticket again = client.create(request("SAFE-4"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(simulator.ticketsCreated()).isEqualTo(1);
        assertThat(simulator.server().requestCount()).as("one look-up, no POST").isEqualTo(requests + 1);
    }

    @Test
    void aReferenceReusedForAnotherServiceIsAConflictNamingBoth() {
        client.create(request("SAFE-5"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.create(CreateTicketRequest.builder().externalReference("SAFE-5")
                        .serviceId("FTTH-OTHER").title("No sync").description("LOS").build()))
                .isInstanceOfSatisfying(dev.troubleticket.core.error.ConflictException.class, e -> assertThat(e.getMessage())
                        .contains("SAFE-5").contains("'FTTH-000123' on the ticket").contains("'FTTH-OTHER' in this request"));
        assertThat(simulator.ticketsCreated()).isEqualTo(1);
    }

    @Test
    void theTypedCreateIsAsSafeAsTheNeutralOne() {
        Tmf621Api api = client.unwrap(Tmf621Api.class);
        dev.troubleticket.nexera.model.TroubleTicket ticket = dev.troubleticket.nexera.model.TroubleTicket.builder()
                .externalId("SAFE-6").name("No sync").description("LOS").severity(dev.troubleticket.nexera.model.Severity.HIGH)
                .ticketType(dev.troubleticket.nexera.model.TicketType.of("Customer_Trouble_Ticket"))
                .relatedEntity(java.util.List.of(dev.troubleticket.nexera.model.RelatedEntity.of("FTTH-6", "affectedService", "Service")))
                .build();

        String first = api.create(ticket).id();
        String again = api.create(ticket).id();

        assertThat(again).isEqualTo(first);
        assertThat(simulator.ticketsCreated()).isEqualTo(1);
    }
}
