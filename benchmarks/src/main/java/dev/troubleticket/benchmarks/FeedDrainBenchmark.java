package dev.troubleticket.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
 * How fast a subscription ({@code KoscClient.subscribe}, its {@code feed} stream, in-memory store) drains 100,000
 * Kosc feed events served on loopback in pages of 100 (the stream's page): one operation is the whole feed, from
 * {@code start()} to the last event handled and {@code close()}, so events per second is {@code 100,000 / score}.
 * The hand-written drain is the same walk (same pages) without store, seen window, lanes or typed events.
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
    /** Events per page: the subscription's feed stream reads pages of this size, and so does the hand-written walk. */
    public static final int PAGE_SIZE = FeedDrain.STREAM_PAGE_SIZE;

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
    public long drainSdk() {
        // The handler runs on the subscription's threads: it touches each event without a Blackhole, which is the
        // benchmark thread's; the events are built by the SDK before the handler is called, whatever it does.
        LongAdder sink = new LongAdder();
        long drained = FeedDrain.sdk(feed, event -> sink.add(event.id().length()));
        if (sink.sum() == 0) {
            throw new IllegalStateException("no event had an id");
        }
        return checked(drained);
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
