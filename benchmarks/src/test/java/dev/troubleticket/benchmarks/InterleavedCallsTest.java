package dev.troubleticket.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The interleaved harness runs a case's two calls and prints a line that {@code BenchTable} reads. */
class InterleavedCallsTest {

    @Test
    void measuresBothCallsOfACaseAndPrintsTheirMediansAndRatio() throws Exception {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            InterleavedCalls.main(new String[] {"get:kosc", "0", "3", "0.2"});
        } finally {
            System.setOut(before);
        }
        String line = out.toString(StandardCharsets.UTF_8).trim();
        assertThat(line).startsWith("interleaved case=get:kosc ");
        double sdk = figure(line, "sdkUs");
        double hand = figure(line, "handUs");
        assertThat(sdk).isPositive();
        assertThat(hand).isPositive();
        // The ratio is the middle round's: within the rounds' range, whatever the pooled medians say.
        assertThat(figure(line, "ratio")).isBetween(figure(line, "ratioMin"), figure(line, "ratioMax"));
        assertThat(figure(line, "ratioMin")).isPositive();
    }

    @Test
    void refusesAnUnknownCase() {
        assertThatThrownBy(() -> InterleavedCalls.main(new String[] {"delete:kosc", "0", "1", "0.1"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delete:kosc");
    }

    private static double figure(String line, String name) {
        for (String part : line.split("\\s+")) {
            if (part.startsWith(name + "=")) {
                return Double.parseDouble(part.substring(name.length() + 1));
            }
        }
        throw new AssertionError(name + " missing from " + line);
    }
}
