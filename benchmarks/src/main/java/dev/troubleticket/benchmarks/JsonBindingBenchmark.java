package dev.troubleticket.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.core.internal.ApiResponse;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.internal.OnePassReader;
import dev.troubleticket.masstack.internal.CreateRequestJson;
import dev.troubleticket.masstack.internal.NeutralMapping;
import dev.troubleticket.masstack.internal.Violations;
import dev.troubleticket.masstack.model.CreateTroubleTicketRequest;
import dev.troubleticket.nexera.NexeraProfile;
import dev.troubleticket.nexera.internal.TicketForMapping;
import dev.troubleticket.nexera.internal.TroubleTicketTree;
import dev.troubleticket.nexera.model.TroubleTicket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * Each hand-written JSON reader and writer of the adapters against Jackson's standard binding of the same
 * type ({@link JacksonBindings}), on the page it serves, in one run: {@code handWritten} and {@code jackson}
 * for each {@link #item}. A ticket reader reads a 100-ticket list page, MasStack's reader one ticket as a GET answers it, a writer the create body of the benchmarks'
 * sample request. Pages are read as the adapters read them ({@link OnePassReader}: one pass, each object
 * bound from the parser and its raw JSON sliced), so that the two sides differ only in the binding.
 *
 * <p>Items whose hand-written code is a part of a larger reading measure that part alone: {@code *-ticket}
 * binds the ticket by Jackson with its parts still read by hand, {@code *-parts} the parts by Jackson with the
 * ticket still read by hand; {@code *-all} is everything by Jackson against everything by hand.
 *
 * <p>The setup checks that both sides give equal records (equal bytes or trees for writers) and fails
 * otherwise, so a figure is never about two different results. Judged on the median sample (on the shared
 * machine a mean follows other processes' bursts), and also interleaved in one JVM ({@code InterleavedCalls json:ITEM}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class JsonBindingBenchmark {
    /** Tickets on a list page. */
    static final int PAGE_SIZE = CannedProvider.PAGE_SIZE;

    /** One hand-written reader or writer and its page (see the class comment). */
    @Param({"masstack-ticket", "masstack-create",
            "nexera-ticket", "nexera-parts", "nexera-all", "nexera-for-mapping", "nexera-create"})
    public String item;

    /** One side's work on the item's page. */
    @FunctionalInterface
    interface Work {
        Object run() throws IOException;
    }

    private Work hand;
    private Work jackson;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Sides sides = sides(item);
        hand = sides.hand();
        jackson = sides.jackson();
        Object byHand = hand.run();
        Object byJackson = jackson.run();
        if (!same(byHand, byJackson)) {
            throw new IllegalStateException(item + ": the hand-written and the Jackson side disagree on the fixture:\n  hand    "
                    + describe(byHand) + "\n  jackson " + describe(byJackson));
        }
    }

    @Benchmark
    public Object handWritten() throws IOException {
        return hand.run();
    }

    @Benchmark
    public Object jackson() throws IOException {
        return jackson.run();
    }

    /** The two sides of an item. */
    record Sides(Work hand, Work jackson) {
    }

    /** The two sides of {@code item}, on its page. */
    static Sides sides(String item) throws Exception {
        ObjectMapper adapter = Json.mapper();
        return switch (item) {
            case "masstack-ticket" -> {
                // One ticket as GET answers it: MasStackTicket.fromJson reads the body's bytes into its wire record.
                byte[] ticket = FixtureCapture.capture("masstack").ticketJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                Class<Object> wire = type("dev.troubleticket.masstack.model.MasStackTicket$TicketWire");
                ObjectMapper binding = JacksonBindings.recordBinding(wire);
                yield new Sides(() -> adapter.readValue(ticket, wire), () -> binding.readValue(ticket, wire));
            }
            case "masstack-create" -> {
                Violations violations = new Violations();
                CreateTroubleTicketRequest request = NeutralMapping.toCreate(SampleRequests.forProvider("masstack"),
                        new NeutralMapping.CreateDefaults("SIM-AGENT-01", null, 3), Instant.parse("2026-11-23T06:00:00Z"), violations);
                yield new Sides(() -> CreateRequestJson.write(request, adapter.getFactory()), () -> adapter.writeValueAsBytes(request));
            }
            case "nexera-ticket" -> ticketPage("nexera", TroubleTicket.class, adapter, JacksonBindings.nexeraTicket(false));
            case "nexera-parts" -> ticketPage("nexera", TroubleTicket.class, adapter, JacksonBindings.nexeraParts());
            case "nexera-all" -> ticketPage("nexera", TroubleTicket.class, adapter, JacksonBindings.nexeraTicket(true));
            case "nexera-for-mapping" -> {
                byte[] page = new TicketPages(FixtureCapture.capture("nexera")).page(0, PAGE_SIZE);
                Work byHand = page(page, "nexera", TicketForMapping.class, adapter, TicketForMapping::ticket);
                Work byJackson = page(page, "nexera", TroubleTicket.class, JacksonBindings.nexeraTicketForMapping(), t -> t);
                yield new Sides(byHand, byJackson);
            }
            case "nexera-create" -> {
                List<FieldViolation> problems = new ArrayList<>();
                TroubleTicket ticket = new dev.troubleticket.nexera.internal.NeutralMapping("nexera", NexeraProfile.profile(), adapter)
                        .toTroubleTicket(SampleRequests.forProvider("nexera"), problems);
                requireNone(problems);
                // The create is written as a tree, checked against the requirement matrix, then sent as its bytes.
                yield new Sides(() -> TroubleTicketTree.of(ticket, adapter), () -> adapter.valueToTree(ticket));
            }
            default -> throw new IllegalArgumentException("unknown item " + item);
        };
    }

    private static <T> Sides ticketPage(String provider, Class<T> type, ObjectMapper byHand, ObjectMapper byJackson) {
        byte[] page = new TicketPages(FixtureCapture.capture(provider)).page(0, PAGE_SIZE);
        return new Sides(page(page, provider, type, byHand, t -> t), page(page, provider, type, byJackson, t -> t));
    }

    /** Reads {@code page} as the adapters read a list answer, keeping what {@code keep} takes of each element. */
    private static <T> Work page(byte[] page, String provider, Class<T> type, ObjectMapper mapper,
                                 java.util.function.Function<T, Object> keep) {
        OnePassReader reader = new OnePassReader(provider, mapper);
        ApiResponse response = ApiResponse.ofUtf8(200, Map.of(), page, 1);
        return () -> reader.array(response, "results", type, "item", (value, raw) -> keep.apply(value));
    }

    @SuppressWarnings("unchecked")
    private static Class<Object> type(String name) throws ClassNotFoundException {
        return (Class<Object>) Class.forName(name);
    }

    private static void requireNone(List<FieldViolation> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the sample request does not map: " + problems);
        }
    }

    /** Equal records, equal bytes, or equal JSON trees. */
    static boolean same(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        return Objects.equals(a, b);
    }

    private static String describe(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
