package dev.troubleticket.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.examples.support.ProviderSupport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo's account reads in order: each step's status event is printed after that step and before the next. */
class LifecycleDemoTest {

    @ParameterizedTest
    @ValueSource(strings = {"kosc", "masstack", "nexera"})
    void eachStepsEventIsPrintedUnderTheStepThatCausedIt(String provider) {
        StringWriter text = new StringWriter();
        LifecycleDemo.Outcome outcome = new LifecycleDemo(new PrintWriter(text)).run(ProviderSupport.of(provider));

        assertThat(outcome.succeeded()).as(text.toString()).isTrue();
        List<String> lines = Arrays.asList(text.toString().split("\n"));
        assertInOrder(lines, "the provider asks for information", "event followed: STATUS_CHANGE → WAITING_FOR_OPERATOR",
                "the operator answers");
        assertInOrder(lines, "the operator answers", "event followed: STATUS_CHANGE → IN_PROGRESS", "the provider resolves it");
        assertInOrder(lines, "the provider resolves it", "event followed: STATUS_CHANGE → RESOLVED", "the operator closes it");
        assertInOrder(lines, "the operator closes it", "event followed: STATUS_CHANGE → CLOSED", "done:");
    }

    private static void assertInOrder(List<String> lines, String step, String event, String next) {
        int stepAt = indexOf(lines, step, 0);
        int eventAt = indexOf(lines, event, stepAt);
        int nextAt = indexOf(lines, next, stepAt + 1);
        assertThat(eventAt).as("'%s' after '%s' in%n%s", event, step, String.join("\n", lines)).isGreaterThan(stepAt);
        assertThat(eventAt).as("'%s' before '%s' in%n%s", event, next, String.join("\n", lines)).isLessThan(nextAt);
    }

    private static int indexOf(List<String> lines, String part, int from) {
        for (int i = Math.max(from, 0); i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
