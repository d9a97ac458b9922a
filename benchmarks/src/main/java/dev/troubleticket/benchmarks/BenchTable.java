package dev.troubleticket.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's JSON results and the long listing's line into the one table {@code bench/run} prints (and
 * the README quotes): each SDK figure beside its hand-written twin, their ratio, and the target. Sampled
 * benchmarks (per call, parsing) count by their median; the others by JMH's score.
 *
 * <p>The ratio of interleaved calls ({@link InterleavedCalls}: both calls in one JVM, one after the other)
 * is shown beside JMH's for the rows it measured. Per-call rows are judged on it: a call's time is mostly
 * waiting on the loopback socket, and JMH's separate forks for the two sides let the machine's state decide
 * ±0.1 of the ratio. Parsing rows are judged on JMH's separate forks: they are pure CPU, and interleaving two
 * 60 KB readings makes each evict the other's data from the caches and mixes the JIT's profiles of the
 * shared parser, so it measures the mixture rather than either reading.
 *
 * <p>The rows of {@link SubscriptionThroughput} (events per second through {@code subscribe}, per provider and
 * store) are judged on the subscription's first guarantee: no event lost. The rows of {@link StoreThroughput} (durable
 * stores: events per second and the 99th percentile from receipt to commit) are judged on no event lost too, and
 * those of one instance on PostgreSQL also on {@value #DURABLE_RATE_TARGET} events a second.
 *
 * <p>Arguments: {@code jmh-result.json [listing-line-file [interleaved-lines-file [subscription-lines-file
 * [store-lines-file]]]]}.
 */
public final class BenchTable {
    /** Per-call target: SDK within 1.10 x hand-written. */
    public static final double PER_CALL_TARGET = 1.10;
    /** Parsing target: SDK model within 1.25 x a plain Jackson tree. */
    public static final double PARSING_TARGET = 1.25;
    /** The long listing's heap limit, MiB. */
    public static final double LISTING_HEAP_MIB = 64;
    /** Events a second through {@code subscribe} with one instance on PostgreSQL at production durability. */
    public static final int DURABLE_RATE_TARGET = 5_000;

    private final Map<String, Double> scores = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> interleaved = new LinkedHashMap<>();
    private final List<String> rows = new ArrayList<>();

    private BenchTable(JsonNode results) {
        for (JsonNode result : results) {
            String name = result.get("benchmark").asText();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            JsonNode params = result.get("params");
            String key = params != null && params.has("provider") ? name + ":" + params.get("provider").asText() : name;
            JsonNode metric = result.get("primaryMetric");
            // Sampled benchmarks are judged on their median, which stalls caused by other processes barely move.
            JsonNode median = metric.path("scorePercentiles").path("50.0");
            scores.put(key, "sample".equals(result.path("mode").asText()) && median.isNumber() ? median.asDouble()
                    : metric.get("score").asDouble());
        }
    }

    public static void main(String[] args) throws IOException {
        JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        String listing = args.length > 1 && Files.exists(Path.of(args[1])) ? Files.readString(Path.of(args[1])).trim() : null;
        List<String> interleaved = args.length > 2 && Files.exists(Path.of(args[2])) ? Files.readAllLines(Path.of(args[2])) : List.of();
        List<String> subscription = new ArrayList<>(
                args.length > 3 && Files.exists(Path.of(args[3])) ? Files.readAllLines(Path.of(args[3])) : List.of());
        if (args.length > 4 && Files.exists(Path.of(args[4]))) {
            subscription.addAll(Files.readAllLines(Path.of(args[4])));
        }
        System.out.print(render(results, listing, interleaved, subscription));
    }

    /**
     * The table for these JMH results, listing line ({@code null} when the listing did not run) and lines of
     * {@link InterleavedCalls} (empty when they did not run).
     */
    public static String render(JsonNode results, String listingLine, List<String> interleavedLines) {
        return render(results, listingLine, interleavedLines, List.of());
    }

    /** The table as {@link #render(JsonNode, String, List)} makes it, with the lines of {@link SubscriptionThroughput}. */
    public static String render(JsonNode results, String listingLine, List<String> interleavedLines, List<String> subscriptionLines) {
        BenchTable table = new BenchTable(results);
        interleavedLines.stream().filter(line -> line.startsWith("interleaved ")).map(BenchTable::figures)
                .forEach(figures -> table.interleaved.put(figures.get("case"), figures));
        for (String provider : List.of("kosc", "masstack", "nexera")) {
            table.pair("get ticket, " + provider, "PerCallBenchmark.getSdk:" + provider, "PerCallBenchmark.getHand:" + provider,
                    "get:" + provider, true, "µs/call", PER_CALL_TARGET);
            table.pair("create ticket, " + provider, "PerCallBenchmark.createSdk:" + provider, "PerCallBenchmark.createHand:" + provider,
                    "create:" + provider, true, "µs/call", PER_CALL_TARGET);
            table.pair("one list page (100), " + provider, "ListPageBenchmark.listPageSdk:" + provider,
                    "ListPageBenchmark.listPageHand:" + provider, "list:" + provider, true, "µs/call", PER_CALL_TARGET);
        }
        for (String provider : List.of("kosc", "nexera")) {
            table.pair("parse 100 tickets, " + provider, "TicketPageParsingBenchmark.sdkModel:" + provider,
                    "TicketPageParsingBenchmark.handWritten:" + provider, "parse:" + provider, false, "µs/page", PARSING_TARGET);
            table.reference("… against a tree of the bytes alone", "TicketPageParsingBenchmark.sdkModel:" + provider,
                    "TicketPageParsingBenchmark.jacksonTree:" + provider, "µs/page");
        }
        table.pair("parse 1,000 feed events, kosc", "FeedPageParsingBenchmark.sdkModel", "FeedPageParsingBenchmark.handWritten",
                "feed", false, "µs/page", PARSING_TARGET);
        table.reference("… against a tree of the bytes alone", "FeedPageParsingBenchmark.sdkModel",
                "FeedPageParsingBenchmark.jacksonTree", "µs/page");
        table.rate("drain 100,000 feed events, kosc", "FeedDrainBenchmark.drainSdk", "FeedDrainBenchmark.drainHand",
                FeedDrainBenchmark.EVENTS);
        table.single("Nexera callbacks over HTTP (receiver)", "CallbackBenchmark.callbackHttp", "notifications/s");
        table.single("Nexera callbacks, handler alone", "CallbackBenchmark.callbackHandler", "notifications/s");
        table.listing(listingLine);
        subscriptionLines.stream().filter(line -> line.startsWith("subscription ")).map(BenchTable::figures)
                .forEach(table::subscription);
        subscriptionLines.stream().filter(line -> line.startsWith("store server ")).map(BenchTable::figures)
                .forEach(table::storeServer);
        subscriptionLines.stream().filter(line -> line.startsWith("store provider=")).map(BenchTable::figures)
                .forEach(table::store);
        StringBuilder out = new StringBuilder();
        out.append("| measure | SDK | hand-written | unit | SDK / hand | interleaved (round range) | target | met |\n");
        out.append("|---|---:|---:|---|---:|---|---|---|\n");
        table.rows.forEach(row -> out.append(row).append('\n'));
        return out.toString();
    }

    /**
     * A row judged against {@code target}: on the interleaved ratio when {@code judgedInterleaved} and it was
     * measured, else on JMH's.
     */
    private void pair(String label, String sdkKey, String handKey, String interleavedCase, boolean judgedInterleaved, String unit,
                      double target) {
        Double sdk = scores.get(sdkKey);
        Double hand = scores.get(handKey);
        if (sdk == null || hand == null) {
            return;
        }
        // Judged on the ratio as shown, to the target's two decimals: the noise is far larger than the rounding.
        double ratio = Math.round(sdk / hand * 100) / 100.0;
        Map<String, String> paired = interleaved.get(interleavedCase);
        String pairedText = "–";
        double judged = ratio;
        if (paired != null) {
            double pairedRatio = Math.round(Double.parseDouble(paired.get("ratio")) * 100) / 100.0;
            pairedText = String.format(Locale.ROOT, "%.2f (%.2f–%.2f)%s", pairedRatio, Double.parseDouble(paired.get("ratioMin")),
                    Double.parseDouble(paired.get("ratioMax")), judgedInterleaved ? " ◆" : "");
            judged = judgedInterleaved ? pairedRatio : ratio;
        }
        rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f%s | %s | ≤ %.2f | %s |", label, number(sdk), number(hand), unit,
                ratio, paired != null && judgedInterleaved ? "" : " ◆", pairedText, target, judged <= target ? "yes" : "**no**"));
    }

    /** A comparison shown for information, without a target (the hand side does less than a real call). */
    private void reference(String label, String sdkKey, String handKey, String unit) {
        Double sdk = scores.get(sdkKey);
        Double hand = scores.get(handKey);
        if (sdk != null && hand != null) {
            rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f | – | – | – |", label, number(sdk), number(hand), unit,
                    Math.round(sdk / hand * 100) / 100.0));
        }
    }

    private void rate(String label, String sdkKey, String handKey, long events) {
        Double sdkMs = scores.get(sdkKey);
        Double handMs = scores.get(handKey);
        if (sdkMs == null || handMs == null) {
            return;
        }
        double sdk = events / (sdkMs / 1000);
        double hand = events / (handMs / 1000);
        rows.add(String.format(Locale.ROOT, "| %s | %s | %s | events/s | %.2f | – | – | – |", label, number(sdk), number(hand), sdkMs / handMs));
    }

    private void single(String label, String key, String unit) {
        Double score = scores.get(key);
        if (score != null) {
            rows.add(String.format(Locale.ROOT, "| %s | %s | – | %s | – | – | – | – |", label, number(score), unit));
        }
    }

    private void listing(String line) {
        if (line == null || line.isBlank()) {
            return;
        }
        Map<String, String> figures = figures(line);
        double peak = Double.parseDouble(figures.getOrDefault("peakHeapMiB", "NaN"));
        double max = Double.parseDouble(figures.getOrDefault("maxHeapMiB", "NaN"));
        rows.add(String.format(Locale.ROOT, "| list %s tickets (%s pages) with -Xmx%.0fm: peak heap (live after GC %s MiB), %s s | %.1f | – | MiB | – | – | ≤ %.0f MiB | %s |",
                figures.get("tickets"), figures.get("requests"), max, figures.get("maxLiveAfterGcMiB"), figures.get("seconds"),
                peak, LISTING_HEAP_MIB, peak <= LISTING_HEAP_MIB && max <= LISTING_HEAP_MIB ? "yes" : "**no**"));
    }

    private void subscription(Map<String, String> figures) {
        String provider = figures.get("provider");
        String what = switch (provider) {
            case "kosc" -> "a backlog of ticket and feed events";
            case "masstack" -> "changes of followed tickets, one re-read each";
            case "nexera" -> "notifications pushed to the embedded receiver";
            default -> "events";
        };
        long lost = Long.parseLong(figures.get("lost"));
        long unexpected = Long.parseLong(figures.getOrDefault("unexpected", "0"));
        rows.add(String.format(Locale.ROOT, "| subscribe, %s, %s store: %s (%,d events: %d lost, %s repeated%s) | %s | – | events/s | – | – | 0 lost | %s |",
                provider, figures.get("store"), what, Long.parseLong(figures.get("events")), lost, figures.get("repeats"),
                unexpected == 0 ? "" : ", " + unexpected + " not made", number(Double.parseDouble(figures.get("eventsPerSecond"))),
                lost == 0 ? "yes" : "**no**"));
    }

    private void storeServer(Map<String, String> figures) {
        rows.add(String.format(Locale.ROOT, "| durable stores below: PostgreSQL %s in the JVM, fsync=%s, synchronous_commit=%s, "
                        + "full_page_writes=%s, commit_delay=%s; %s handler threads, group commit %s | – | – | – | – | – | – | – |",
                figures.get("server_version"), figures.get("fsync"), figures.get("synchronous_commit"), figures.get("full_page_writes"),
                figures.get("commit_delay"), figures.get("handlerThreads"), "true".equals(figures.get("groupCommit")) ? "on" : "off"));
    }

    private void store(Map<String, String> figures) {
        String provider = figures.get("provider");
        String what = provider.startsWith("direct-")
                ? "the store alone, " + provider.substring("direct-".length()) + " threads each reading the seen window and "
                        + "committing an event with its position"
                : switch (provider) {
                    case "kosc" -> "subscribe, kosc (polled backlog)";
                    case "nexera" -> "subscribe, nexera (pushed, inbox first)";
                    default -> "subscribe, " + provider;
                };
        int instances = Integer.parseInt(figures.get("instances"));
        long lost = Long.parseLong(figures.get("lost"));
        boolean judgedOnRate = "postgresql".equals(figures.get("store")) && instances == 1 && !provider.startsWith("direct-");
        double rate = Double.parseDouble(figures.get("eventsPerSecond"));
        boolean met = lost == 0 && (!judgedOnRate || rate >= DURABLE_RATE_TARGET);
        rows.add(String.format(Locale.ROOT, "| %s, %s store%s: %,d events, %d lost; receipt to commit p99 %s ms (p50 %s) | %s | – "
                        + "| events/s | – | – | %s | %s |",
                what, figures.get("store"), instances == 1 ? "" : " × " + instances + " instances",
                Long.parseLong(figures.get("events")), lost, figures.get("p99Millis"), figures.get("p50Millis"), number(rate),
                judgedOnRate ? String.format(Locale.ROOT, "≥ %,d/s, 0 lost", DURABLE_RATE_TARGET) : "0 lost", met ? "yes" : "**no**"));
    }

    /** The {@code name=value} words of a result line. */
    private static Map<String, String> figures(String line) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (String part : line.trim().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                figures.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return figures;
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
