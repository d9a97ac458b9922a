package dev.troubleticket.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Ticket;
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
 * The cost of one get-ticket and one create-ticket call through the SDK against the same call written by
 * hand with OkHttp and Jackson, on the same loopback server answering the same JSON, for each provider.
 * The ratio of each {@code sdk*} to its {@code hand*} twin is the SDK's cost. Calls are sampled one by one
 * and the table reports medians: on a shared 2-core machine, a few calls stalled by other processes would
 * otherwise decide the mean.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class PerCallBenchmark {
    @Param({"kosc", "masstack", "nexera"})
    public String provider;

    private CannedApi api;
    private String ticketId;
    private CreateTicketRequest request;
    private JsonNode createBody;

    @Setup(Level.Trial)
    public void setUp() {
        api = CannedApi.start(provider);
        ticketId = api.fixture().ticketId();
        request = SampleRequests.forProvider(provider);
        createBody = api.createBodyTree();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        api.close();
    }

    @Benchmark
    public Ticket getSdk() {
        return api.sdk().get(ticketId);
    }

    @Benchmark
    public JsonNode getHand() {
        return api.handWritten().get(ticketId);
    }

    @Benchmark
    public Ticket createSdk() {
        return api.sdk().create(request);
    }

    @Benchmark
    public JsonNode createHand() {
        // The SDK's create looks the reference up before it posts; so does the hand-written one it is compared with.
        return api.handWritten().createAfterLookUp(createBody, request.externalReference());
    }
}
