package dev.troubleticket.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonBindingBenchmarkTest {

    static String[] items() throws Exception {
        return JsonBindingBenchmark.class.getField("item").getAnnotation(org.openjdk.jmh.annotations.Param.class).value();
    }

    @ParameterizedTest
    @MethodSource("items")
    void theHandWrittenSideAndTheJacksonBindingGiveTheSameResultOnTheItemsPage(String item) throws Exception {
        JsonBindingBenchmark benchmark = new JsonBindingBenchmark();
        benchmark.item = item;

        // The benchmark's own setup refuses two sides that disagree.
        benchmark.setUp();

        Object result = benchmark.jackson();
        assertThat(JsonBindingBenchmark.same(benchmark.handWritten(), result)).isTrue();
    }
}
