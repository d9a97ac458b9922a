package dev.troubleticket.reliability;

import dev.troubleticket.testkit.faults.Fault;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The suite's report: a row per provider with what every test class added to it (operations, requests and
 * the share of them faulted, faults injected by kind, retries, typed failures, tickets created twice,
 * subscription kills, events lost, events handed to the handler twice, leaked connections). Registered
 * on each test class; printed and written to {@code target/reliability-report.txt} once, when the whole
 * run ends.
 */
final class ReliabilityReport implements BeforeAllCallback {
    private static final Map<String, Row> ROWS = new ConcurrentHashMap<>();
    /** Sections after the table, by title: lines added by tests whose figures are not per-provider counts. */
    private static final Map<String, List<String>> SECTIONS = new ConcurrentSkipListMap<>();

    /** The row of a provider, created empty the first time. */
    static Row row(String provider) {
        return ROWS.computeIfAbsent(provider, p -> new Row());
    }

    /** Adds a line to a section printed after the table. */
    static void line(String section, String text) {
        SECTIONS.computeIfAbsent(section, s -> new CopyOnWriteArrayList<>()).add(text);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root store closes its resources once, after every test class has run.
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(ReliabilityReport.class.getName(), key -> new Writer());
    }

    /** The report as text. */
    static String render() {
        StringBuilder text = new StringBuilder("Reliability report (seed ").append(FaultPlans.SEED).append(")\n");
        text.append(String.format("%-9s %10s %8s %7s %8s %6s %11s %5s %5s %10s %6s %s%n", "provider", "operations", "requests",
                "faulted", "retries", "typed", "dup-tickets", "kills", "lost", "dup-events", "leaked", "faults injected by kind"));
        new TreeMap<>(ROWS).forEach((provider, row) -> text.append(String.format("%-9s %10d %8d %7s %8d %6d %11d %5d %5d %10d %6d %s%n",
                provider, row.operations, row.requests, row.requests == 0 ? "-" : percent(row.faulted, row.requests), row.retries,
                row.typedFailures, row.duplicates, row.kills, row.eventsLost, row.repeats, row.leakedConnections,
                row.faults.entrySet().stream().filter(e -> e.getValue() > 0)
                        .map(e -> e.getKey().name().toLowerCase() + "=" + e.getValue()).collect(Collectors.joining(" ")))));
        SECTIONS.forEach((title, lines) -> {
            text.append('\n').append(title).append('\n');
            lines.forEach(line -> text.append(line).append('\n'));
        });
        return text.toString();
    }

    /** {@code part} of {@code whole} as a percentage with one decimal. */
    static String percent(long part, long whole) {
        return String.format("%.1f%%", 100.0 * part / whole);
    }

    private static void write() {
        String report = render();
        System.out.println(report);
        try {
            Path file = Path.of("target", "reliability-report.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the report when the root store is closed. */
    private static final class Writer implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            write();
        }
    }

    /** One provider's figures, added to by every test that drives it. */
    static final class Row {
        long operations;
        long retries;
        long typedFailures;
        long requests;
        long faulted;
        long duplicates;
        long kills;
        long eventsLost;
        long repeats;
        long leakedConnections;
        final Map<Fault, Integer> faults = new EnumMap<>(Fault.class);

        synchronized Row add(long operations, long retries, long typedFailures, Map<Fault, Integer> injected) {
            this.operations += operations;
            this.retries += retries;
            this.typedFailures += typedFailures;
            injected.forEach((fault, count) -> faults.merge(fault, count, Integer::sum));
            return this;
        }

        /** Requests sent to the simulator under a fault plan, and how many of them were faulted. */
        synchronized Row requests(long requests, long faulted) {
            this.requests += requests;
            this.faulted += faulted;
            return this;
        }

        /** A subscription's kills, and the events its handler was handed more than once. */
        synchronized Row subscription(long kills, long repeats) {
            this.kills += kills;
            this.repeats += repeats;
            return this;
        }

        synchronized Row losses(long duplicates, long eventsLost, long leakedConnections) {
            this.duplicates += duplicates;
            this.eventsLost += eventsLost;
            this.leakedConnections += leakedConnections;
            return this;
        }
    }
}
