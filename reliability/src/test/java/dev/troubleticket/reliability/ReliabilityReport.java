package dev.troubleticket.reliability;

import dev.troubleticket.testkit.faults.Fault;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The suite's report: a row per provider with what every test class added to it (operations, faults
 * injected by kind, retries, typed failures, duplicates, events lost, leaked connections). Registered
 * on each test class; printed and written to {@code target/reliability-report.txt} once, when the whole
 * run ends.
 */
final class ReliabilityReport implements BeforeAllCallback {
    private static final Map<String, Row> ROWS = new ConcurrentHashMap<>();
    /** Figures that fit no provider row (the listener under hostile connections), printed under the table. */
    private static final Map<String, String> LINES = new ConcurrentHashMap<>();

    /** The row of a provider, created empty the first time. */
    static Row row(String provider) {
        return ROWS.computeIfAbsent(provider, p -> new Row());
    }

    /** Sets the line printed under the table for {@code topic}. */
    static void line(String topic, String text) {
        LINES.put(topic, text);
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
        text.append(String.format("%-9s %10s %9s %8s %10s %8s %8s %s%n", "provider", "operations", "retries", "typed",
                "duplicates", "lost", "leaked", "faults injected by kind"));
        new TreeMap<>(ROWS).forEach((provider, row) -> text.append(String.format("%-9s %10d %9d %8d %10d %8d %8d %s%n",
                provider, row.operations, row.retries, row.typedFailures, row.duplicates, row.eventsLost, row.leakedConnections,
                row.faults.entrySet().stream().filter(e -> e.getValue() > 0)
                        .map(e -> e.getKey().name().toLowerCase() + "=" + e.getValue()).collect(Collectors.joining(" ")))));
        new TreeMap<>(LINES).forEach((topic, line) -> text.append(topic).append(": ").append(line).append('\n'));
        return text.toString();
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
        long duplicates;
        long eventsLost;
        long leakedConnections;
        final Map<Fault, Integer> faults = new EnumMap<>(Fault.class);

        synchronized Row add(long operations, long retries, long typedFailures, Map<Fault, Integer> injected) {
            this.operations += operations;
            this.retries += retries;
            this.typedFailures += typedFailures;
            injected.forEach((fault, count) -> faults.merge(fault, count, Integer::sum));
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
