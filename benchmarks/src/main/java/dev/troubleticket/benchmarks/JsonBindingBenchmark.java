package dev.troubleticket.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.nexera.NexeraProfile;
import dev.troubleticket.nexera.internal.NeutralMapping;
import dev.troubleticket.nexera.internal.json.CreateBodyWriter;
import dev.troubleticket.nexera.internal.json.WireModule;
import dev.troubleticket.nexera.model.TroubleTicket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * The hand-written JSON that stays, against Jackson's standard binding of the same type, so that the reason it
 * stays can be measured again: {@code handWritten} and {@code jackson} for each {@link #item}. Issue 18 measured
 * every hand-written reader and writer this way and deleted those that were not at least 1.15 × faster
 * (benchmarks/RESULTS.md, "Hand-written JSON against Jackson binding"; the benchmark with every item is at
 * commit 61e88b2). One remains: Nexera's create body ({@code CreateBodyWriter}), written as a tree that is
 * checked against the requirement matrix before it is sent, against Jackson's {@code valueToTree}.
 *
 * <p>The setup checks that both sides give equal trees and fails otherwise, so a figure is never about two
 * different results. Also run interleaved in one JVM by {@code InterleavedCalls json:ITEM}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class JsonBindingBenchmark {

    /** One hand-written reader or writer and its page (see the class comment). */
    @Param({"nexera-create"})
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
                    + byHand + "\n  jackson " + byJackson);
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
    static Sides sides(String item) {
        ObjectMapper adapter = WireModule.mapper();
        if (!item.equals("nexera-create")) {
            throw new IllegalArgumentException("unknown item " + item);
        }
        List<FieldViolation> problems = new ArrayList<>();
        TroubleTicket ticket = new NeutralMapping("nexera", NexeraProfile.profile().defaultTicketType(), adapter)
                .toTroubleTicket(SampleRequests.forProvider("nexera"), problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the sample request does not map: " + problems);
        }
        return new Sides(() -> CreateBodyWriter.of(ticket, adapter), () -> adapter.valueToTree(ticket));
    }

    /** Equal results (JSON trees compare by value). */
    static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }
}
