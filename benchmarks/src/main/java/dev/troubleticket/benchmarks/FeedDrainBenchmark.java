package dev.troubleticket.benchmarks;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How fast a subscription drains 100,000 Kosc feed events served on loopback in pages of 1,000: one
 * operation is the whole feed, so events per second is {@code 100,000 / score}. The hand-written drain
 * is the same walk without checkpoints, duplicate window or typed events.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class FeedDrainBenchmark {
    /** Events in the feed. */
    public static final int EVENTS = 100_000;
    /** Events per page. */
    public static final int PAGE_SIZE = 1_000;

    private KoscFeedServer feed;

    @Setup(Level.Trial)
    public void setUp() {
        feed = new KoscFeedServer(EVENTS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        feed.close();
    }

    @Benchmark
    public long drainSdk(Blackhole events) {
        return checked(FeedDrain.sdk(feed, PAGE_SIZE, events::consume));
    }

    @Benchmark
    public long drainHand(Blackhole events) {
        return checked(FeedDrain.handWritten(feed, PAGE_SIZE, events::consume));
    }

    private static long checked(long drained) {
        if (drained != EVENTS) {
            throw new IllegalStateException("drained " + drained + " events, not " + EVENTS);
        }
        return drained;
    }
}
