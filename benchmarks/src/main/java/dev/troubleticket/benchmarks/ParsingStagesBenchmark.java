package dev.troubleticket.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.kosc.model.KoscTicket;
import dev.troubleticket.nexera.model.TroubleTicket;
import java.io.IOException;
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

@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class ParsingStagesBenchmark {
    @Param({"kosc", "nexera"})
    public String provider;

    private final ObjectMapper plain = new ObjectMapper();
    private byte[] page;
    private Class<?> arrayType;
    private dev.troubleticket.core.internal.ApiResponse response;
    private final dev.troubleticket.kosc.internal.KoscReader kosc = new dev.troubleticket.kosc.internal.KoscReader(Json.mapper());

    @Setup(Level.Trial)
    public void setUp() {
        CannedProvider canned = new CannedProvider(FixtureCapture.capture(provider));
        page = canned.listPage();
        arrayType = provider.equals("kosc") ? KoscTicket[].class : TroubleTicket[].class;
        response = new dev.troubleticket.core.internal.ApiResponse(200, java.util.Map.of(),
                new String(page, java.nio.charset.StandardCharsets.UTF_8), 1, page);
    }

    @Benchmark
    public JsonNode tree() throws IOException {
        return plain.readTree(page);
    }

    @Benchmark
    public JsonNode sdkMapperTree() throws IOException {
        return Json.mapper().readTree(page);
    }

    @Benchmark
    public Object onePass() {
        return provider.equals("kosc") ? kosc.tickets(response) : null;
    }

    @Benchmark
    public Object onePassNeutral() {
        if (!provider.equals("kosc")) {
            return null;
        }
        java.util.List<dev.troubleticket.core.model.Ticket> out = new java.util.ArrayList<>();
        for (KoscTicket t : kosc.tickets(response)) {
            out.add(dev.troubleticket.kosc.internal.NeutralMapper.ticket(t));
        }
        return out;
    }

    @Benchmark
    public Object typedArray() throws IOException {
        return Json.mapper().readValue(page, arrayType);
    }
}
