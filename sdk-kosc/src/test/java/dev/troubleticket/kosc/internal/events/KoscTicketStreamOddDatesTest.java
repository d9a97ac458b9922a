package dev.troubleticket.kosc.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.kosc.KoscClient;
import dev.troubleticket.testkit.NoDelayServerSocketFactory;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Dates Kosc wrote so that they cannot be read do not lose an event: an event without a readable creation date is
 * handed over once and logged once, however often its ticket is read again; a ticket without a readable
 * modification date is read at every poll. Against a server on a real port that answers as such a Kosc would.
 */
class KoscTicketStreamOddDatesTest {
    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger listReads = new AtomicInteger();
    private final Logger log = (Logger) LoggerFactory.getLogger(TicketEventSource.class);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeEach
    void start() throws IOException {
        captured.start();
        log.addAppender(captured);
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.equals("/api/tickets/")) {
                    // Ticket 989 changes at every read of the list, so that every poll reads its events again.
                    Instant modified = Instant.parse("2024-05-01T10:00:00Z").plusSeconds(listReads.incrementAndGet());
                    return json("[" + ticket(990, "sometime in May", "c2Vjb25k") + "," + ticket(989, modified.toString(), "Zmlyc3Q=") + "]");
                }
                if (path.equals("/api/tickets/989/events/")) {
                    return json("[{\"id\": 2, \"status\": null, \"comment\": \"undated\", \"author\": \"Kosc\","
                            + " \"creation_date\": \"16:1:04 AM\"},"
                            + " {\"id\": 1, \"status\": \"open\", \"comment\": null, \"author\": \"OP\","
                            + " \"creation_date\": \"2024-05-01T09:00:00Z\"}]");
                }
                if (path.equals("/api/tickets/990/events/")) {
                    return json("[{\"id\": 7, \"status\": \"open\", \"comment\": null, \"author\": \"OP\","
                            + " \"creation_date\": \"2024-04-01T09:00:00Z\"}]");
                }
                return new MockResponse.Builder().code(404).body("{\"detail\": \"Not found.\"}").build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        log.detachAppender(captured);
        server.close();
    }

    private static String ticket(long id, String modified, String sortValue) {
        return "{\"id\": " + id + ", \"uuid\": \"u-" + id + "\", \"alias\": \"T240501_0" + id + "\", \"status\": \"open\","
                + " \"creation_date\": \"2024-04-01T09:00:00Z\", \"modification_date\": \"" + modified + "\","
                + " \"sort_value\": \"" + sortValue + "\"}";
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static void eventually(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                Assertions.fail("not within 20 s: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void anEventWithoutAReadableDateIsHandedOverOnceAndLoggedOnceThoughItsTicketIsReadAtEveryPoll() {
        KoscClient client = KoscClient.builder().baseUrl(server.url("/").toString()).staticToken("JWT", "static-token").build();
        List<TicketEvent> received = new CopyOnWriteArrayList<>();
        TicketSubscription subscription = client.subscribe(received::add, SubscriptionOptions.builder("odd")
                .pollInterval(Duration.ofMillis(50)).handlerThreads(1)
                .kinds(Set.of(TicketEvent.Kind.COMMENT, TicketEvent.Kind.STATUS_CHANGE)).build()).start();
        try {
            eventually("five polls", () -> listReads.get() >= 5 && received.size() >= 3);
        } finally {
            subscription.close();
        }

        assertThat(received).extracting(e -> e.ticketId() + "/" + e.id()).containsExactlyInAnyOrder("989/1", "989/2", "990/7");
        assertThat(received).filteredOn(e -> e.ticketId().equals("989")).extracting(TicketEvent::id).containsExactly("1", "2");
        TicketEvent undated = received.stream().filter(e -> e.id().equals("2")).findFirst().orElseThrow();
        assertThat(undated.occurredAt()).isNull();
        assertThat(undated.comment()).isEqualTo("undated");
        assertThat(captured.list).filteredOn(e -> e.getFormattedMessage().contains("16:1:04 AM")).hasSize(1);
        assertThat(captured.list).filteredOn(e -> e.getFormattedMessage().contains("sometime in May")).hasSize(1);
        assertThat(server.getRequestCount()).as("ticket 990 read at every poll").isGreaterThanOrEqualTo(5 + 5 + 5);
    }
}
