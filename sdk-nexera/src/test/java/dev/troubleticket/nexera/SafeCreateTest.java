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

    private static CreateTicketRequest request(String reference) {
        return CreateTicketRequest.builder().externalReference(reference).serviceId("FTTH-9").title("No sync").description("LOS").build();
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
        assertThat(simulator.server().requestCount()).as("POST, lookup GET, POST").isEqualTo(3);
    }

    @Test
    void createCalledAgainAfterItsAnswerAndTheLookupWereBothLostFindsTheTicketInsteadOfOpeningItTwice() {
        AtomicBoolean cut = new AtomicBoolean();
        AtomicBoolean lookupsFail = new AtomicBoolean(true);
        simulator.server().interpose(real -> new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                boolean lookup = request.getMethod().equals("GET") && request.getUrl().encodedPath().endsWith("/troubleTicket");
                if (lookup && lookupsFail.get()) {
                    return new MockResponse.Builder().code(400).body("{\"code\":\"21\",\"reason\":\"lookup refused\"}").build();
                }
                MockResponse answer = real.dispatch(request);
                if (isCreate(request) && cut.compareAndSet(false, true)) {
                    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
                }
                return answer;
            }
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.create(request("SAFE-3")))
                .isInstanceOf(dev.troubleticket.core.error.TicketingException.class);
        lookupsFail.set(false);

        Ticket ticket = client.create(request("SAFE-3"));

        assertThat(simulator.ticketsCreated()).as("the second call found the first one's ticket").isEqualTo(1);
        assertThat(ticket.externalReference()).isEqualTo("SAFE-3");
    }
}
