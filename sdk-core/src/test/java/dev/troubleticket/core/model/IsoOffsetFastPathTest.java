package dev.troubleticket.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoOffsetFastPathTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "2019-05-17T08:51:23.185722Z", "2025-01-15T10:30:00Z", "2020-09-15T00:00:00+02:00", "2020-09-15T00:00:00-05:30",
            "2020-09-15T00:00:00.1Z", "2020-09-15T00:00:00.123456789Z", "2024-02-29T23:59:59.999+18:00", "2020-09-15T00:00:00-00:00",
            // Not this shape or not valid: the fast path must leave them to the general reading.
            "2020-09-15T00:00:00+0200", "2020-09-15 00:00:00Z", "2017-05-09T15:59:55.669742", "2025-01-15T10:30Z",
            "2023-02-29T10:00:00Z", "2020-09-15T24:00:00Z", "2020-09-15T00:00:60Z", "2020-09-15T00:00:00.Z",
            "2020-09-15T00:00:00.1234567890Z", "2020-09-15T00:00:00+19:00", "2020-09-15T00:00:00+02:60", "2020-13-15T00:00:00Z",
            "2020-09-15T00:00:00z", "2020-09-15T00:00:00+02:00:00", "+2020-09-15T00:00:00Z", "2020-09-15T0a:00:00Z",
    })
    void readsExactlyWhatOffsetDateTimeReadsOrLeavesTheTextAlone(String text) {
        Instant fast = IsoOffsetFastPath.read(text);
        Instant general = general(text);
        if (fast != null) {
            assertThat(fast).isEqualTo(general);
        }
    }

    @Test
    void takesTheCommonProviderShapesAndLeavesTheRest() {
        assertThat(IsoOffsetFastPath.read("2019-05-17T08:51:23.185722Z")).isEqualTo(Instant.parse("2019-05-17T08:51:23.185722Z"));
        assertThat(IsoOffsetFastPath.read("2020-09-15T00:00:00+02:00")).isEqualTo(Instant.parse("2020-09-14T22:00:00Z"));
        assertThat(IsoOffsetFastPath.read("2020-09-15T00:00:00+0200")).isNull();
        assertThat(IsoOffsetFastPath.read("2023-02-29T10:00:00Z")).isNull();
    }

    @Test
    void agreesWithOffsetDateTimeOnManyRandomInstantsAndOffsets() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(37) - 18) * 1800 % 64800);
            String text = i % 2 == 0 ? instant.toString() : OffsetDateTime.ofInstant(instant, offset).toString();
            assertThat(IsoOffsetFastPath.read(text)).as(text).isEqualTo(general(text));
        }
    }

    private static Instant general(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
