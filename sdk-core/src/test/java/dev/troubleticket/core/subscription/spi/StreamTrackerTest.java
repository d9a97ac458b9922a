package dev.troubleticket.core.subscription.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The recordable position of a stream and the order of its writes, as lanes complete items out of order. */
class StreamTrackerTest {
    private final StreamTracker tracker = new StreamTracker();

    @Test
    void thePositionMovesOnlyPastItemsAllHandled() {
        long first = tracker.add("p1");
        long second = tracker.add("p2");
        long third = tracker.add("p3");

        assertThat(tracker.complete(second)).as("p1 still in hand").isNull();
        assertThat(tracker.complete(third)).isNull();
        assertThat(tracker.complete(first)).isEqualTo("p3");
        assertThat(tracker.pending()).isZero();
    }

    @Test
    void onePositionWriteAtATimeAndTheFurthestOneGoesNext() {
        long first = tracker.add("p1");
        long second = tracker.add("p2");
        long third = tracker.add("p3");

        String written = tracker.toWrite(tracker.complete(first));
        assertThat(written).as("the first completion writes its position").isEqualTo("p1");
        assertThat(tracker.toWrite(tracker.complete(second))).as("p2 waits for p1's write").isNull();
        assertThat(tracker.toWrite(tracker.complete(third))).as("so does p3, which replaces it").isNull();

        assertThat(tracker.written()).as("after p1, the furthest").isEqualTo("p3");
        assertThat(tracker.written()).as("nothing moved meanwhile").isNull();
        long fourth = tracker.add("p4");
        assertThat(tracker.toWrite(tracker.complete(fourth))).as("no write under way: written at once").isEqualTo("p4");
    }

    @Test
    void aFailedWriteGivesTheTurnBackWithoutLosingThePositionThatMovedMeanwhile() {
        long first = tracker.add("p1");
        long second = tracker.add("p2");
        assertThat(tracker.toWrite(tracker.complete(first))).isEqualTo("p1");
        assertThat(tracker.toWrite(tracker.complete(second))).isNull();

        tracker.writeFailed();

        long third = tracker.add(null);
        assertThat(tracker.toWrite(tracker.complete(third))).as("p2 goes with the next completion").isEqualTo("p2");
    }
}
