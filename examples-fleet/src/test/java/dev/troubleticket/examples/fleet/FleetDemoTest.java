package dev.troubleticket.examples.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The fleet demo end to end: three JVMs, a real PostgreSQL, the leader killed with SIGKILL. */
class FleetDemoTest {

    @Test
    void killingTheLeaseHolderMovesTheLeaseToAnotherInstanceAndNoEventIsLostOrHandledTwice() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        FleetDemo.Result result = new FleetDemo(new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(result.failedOver()).as(text).isTrue();
        assertThat(result.nextLeader()).isNotEqualTo(result.firstLeader());
        assertThat(result.produced()).as(text).isGreaterThan(20);
        assertThat(result.lost()).as(text).isZero();
        assertThat(result.handled()).isEqualTo(result.produced());
        assertThat(result.handledTwice()).as("the handler's row commits with the store's record of the event: " + text).isZero();
        assertThat(text).contains("killed " + result.firstLeader() + " (SIGKILL)")
                .contains("lease holder: " + result.nextLeader() + " after ");
    }
}
