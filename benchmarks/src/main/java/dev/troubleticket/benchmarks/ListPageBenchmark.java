package dev.troubleticket.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.Page;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketQuery;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of reading one list page of 100 tickets through the SDK's lazy listing against the same GET
 * written by hand, on the same loopback server. MasStack has no list endpoint, so it is not here.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class ListPageBenchmark {
    @Param({"kosc", "nexera"})
    public String provider;

    private CannedApi api;
    private TicketQuery query;

    @Setup(Level.Trial)
    public void setUp() {
        api = CannedApi.start(provider);
        query = TicketQuery.builder().pageSize(CannedProvider.PAGE_SIZE).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        api.close();
    }

    @Benchmark
    public Page<Ticket> listPageSdk() {
        return api.sdk().list(query).pages().iterator().next();
    }

    @Benchmark
    public JsonNode listPageHand() {
        return api.handWritten().listPage();
    }
}
