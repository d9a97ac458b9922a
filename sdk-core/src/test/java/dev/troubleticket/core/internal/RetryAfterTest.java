package dev.troubleticket.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void secondsAreTheWaitAndSurroundingBlanksDoNotMatter() {
        assertThat(RetryAfter.parse("7", NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(" 120 ", NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("0", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void aNegativeNumberAsksForNoWait() {
        assertThat(RetryAfter.parse("-5", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void anHttpDateIsTheTimeUntilItAndADatePastAsksForNoWait() {
        assertThat(RetryAfter.parse("Mon, 02 Mar 2026 10:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Mon, 02 Mar 2026 09:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void aHugeNumberIsKeptWholeSoThatThePolicyCapRefusesIt() {
        // The transport compares it with RetryPolicy.maxRetryAfter and hands it back instead of waiting.
        assertThat(RetryAfter.parse("31536000", NOW)).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void absentBlankOrUnreadableValuesAskForNothing() {
        assertThat(RetryAfter.parse(null, NOW)).isNull();
        assertThat(RetryAfter.parse("  ", NOW)).isNull();
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
        assertThat(RetryAfter.parse("1.5", NOW)).isNull();
        assertThat(RetryAfter.parse("2026-03-02T10:01:30Z", NOW)).as("ISO is not an HTTP date").isNull();
        assertThat(RetryAfter.parse("99999999999999999999", NOW)).as("more than a long").isNull();
    }

    @Test
    void theHeaderIsFoundWhateverTheCaseOfItsName() {
        ApiResponse response = new ApiResponse(503, Map.of("retry-after", List.of("3")), "", 1);
        assertThat(RetryAfter.of(response)).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryAfter.of(new ApiResponse(503, Map.of(), "", 1))).isNull();
    }
}
