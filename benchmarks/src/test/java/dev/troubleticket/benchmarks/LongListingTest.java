package dev.troubleticket.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LongListingTest {

    @Test
    void listsEveryTicketPageByPageAndReportsTheHeap() {
        LongListing.Result result = LongListing.run(2_050, 100);

        assertThat(result.tickets()).isEqualTo(2_050);
        assertThat(result.requests()).isEqualTo(21);
        assertThat(result.peakHeapBytes()).isPositive();
        assertThat(result.line()).contains("tickets=2050", "requests=21", "peakHeapMiB=");
    }

    @Test
    void aListMadeOfFullPagesEndsOnTheEmptyPageAfterTheLast() {
        LongListing.Result result = LongListing.run(300, 100);

        assertThat(result.tickets()).isEqualTo(300);
        assertThat(result.requests()).isEqualTo(4);
    }
}
