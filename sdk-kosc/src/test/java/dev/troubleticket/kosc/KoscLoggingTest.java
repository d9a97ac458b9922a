package dev.troubleticket.kosc;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.testkit.kosc.KoscSimulator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Even at DEBUG, nothing secret or personal reaches the logs, nor the objects' {@code toString()}. */
class KoscLoggingTest {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Level previous;

    @BeforeEach
    void capture() {
        previous = root.getLevel();
        root.setLevel(Level.DEBUG);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        root.setLevel(previous);
    }

    @Test
    void loginCreateAndReadLogNoPasswordTokenOrContact() {
        try (KoscSimulator simulator = new KoscSimulator().start()) {
            KoscClient client = KoscClient.builder().baseUrl(simulator.baseUrl())
                    .v2Login(KoscSimulator.EMAIL, KoscSimulator.PASSWORD).build();
            Ticket ticket = client.create(simulator.sampleCreateRequest("LOG-1"));
            client.get(ticket.id());
            simulator.revokeTokens();
            client.history(ticket.id());
            String token = simulator.issueV1Token();

            String logs = captured.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
            assertThat(captured.list).isNotEmpty();
            assertThat(logs).doesNotContain(KoscSimulator.PASSWORD).doesNotContain("patrick.bousso").doesNotContain("0785655656")
                    .doesNotContain("Bearer ey").doesNotContain(token.substring(0, 20));
            String printed = client + " " + ticket + " " + client.api().getTicket(ticket.id()) + " " + ticket.contact();
            assertThat(printed).doesNotContain(KoscSimulator.PASSWORD).doesNotContain("patrick.bousso").doesNotContain("Bousso");
        }
    }
}
