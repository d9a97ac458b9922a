package dev.troubleticket.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.benchmarks.SubscriptionThroughput.Row;
import dev.troubleticket.benchmarks.SubscriptionThroughput.Store;
import dev.troubleticket.benchmarks.SubscriptionThroughput.Tally;
import dev.troubleticket.core.model.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriptionThroughputTest {

    private static TicketEvent event(String ticketId, String id) {
        return new TicketEvent("bench", id, ticketId, TicketEvent.Kind.COMMENT, Instant.now(), null, "comment", null, null, null, null);
    }

    @Test
    void everyProviderWithEitherStoreHandsOverEveryEventMadeOnceAndReportsItsRate() throws InterruptedException {
        List<Row> rows = SubscriptionThroughput.run(40, 0, Duration.ofMillis(SubscriptionThroughput.MASSTACK_INTERVAL_MILLIS));

        assertThat(rows).extracting(row -> row.provider() + "/" + row.store().label()).containsExactly(
                "kosc/memory", "kosc/file", "masstack/memory", "masstack/file", "nexera/memory", "nexera/file");
        for (Row row : rows) {
            assertThat(row.events()).as(row.line()).isEqualTo(40);
            assertThat(row.handed()).as(row.line()).isEqualTo(40);
            assertThat(row.lost()).as(row.line()).isZero();
            assertThat(row.repeats()).as(row.line()).isZero();
            assertThat(row.unexpected()).as(row.line()).isZero();
            assertThat(row.eventsPerSecond()).as(row.line()).isPositive();
            assertThat(row.firstSeconds()).as(row.line()).isLessThanOrEqualTo(row.seconds());
        }
        assertThat(rows.get(1).line()).startsWith("subscription provider=kosc store=file events=40 handed=40 lost=0 repeats=0")
                .contains("eventsPerSecond=");
    }

    @Test
    void theTallyCountsEventsThatNeverCameCameTwiceOrWereNotMade() throws InterruptedException {
        Tally tally = new Tally(Map.of("T1", 2, "T2", 1, Tally.FEED, 1), 4, Duration.ofMillis(50));

        tally.handle(event("T1", "a"));
        tally.handle(event("T1", "a"));
        tally.handle(event("T2", "b"));
        tally.handle(event("T2", "c"));
        tally.handle(event("T9", "d"));
        tally.handle(event(null, "feed-1"));
        Row row = tally.measure("kosc", Store.MEMORY, 4, System.nanoTime(), () -> 3);

        // T1 lacks one event; T1/a came twice; T2/c (one more than T2 had) and T9/d were not made.
        assertThat(row.handed()).isEqualTo(6);
        assertThat(row.lost()).isEqualTo(1);
        assertThat(row.repeats()).isEqualTo(1);
        assertThat(row.unexpected()).isEqualTo(2);
        assertThat(row.providerResends()).isEqualTo(3);
        assertThat(row.eventsPerSecond()).isPositive();
    }

    @Test
    void aTallyWhoseEventsAllCameMeasuresUpToTheLastOfThem() throws InterruptedException {
        Tally tally = new Tally(Map.of("T1", 1, "T2", 1), 2, Duration.ofSeconds(30));
        long started = System.nanoTime();
        tally.handle(event("T1", "a"));
        tally.handle(event("T2", "b"));
        long afterLast = System.nanoTime();

        Row row = tally.measure("nexera", Store.FILE, 2, started, null);

        assertThat(row.lost()).isZero();
        assertThat(row.repeats()).isZero();
        assertThat(row.unexpected()).isZero();
        // Not the settling time after it: the measure ends with the last event.
        assertThat(row.seconds()).isLessThanOrEqualTo((afterLast - started) / 1e9);
    }
}
