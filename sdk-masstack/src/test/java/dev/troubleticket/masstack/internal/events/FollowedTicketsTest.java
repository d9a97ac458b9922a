package dev.troubleticket.masstack.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowedTicketsTest {
    private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");
    private final FollowedTickets tickets = new FollowedTickets();

    private List<String> oneRound() {
        List<String> order = new ArrayList<>();
        for (int i = tickets.size(); i > 0; i--) {
            FollowedTickets.Entry entry = tickets.next();
            order.add(entry.ticketId());
            tickets.readAgainLater(entry, entry.seen());
        }
        return order;
    }

    @Test
    void everyTicketIsReadOnceBeforeAnyIsReadTwiceAndAnUnknownOneFirst() {
        tickets.follow("RED-1", AT, FollowedState.opened("OPENACTIVE", "a"), false);
        tickets.follow("RED-2", AT, FollowedState.opened("OPENACTIVE", "b"), false);
        tickets.follow("RED-3", AT, null, true);

        assertThat(oneRound()).containsExactly("RED-3", "RED-1", "RED-2");
        assertThat(oneRound()).containsExactly("RED-3", "RED-1", "RED-2");
        assertThat(tickets.follow("RED-1", AT, null, true)).as("followed already").isFalse();
        assertThat(oneRound()).containsExactly("RED-3", "RED-1", "RED-2");
    }

    @Test
    void anUnfollowedTicketIsNoLongerTakenEvenWhileItWasBeingRead() {
        tickets.follow("RED-1", AT, null, false);
        tickets.follow("RED-2", AT, null, false);
        FollowedTickets.Entry reading = tickets.next();

        tickets.unfollow("RED-1");
        tickets.readAgainLater(reading, reading.seen());
        tickets.unfollow("RED-2");
        tickets.follow("RED-2", AT, null, false);

        assertThat(oneRound()).containsExactly("RED-2");
        assertThat(tickets.size()).isEqualTo(1);
    }

    @Test
    void aThrottledReadIsTheNextOneAndADroppedTicketIsGone() {
        tickets.follow("RED-1", AT, null, false);
        tickets.follow("RED-2", AT, null, false);
        FollowedTickets.Entry throttled = tickets.next();
        tickets.readAgainFirst(throttled);
        assertThat(tickets.next().ticketId()).isEqualTo("RED-1");

        FollowedTickets.Entry closed = tickets.next();
        tickets.drop(closed);

        assertThat(tickets.contains("RED-2")).isFalse();
        assertThat(tickets.size()).isEqualTo(1);
    }
}
