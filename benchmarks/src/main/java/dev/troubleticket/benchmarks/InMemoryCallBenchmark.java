package dev.troubleticket.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.Ticket;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-call benchmark's get and create answered in memory (no socket): what each side's own work costs,
 * without the network time that {@link PerCallBenchmark}'s figures mostly are. Not in the README's table;
 * run it to see where the SDK's cost per call goes ({@code bench/run InMemoryCall -prof gc}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class InMemoryCallBenchmark {
    @Param({"kosc", "masstack", "nexera"})
    public String provider;

    private TicketingClient sdk;
    private HandWritten hand;
    private String ticketId;
    private CreateTicketRequest request;
    private JsonNode createBody;

    @Setup(Level.Trial)
    public void setUp() {
        ProviderFixture fixture = FixtureCapture.capture(provider);
        CannedProvider canned = new CannedProvider(fixture);
        OkHttpClient okHttp = InMemoryApi.okHttp(canned);
        sdk = InMemoryApi.client(provider, okHttp);
        hand = new HandWritten(provider, InMemoryApi.BASE_URL, okHttp, SdkClients.TOKEN);
        ticketId = fixture.ticketId();
        request = SampleRequests.forProvider(provider);
        sdk.create(request);
        createBody = HandWritten.tree(canned.lastCreateBody());
    }

    @Benchmark
    public Ticket getSdk() {
        return sdk.get(ticketId);
    }

    @Benchmark
    public JsonNode getHand() {
        return hand.get(ticketId);
    }

    @Benchmark
    public Ticket createSdk() {
        return sdk.create(request);
    }

    @Benchmark
    public JsonNode createHand() {
        return hand.createAfterLookUp(createBody, request.externalReference());
    }
}
