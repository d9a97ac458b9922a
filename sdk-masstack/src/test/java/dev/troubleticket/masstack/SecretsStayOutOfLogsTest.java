package dev.troubleticket.masstack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.testkit.masstack.MasStackSimulator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** With every logger at DEBUG, a whole lifecycle logs no token, assertion, key or dialog text. */
class SecretsStayOutOfLogsTest {

    @Test
    void debugLogsOfAWholeLifecycleHoldNoSecretAndNoDialog() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level previous = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        String pem;
        try (MasStackSimulator simulator = new MasStackSimulator().start(0);
             TicketingClient client = TicketingClients.create("masstack", simulator.clientSettings())) {
            pem = simulator.serviceAccountJson();
            Ticket ticket = client.create(simulator.sampleCreateRequest("ONV-LOG"));
            simulator.askForInformation(ticket.id(), "Teléfono del cliente: 600 000 000");
            client.transition(ticket.id(), StatusChange.to(TicketStatus.IN_PROGRESS).withComment("Llamar a Ana al 611 111 111"));
            simulator.revokeAccessTokens(); // forces a 401 and a second token exchange
            client.get(ticket.id());
            assertThat(simulator.tokensIssued()).isEqualTo(2);
        } finally {
            root.detachAppender(appender);
            root.setLevel(previous);
        }
        String logs = appender.list.stream().map(e -> e.getFormattedMessage() + " " + java.util.Arrays.toString(e.getArgumentArray()))
                .collect(Collectors.joining("\n"));

        assertThat(appender.list).as("the transport does log at debug").isNotEmpty();
        assertThat(logs).doesNotContain("eyJ") // any JWT: assertion or access token
                .doesNotContain("PRIVATE KEY")
                .doesNotContain(pem.substring(pem.indexOf("-----\\n") + 7, pem.indexOf("-----\\n") + 40))
                .doesNotContain("600 000 000").doesNotContain("611 111 111")
                .doesNotContainPattern("Bearer (?!token)\\S");
    }
}
