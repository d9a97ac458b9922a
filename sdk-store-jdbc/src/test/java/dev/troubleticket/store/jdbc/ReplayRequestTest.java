package dev.troubleticket.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.store.Commit;
import dev.troubleticket.core.subscription.store.DeadLetter;
import dev.troubleticket.core.subscription.store.Lease;
import dev.troubleticket.store.jdbc.testing.EmbeddedDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An operator asks for a dead letter's replay through one store object (ticketctl), and the instance running the
 * subscription sees the request through its own; the request goes with the letter, or when it is parked again.
 */
class ReplayRequestTest {
    private static final String SUB = "back-office";

    private JdbcSubscriptionStore instance;
    private JdbcSubscriptionStore operator;

    @BeforeEach
    void open() {
        String prefix = EmbeddedDatabase.uniquePrefix();
        instance = JdbcSubscriptionStore.builder(EmbeddedDatabase.shared().dataSource()).tablePrefix(prefix).build();
        operator = JdbcSubscriptionStore.builder(EmbeddedDatabase.shared().dataSource()).tablePrefix(prefix).build();
        instance.migrate();
    }

    @AfterEach
    void close() {
        instance.close();
        operator.close();
    }

    private void park(String key, int attempts) {
        Lease lease = instance.acquireLease(SUB, "instance", Duration.ofSeconds(30)).orElseThrow();
        TicketEvent event = new TicketEvent("kosc", key, "T1", TicketEvent.Kind.COMMENT, Instant.EPOCH, null, "note", null, null,
                null, null);
        instance.commit(lease, Commit.handled(SUB, key).withDeadLetter(new DeadLetter(key, event, "boom", attempts, Instant.EPOCH)));
    }

    @Test
    void aRequestIsSeenByTheRunningInstanceOldestFirstAndGoesWithItsLetter() {
        park("e1", 3);
        park("e2", 3);

        assertThat(operator.requestReplay(SUB, "e2")).isTrue();
        assertThat(operator.requestReplay(SUB, "e1")).isTrue();
        assertThat(operator.requestReplay(SUB, "e2")).as("asked twice: still once").isTrue();
        assertThat(operator.requestReplay(SUB, "unknown")).isFalse();
        assertThat(instance.replayRequests(SUB)).containsExactly("e2", "e1");
        assertThat(instance.replayRequests("another")).isEmpty();

        instance.removeDeadLetter(SUB, "e2");
        assertThat(instance.replayRequests(SUB)).containsExactly("e1");
    }

    @Test
    void aLetterParkedAgainAfterItsReplayFailedIsNoLongerAskedFor() {
        park("e1", 3);
        operator.requestReplay(SUB, "e1");

        park("e1", 4);

        assertThat(instance.replayRequests(SUB)).isEmpty();
        assertThat(instance.deadLetters(SUB)).singleElement().extracting(DeadLetter::attempts).isEqualTo(4);
    }
}
