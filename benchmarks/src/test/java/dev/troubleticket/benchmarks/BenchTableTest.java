package dev.troubleticket.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.internal.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchTableTest {

    /** JMH's results as {@code -rf json} writes them, one benchmark after another. */
    private static ArrayNode results(Object... benchmarkProviderScore) {
        ArrayNode results = Json.mapper().createArrayNode();
        for (int i = 0; i < benchmarkProviderScore.length; i += 3) {
            ObjectNode result = results.addObject();
            result.put("benchmark", "dev.troubleticket.benchmarks." + benchmarkProviderScore[i]);
            if (benchmarkProviderScore[i + 1] != null) {
                result.putObject("params").put("provider", (String) benchmarkProviderScore[i + 1]);
            }
            result.putObject("primaryMetric").put("score", ((Number) benchmarkProviderScore[i + 2]).doubleValue());
        }
        return results;
    }

    @Test
    void pairsEachSdkFigureWithItsHandWrittenTwinAndJudgesTheRatioAgainstTheTarget() {
        ArrayNode results = results(
                "PerCallBenchmark.getSdk", "kosc", 105,
                "PerCallBenchmark.getHand", "kosc", 100,
                "PerCallBenchmark.createSdk", "nexera", 150,
                "PerCallBenchmark.createHand", "nexera", 100,
                "FeedDrainBenchmark.drainSdk", null, 500,
                "FeedDrainBenchmark.drainHand", null, 250);

        String table = BenchTable.render(results, "listing tickets=1000000 requests=10001 seconds=27.17 ticketsPerSecond=36809"
                + " peakHeapMiB=43.8 maxLiveAfterGcMiB=8.3 maxHeapMiB=64 collections=786", List.of());

        assertThat(table).contains("| get ticket, kosc | 105 | 100 | µs/call | 1.05 ◆ | – | ≤ 1.10 | yes |");
        assertThat(table).contains("| create ticket, nexera | 150 | 100 | µs/call | 1.50 ◆ | – | ≤ 1.10 | **no** |");
        assertThat(table).contains("| drain 100,000 feed events, kosc | 200,000 | 400,000 | events/s | 2.00 |");
        assertThat(table).contains("1000000 tickets (10001 pages) with -Xmx64m").contains("| 43.8 |").contains("≤ 64 MiB | yes |");
        assertThat(table).doesNotContain("masstack");
    }

    @Test
    void sampledBenchmarksAreJudgedOnTheirMedian() {
        ArrayNode results = results(
                "PerCallBenchmark.getSdk", "nexera", 900,
                "PerCallBenchmark.getHand", "nexera", 100);
        for (JsonNode result : results) {
            ((ObjectNode) result).put("mode", "sample");
        }
        ((ObjectNode) results.get(0).get("primaryMetric")).putObject("scorePercentiles").put("50.0", 108.0);
        ((ObjectNode) results.get(1).get("primaryMetric")).putObject("scorePercentiles").put("50.0", 100.0);

        assertThat(BenchTable.render(results, null, List.of()))
                .contains("| get ticket, nexera | 108 | 100 | µs/call | 1.08 ◆ | – | ≤ 1.10 | yes |");
    }

    @Test
    void subscriptionRowsGiveTheRateAndAreJudgedOnNoEventLost() {
        JsonNode none = Json.mapper().createArrayNode();
        List<String> subscription = List.of(
                "subscription provider=kosc store=memory events=2000 handed=2000 lost=0 repeats=0 unexpected=0 providerResends=0"
                        + " seconds=0.459 firstSeconds=0.050 eventsPerSecond=4356",
                "subscription provider=nexera store=file events=2000 handed=1998 lost=3 repeats=1 unexpected=0 providerResends=7"
                        + " seconds=3.299 firstSeconds=0.021 eventsPerSecond=605",
                "some other line");

        String table = BenchTable.render(none, null, List.of(), subscription);

        assertThat(table).contains("| subscribe, kosc, memory store: a backlog of ticket and feed events (2,000 events: 0 lost,"
                + " 0 repeated) | 4,356 | – | events/s | – | – | 0 lost | yes |");
        assertThat(table).contains("| subscribe, nexera, file store: notifications pushed to the embedded receiver (2,000 events:"
                + " 3 lost, 1 repeated) | 605 | – | events/s | – | – | 0 lost | **no** |");
        assertThat(table.lines().filter(line -> line.startsWith("| subscribe"))).hasSize(2);
    }

    @Test
    void durableStoreRowsGiveTheRateAndP99AndJudgeOneInstanceOnPostgresqlOnTheRateTarget() {
        JsonNode none = Json.mapper().createArrayNode();
        List<String> lines = List.of(
                "store server server_version=17.6 fsync=on synchronous_commit=on full_page_writes=on commit_delay=0"
                        + " wal_sync_method=fdatasync handlerThreads=4 groupCommit=true",
                "store provider=kosc store=postgresql instances=1 events=5000 handed=5000 lost=0 repeats=0 committed=5000"
                        + " seconds=5.000 eventsPerSecond=1000 p50Millis=400.00 p99Millis=900.50 maxMillis=950.00"
                        + " meanCommitsInFlight=1.10 maxCommitsInFlight=2",
                "store provider=kosc store=postgresql instances=3 events=5000 handed=5000 lost=0 repeats=0 committed=5000"
                        + " seconds=5.000 eventsPerSecond=1000 p50Millis=400.00 p99Millis=900.50 maxMillis=950.00"
                        + " meanCommitsInFlight=1.10 maxCommitsInFlight=2",
                "store provider=direct-16 store=postgresql instances=1 events=5000 handed=5000 lost=0 repeats=0 committed=5000"
                        + " seconds=0.800 eventsPerSecond=6250 p50Millis=2.00 p99Millis=9.00 maxMillis=12.00"
                        + " meanCommitsInFlight=12.00 maxCommitsInFlight=16");

        String table = BenchTable.render(none, null, List.of(), lines);

        assertThat(table).contains("| durable stores below: PostgreSQL 17.6 in the JVM, fsync=on, synchronous_commit=on, "
                + "full_page_writes=on, commit_delay=0; 4 handler threads, group commit on |");
        assertThat(table).contains("| subscribe, kosc (polled backlog), postgresql store: 5,000 events, 0 lost; receipt to commit"
                + " p99 900.50 ms (p50 400.00) | 1,000 | – | events/s | – | – | ≥ 5,000/s, 0 lost | **no** |");
        assertThat(table).contains("| subscribe, kosc (polled backlog), postgresql store × 3 instances: 5,000 events, 0 lost;"
                + " receipt to commit p99 900.50 ms (p50 400.00) | 1,000 | – | events/s | – | – | 0 lost | yes |");
        assertThat(table).contains("| the store alone, 16 threads each reading the seen window and committing an event with its"
                + " position, postgresql store: 5,000 events, 0 lost; receipt to commit p99 9.00 ms (p50 2.00) | 6,250 |");
    }

    @Test
    void aListingOverTheHeapTargetIsMarkedMissed() {
        JsonNode none = Json.mapper().createArrayNode();
        String table = BenchTable.render(none, "listing tickets=10 requests=1 seconds=1 peakHeapMiB=80.5 maxLiveAfterGcMiB=70 maxHeapMiB=128", List.of());
        assertThat(table).contains("| 80.5 |").contains("**no**");
    }

    @Test
    void perCallRowsAreJudgedOnTheInterleavedRatioAndParsingRowsOnJmhs() {
        ArrayNode results = results(
                "PerCallBenchmark.getSdk", "masstack", 119,
                "PerCallBenchmark.getHand", "masstack", 100,
                "PerCallBenchmark.createSdk", "kosc", 100,
                "PerCallBenchmark.createHand", "kosc", 100,
                "TicketPageParsingBenchmark.sdkModel", "nexera", 120,
                "TicketPageParsingBenchmark.handWritten", "nexera", 100);
        List<String> interleaved = List.of(
                "interleaved case=get:masstack sdkUs=103.00 handUs=100.00 ratio=1.030 ratioMin=1.022 ratioMax=1.036",
                "interleaved case=create:kosc sdkUs=115.00 handUs=100.00 ratio=1.150 ratioMin=1.140 ratioMax=1.160",
                "interleaved case=parse:nexera sdkUs=135.00 handUs=100.00 ratio=1.350 ratioMin=1.300 ratioMax=1.470",
                "some other line");

        String table = BenchTable.render(results, null, interleaved);

        assertThat(table).contains("| get ticket, masstack | 119 | 100 | µs/call | 1.19 | 1.03 (1.02–1.04) ◆ | ≤ 1.10 | yes |");
        assertThat(table).contains("| create ticket, kosc | 100 | 100 | µs/call | 1.00 | 1.15 (1.14–1.16) ◆ | ≤ 1.10 | **no** |");
        assertThat(table).contains("| parse 100 tickets, nexera | 120 | 100 | µs/page | 1.20 ◆ | 1.35 (1.30–1.47) | ≤ 1.25 | yes |");
    }
}
