package dev.troubleticket.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.Page;
import dev.troubleticket.kosc.EventQuery;
import dev.troubleticket.kosc.KoscApi;
import dev.troubleticket.kosc.model.KoscEvent;
import java.io.IOException;
import okhttp3.OkHttpClient;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a Kosc feed page of 1,000 events, with no network: the SDK's typed events
 * ({@code KoscApi.eventPage}) against the hand-written GET (OkHttp and a plain Jackson tree), both answered
 * the same page in memory by the same OkHttp interceptor. {@code jacksonTree} is the tree of the bytes
 * alone, for reference.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class FeedPageParsingBenchmark {
    /** Events on the page. */
    public static final int EVENTS = 1_000;

    private final ObjectMapper plain = new ObjectMapper();
    private KoscApi sdk;
    private HandWritten hand;
    private EventQuery query;
    private byte[] page;

    @Setup(Level.Trial)
    public void setUp() {
        page = KoscFeedEvents.page(0, EVENTS);
        byte[] answer = page;
        OkHttpClient okHttp = InMemoryApi.okHttp((method, path, q, body) -> LoopbackServer.Answer.json(200, answer));
        sdk = InMemoryApi.client("kosc", okHttp).unwrap(KoscApi.class);
        hand = new HandWritten("kosc", InMemoryApi.BASE_URL, okHttp, SdkClients.TOKEN);
        query = new EventQuery(true, null, null, EVENTS);
    }

    @Benchmark
    public Page<KoscEvent> sdkModel() {
        return sdk.eventPage(query, null);
    }

    @Benchmark
    public JsonNode handWritten() {
        // The query the SDK sends for the same page.
        return hand.get(KoscFeedServer.PATH, "sort=creation_date&limit=" + EVENTS);
    }

    @Benchmark
    public JsonNode jacksonTree() throws IOException {
        return plain.readTree(page);
    }
}
