package dev.troubleticket.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MasStackFollowingTest {

    @Test
    void readsEveryFollowedTicketAboutOncePerIntervalAndDeliversEveryChange() throws InterruptedException {
        MasStackFollowing.Result result = MasStackFollowing.run(40, Duration.ofSeconds(1), 2, 4);

        assertThat(result.delivered()).isEqualTo(4);
        // Loose bounds: they rule out a ticket read many times per interval, or most tickets not read at all.
        assertThat(result.readsPerInterval()).hasSize(2);
        for (long reads : result.readsPerInterval()) {
            assertThat(reads).isBetween(20L, 80L);
        }
        assertThat(result.readsPerSecondMax()).isLessThanOrEqualTo(80);
        assertThat(result.line()).contains("tickets=40", "changes=4", "delivered=4", "readsPerInterval=", "subscriptionHeapMiB=");
    }
}
