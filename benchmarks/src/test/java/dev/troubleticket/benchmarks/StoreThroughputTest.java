package dev.troubleticket.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.benchmarks.StoreThroughput.Row;
import dev.troubleticket.store.jdbc.testing.EmbeddedDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreThroughputTest {

    @Test
    void everyRowHandsOverAndCommitsEveryEventMadeOnceAndTimesEachCommit() throws Exception {
        List<Row> rows;
        String settings;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(EmbeddedDatabase.Durability.PRODUCTION)) {
            settings = StoreThroughput.settings(database.dataSource());
            rows = StoreThroughput.run(database, 40, 0, 4, true);
        }

        assertThat(settings).contains("fsync=on").contains("synchronous_commit=on").contains("full_page_writes=on")
                .contains("commit_delay=0");
        assertThat(rows).extracting(row -> row.provider() + "/" + row.backend().label() + "/" + row.backend().instances())
                .containsExactly("kosc/file/1", "kosc/postgresql/1", "kosc/postgresql/3", "nexera/file/1", "nexera/postgresql/1",
                        "nexera/postgresql/3", "direct-4/file/1", "direct-4/postgresql/1", "direct-16/file/1",
                        "direct-16/postgresql/1");
        for (Row row : rows) {
            assertThat(row.events()).as(row.line()).isEqualTo(40);
            assertThat(row.lost()).as(row.line()).isZero();
            assertThat(row.repeats()).as(row.line()).isZero();
            // Every event's receipt was seen and its commit timed.
            assertThat(row.committed()).as(row.line()).isEqualTo(40);
            assertThat(row.p99Millis()).as(row.line()).isPositive().isLessThanOrEqualTo(row.maxMillis());
            assertThat(row.p50Millis()).as(row.line()).isLessThanOrEqualTo(row.p99Millis());
            assertThat(row.maxCommitsInFlight()).as(row.line()).isPositive();
        }
        assertThat(rows.get(2).line()).startsWith("store provider=kosc store=postgresql instances=3 events=40 handed=40 lost=0")
                .contains("p99Millis=");
    }
}
