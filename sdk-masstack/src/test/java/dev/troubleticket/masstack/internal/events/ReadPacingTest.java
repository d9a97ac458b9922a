package dev.troubleticket.masstack.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The pacing of re-reads, on a clock the test moves. */
class ReadPacingTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private final ReadPacing pacing = new ReadPacing(Duration.ofSeconds(60), clock);

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    /** Reads as a poll does: every read due now. */
    private int readDue(int followed) {
        int reads = 0;
        while (pacing.due(followed)) {
            pacing.reading(followed);
            pacing.succeeded();
            reads++;
        }
        return reads;
    }

    @Test
    void nTicketsAreReadOneIntervalOverNApartAndTheWholeSetOncePerInterval() {
        assertThat(pacing.spacing(600)).isEqualTo(Duration.ofMillis(100));
        int reads = 0;
        for (int step = 0; step < 600; step++) {
            reads += readDue(600);
            assertThat(pacing.untilNext(600)).isLessThanOrEqualTo(Duration.ofMillis(100));
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(reads).isEqualTo(600);
    }

    @Test
    void readsThatFellBehindCatchUpForASecondAtMostNotWithABurstOfTheWholeSet() {
        readDue(600);
        clock.advance(Duration.ofMillis(350));
        assertThat(readDue(600)).as("a short delay is made up").isEqualTo(3);

        clock.advance(Duration.ofSeconds(30));

        assertThat(readDue(600)).as("a second's worth, 100 ms apart, and the slot due now").isEqualTo(11);
        assertThat(pacing.untilNext(600)).isPositive();
    }

    @Test
    void aShortIntervalCatchesUpATenthOfItAtMost() {
        ReadPacing quick = new ReadPacing(Duration.ofSeconds(2), clock);
        quick.reading(20);
        clock.advance(Duration.ofSeconds(5));
        int reads = 0;
        while (quick.due(20)) {
            quick.reading(20);
            reads++;
        }
        assertThat(reads).as("200 ms behind at most, 100 ms apart, and the slot due now").isEqualTo(3);
    }

    @Test
    void moreTicketsFollowedShortenTheWaitAtOnce() {
        readDue(1);
        assertThat(pacing.untilNext(1)).as("capped, so that new tickets are soon seen").isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(200));

        assertThat(pacing.due(600)).isTrue();
    }

    @Test
    void aTooManyRequestsHoldsReadsForItsRetryAfterThenWidensTheSpacingUntilReadsSucceed() {
        readDue(600);
        Duration held = pacing.rateLimited(Duration.ofSeconds(5), 600);

        assertThat(held).isEqualTo(Duration.ofSeconds(5));
        assertThat(pacing.spacing(600)).isEqualTo(Duration.ofMillis(200));
        clock.advance(Duration.ofMillis(4_900));
        assertThat(pacing.due(600)).isFalse();
        clock.advance(Duration.ofMillis(100));
        assertThat(pacing.due(600)).isTrue();

        pacing.reading(600);
        pacing.rateLimited(null, 600);
        assertThat(pacing.spacing(600)).as("a second 429 in a row").isEqualTo(Duration.ofMillis(400));
        clock.advance(Duration.ofMillis(399));
        assertThat(pacing.due(600)).as("held one widened spacing when no Retry-After is given").isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(pacing.due(600)).isTrue();

        int successes = 0;
        while (pacing.slowdown() > 1) {
            pacing.reading(600);
            pacing.succeeded();
            successes++;
        }
        assertThat(successes).isBetween(3, 6);
        assertThat(pacing.spacing(600)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void theSlowdownAndTheRetryAfterAreBounded() {
        for (int i = 0; i < 20; i++) {
            pacing.rateLimited(null, 6_000);
        }
        assertThat(pacing.slowdown()).isEqualTo(ReadPacing.MAX_SLOWDOWN);
        assertThat(pacing.rateLimited(Duration.ofDays(2), 6_000)).isEqualTo(ReadPacing.MAX_RETRY_AFTER);
    }

    @Test
    void nothingIsDueWithNothingFollowed() {
        assertThat(pacing.due(0)).isFalse();
        assertThat(pacing.untilNext(0)).isEqualTo(Duration.ofSeconds(1));
    }
}
