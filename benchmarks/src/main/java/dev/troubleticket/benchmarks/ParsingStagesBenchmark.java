package dev.troubleticket.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.internal.ApiResponse;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.internal.OnePassReader;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.kosc.internal.NeutralMapping;
import dev.troubleticket.kosc.internal.json.ResponseReader;
import dev.troubleticket.kosc.model.KoscTicket;
import dev.troubleticket.nexera.NexeraProfile;
import dev.troubleticket.nexera.model.TroubleTicket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Where the SDK's reading of a ticket page goes, stage by stage, against a Jackson tree of the same bytes:
 * the shared mapper's tree, the typed tickets bound by the adapters' mappers, the typed reading with raw
 * JSON slices ({@code onePass}), and the neutral tickets as the list makes them ({@code onePassNeutral}). Not in
 * the README's table: run it with {@code bench/run ParsingStages} to see which stage grew.
 */
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
    private ApiResponse response;
    private final ResponseReader kosc = new ResponseReader(dev.troubleticket.kosc.internal.json.WireModule.mapper());
    private List<TroubleTicket> nexeraTickets;
    private List<String> nexeraRaw;
    private final OnePassReader nexera = new OnePassReader("nexera", dev.troubleticket.nexera.internal.json.WireModule.mapper());
    private final dev.troubleticket.nexera.internal.NeutralMapping nexeraNeutral = new dev.troubleticket.nexera.internal.NeutralMapping(
            "nexera", NexeraProfile.profile().defaultTicketType(), dev.troubleticket.nexera.internal.json.WireModule.mapper());

    @Setup(Level.Trial)
    public void setUp() {
        CannedProvider canned = new CannedProvider(FixtureCapture.capture(provider));
        page = canned.listPage();
        arrayType = provider.equals("kosc") ? KoscTicket[].class : TroubleTicket[].class;
        response = ApiResponse.ofUtf8(200, Map.of(), page, 1);
        if (provider.equals("nexera")) {
            nexeraTickets = nexera.array(response, TroubleTicket.class, "trouble ticket", (ticket, raw) -> ticket);
            nexeraRaw = nexera.array(response, TroubleTicket.class, "trouble ticket", (ticket, raw) -> raw);
        }
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
        if (provider.equals("kosc")) {
            return kosc.tickets(response);
        }
        return nexera.array(response, TroubleTicket.class, "trouble ticket", (ticket, raw) -> raw);
    }

    @Benchmark
    public Object onePassNeutral() {
        if (provider.equals("kosc")) {
            List<Ticket> out = new ArrayList<>();
            for (KoscTicket t : kosc.tickets(response)) {
                out.add(NeutralMapping.ticket(t));
            }
            return out;
        }
        return nexera.array(response, TroubleTicket.class, "trouble ticket", (ticket, raw) -> nexeraNeutral.toTicket(ticket, raw));
    }

    /** The neutral mapping alone, of tickets read once at set-up (Nexera only). */
    @Benchmark
    public Object neutralAlone() {
        if (nexeraTickets == null) {
            return null;
        }
        List<Ticket> out = new ArrayList<>(nexeraTickets.size());
        for (int i = 0; i < nexeraTickets.size(); i++) {
            out.add(nexeraNeutral.toTicket(nexeraTickets.get(i), nexeraRaw.get(i)));
        }
        return out;
    }

    @Benchmark
    public Object typedArray() throws IOException {
        // Kosc's types are bound through its adapter's module.
        return (provider.equals("kosc") ? dev.troubleticket.kosc.internal.json.WireModule.mapper() : dev.troubleticket.nexera.internal.json.WireModule.mapper()).readValue(page, arrayType);
    }
}
