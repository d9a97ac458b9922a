package dev.troubleticket.masstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.core.error.TransportException;
import dev.troubleticket.core.http.RetryPolicy;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lost answers between the adapter and the simulator: no duplicate ticket, reads recover. */
class MasStackFaultInjectionTest {
    private MasStackSimulator simulator;
    private MasStackClient client;

    @BeforeEach
    void start() {
        simulator = new MasStackSimulator().start(0);
        client = MasStackClient.builder()
                .baseUrl(simulator.baseUrl())
                .serviceAccount(ServiceAccount.fromJson(simulator.serviceAccountJson()))
                .tokenUrl(simulator.tokenUrl())
                .defaultClearencePerson("AGENT")
                .transportOptions(TransportOptions.builder().readTimeout(Duration.ofMillis(500))
                        .retryPolicy(RetryPolicy.defaults().withSleeper(d -> { })).build())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        simulator.close();
    }

    /** Lets the simulator process the first {@code count} matching requests, then cuts the connection before the answer. */
    private void loseAnswers(String method, String pathPrefix, int count) {
        AtomicInteger left = new AtomicInteger(count);
        simulator.server().interpose(real -> new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                MockResponse answer = real.dispatch(request);
                boolean matches = request.getMethod().equals(method) && request.getUrl().encodedPath().startsWith(pathPrefix);
                if (matches && left.getAndDecrement() > 0) {
                    return new MockResponse.Builder(answer).onResponseStart(new SocketEffect.CloseSocket()).build();
                }
                return answer;
            }
        });
    }

    @Test
    void createWhoseAnswerIsLostIsNotSentAgain() {
        loseAnswers("POST", "/troubleTicket", 1);

        assertThatThrownBy(() -> client.create(simulator.sampleCreateRequest("ONV-LOST")))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.attempts()).isEqualTo(1));

        assertThat(simulator.ticketsCreated()).as("processed once, never duplicated").isEqualTo(1);
    }

    @Test
    void readWhoseAnswerIsLostIsRetried() {
        Ticket created = client.create(simulator.sampleCreateRequest("ONV-READ"));
        loseAnswers("GET", "/troubleTicket/", 2);

        assertThat(client.get(created.id()).externalReference()).isEqualTo("ONV-READ");
        assertThat(simulator.ticketsCreated()).isEqualTo(1);
    }
}
