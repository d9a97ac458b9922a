package dev.troubleticket.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Measures one SDK call and its hand-written twin in the same JVM, call after call in alternating order,
 * and prints the median of each and their ratio.
 *
 * <p>Why, beside JMH: JMH runs each benchmark in its own forks, so the SDK and the hand-written figure of
 * a row come from different JVMs. On the shared 2-core machine one fork's median sits up to 10-20 % off
 * another's (JIT decisions, which core the server thread lands on, other processes), and per-call ratios
 * moved by ±0.1 between runs; interleaved in one JVM, both sides meet the same conditions and the ratio
 * held within ±0.01 between rounds. The calls are the JMH benchmarks' own methods, on their own set-up,
 * so the two measures compare exactly the same work.
 *
 * <p>Arguments: {@code case warmupRounds rounds roundSeconds}, where case is {@code get:P}, {@code create:P},
 * {@code list:P}, {@code parse:P}, {@code feed} or {@code json:ITEM} (a {@link JsonBindingBenchmark} item, Jackson's
 * binding in the SDK's place). Prints one line: {@code interleaved case=... sdkUs=...
 * handUs=... ratio=... ratioMin=... ratioMax=...}: each side's median over all rounds, and the median,
 * lowest and highest of the rounds' ratios.
 */
public final class InterleavedCalls {
    private InterleavedCalls() {
    }

    /** One case: the two calls, and what closes their set-up. */
    private record Pair(Callable<?> sdk, Callable<?> hand, AutoCloseable close) {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int warmupRounds = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        double roundSeconds = Double.parseDouble(args[3]);
        Pair pair = pair(name);
        try {
            for (int i = 0; i < warmupRounds; i++) {
                round(pair, roundSeconds);
            }
            long[][] measured = new long[rounds][];
            long[][] measuredHand = new long[rounds][];
            double[] ratios = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long[][] samples = round(pair, roundSeconds);
                measured[i] = samples[0];
                measuredHand[i] = samples[1];
                ratios[i] = (double) median(samples[0]) / median(samples[1]);
            }
            long sdk = median(concat(measured));
            long hand = median(concat(measuredHand));
            Arrays.sort(ratios);
            // The middle round's ratio, not the ratio of the pooled medians: when one round ran slower for both
            // sides (another process), pooling mixed fast SDK calls with slow hand-written ones and once gave a
            // ratio outside every round's.
            System.out.printf(Locale.ROOT, "interleaved case=%s sdkUs=%.2f handUs=%.2f ratio=%.3f ratioMin=%.3f ratioMax=%.3f%n",
                    name, sdk / 1e3, hand / 1e3, ratios[rounds / 2], ratios[0], ratios[rounds - 1]);
        } finally {
            pair.close().close();
        }
    }

    private static Pair pair(String name) throws Exception {
        String[] parts = name.split(":");
        String provider = parts.length > 1 ? parts[1] : null;
        switch (parts[0]) {
            case "get", "create" -> {
                PerCallBenchmark b = new PerCallBenchmark();
                b.provider = provider;
                b.setUp();
                return parts[0].equals("get") ? new Pair(b::getSdk, b::getHand, b::tearDown)
                        : new Pair(b::createSdk, b::createHand, b::tearDown);
            }
            case "list" -> {
                ListPageBenchmark b = new ListPageBenchmark();
                b.provider = provider;
                b.setUp();
                return new Pair(b::listPageSdk, b::listPageHand, b::tearDown);
            }
            case "parse" -> {
                TicketPageParsingBenchmark b = new TicketPageParsingBenchmark();
                b.provider = provider;
                b.setUp();
                return new Pair(b::sdkModel, b::handWritten, () -> { });
            }
            case "feed" -> {
                FeedPageParsingBenchmark b = new FeedPageParsingBenchmark();
                b.setUp();
                return new Pair(b::sdkModel, b::handWritten, () -> { });
            }
            case "json" -> {
                // Jackson's binding in the "sdk" place: the ratio printed is Jackson / hand-written.
                JsonBindingBenchmark b = new JsonBindingBenchmark();
                b.item = provider;
                b.setUp();
                return new Pair(b::jackson, b::handWritten, () -> { });
            }
            default -> throw new IllegalArgumentException("unknown case " + name + " (get:P, create:P, list:P, parse:P, feed, json:ITEM)");
        }
    }

    /** Calls the pair for about {@code seconds}, the SDK first on even pairs and the hand-written call first on odd ones. */
    private static long[][] round(Pair pair, double seconds) throws Exception {
        long[] sdk = new long[1 << 16];
        long[] hand = new long[1 << 16];
        int n = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            if (n == sdk.length) {
                sdk = Arrays.copyOf(sdk, n * 2);
                hand = Arrays.copyOf(hand, n * 2);
            }
            boolean sdkFirst = (n & 1) == 0;
            long t0 = System.nanoTime();
            Object first = (sdkFirst ? pair.sdk() : pair.hand()).call();
            long t1 = System.nanoTime();
            Object second = (sdkFirst ? pair.hand() : pair.sdk()).call();
            long t2 = System.nanoTime();
            if (first == null || second == null) {
                throw new IllegalStateException("a call answered nothing");
            }
            sdk[n] = sdkFirst ? t1 - t0 : t2 - t1;
            hand[n] = sdkFirst ? t2 - t1 : t1 - t0;
            n++;
        }
        return new long[][] {Arrays.copyOf(sdk, n), Arrays.copyOf(hand, n)};
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long[] concat(long[][] parts) {
        return Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray();
    }
}
