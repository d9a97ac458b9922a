package dev.troubleticket.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.Page;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketQuery;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a page of 100 tickets, with no network: the SDK's list page (its transport, typed model, raw
 * JSON and neutral tickets) against the hand-written list call (OkHttp and a plain Jackson tree), both
 * answered the same page in memory by the same OkHttp interceptor, so that each side pays the same to
 * receive the bytes and what is compared is what each does with them. {@code jacksonTree} is the tree of
 * the bytes alone, for reference. MasStack has no list, so it is not here.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class TicketPageParsingBenchmark {
    @Param({"kosc", "nexera"})
    public String provider;

    private final ObjectMapper plain = new ObjectMapper();
    private TicketingClient sdk;
    private HandWritten hand;
    private TicketQuery query;
    private byte[] page;

    @Setup(Level.Trial)
    public void setUp() {
        CannedProvider canned = new CannedProvider(FixtureCapture.capture(provider));
        OkHttpClient okHttp = InMemoryApi.okHttp(canned);
        sdk = InMemoryApi.client(provider, okHttp);
        hand = new HandWritten(provider, InMemoryApi.BASE_URL, okHttp, SdkClients.TOKEN);
        query = TicketQuery.builder().pageSize(CannedProvider.PAGE_SIZE).build();
        page = canned.listPage();
    }

    @Benchmark
    public Page<Ticket> sdkModel() {
        return sdk.list(query).pages().iterator().next();
    }

    @Benchmark
    public JsonNode handWritten() {
        return hand.listPage();
    }

    @Benchmark
    public JsonNode jacksonTree() throws IOException {
        return plain.readTree(page);
    }
}
