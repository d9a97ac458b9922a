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

    @Test
    void agreesWithOffsetDateTimeOnRandomFieldsValidOrNot() {
        // Years 0000-9999 (leap centuries included), months 0-13, days 0-32, hours 0-25, minutes and seconds
        // 0-61, offsets up to +-19:59: every valid text is read as OffsetDateTime reads it, every invalid one is
        // left to the general reading.
        Random random = new Random(7);
        int read = 0;
        for (int i = 0; i < 50_000; i++) {
            String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62),
                    random.nextBoolean() ? "" : "." + "123456789".substring(0, 1 + random.nextInt(9)),
                    random.nextInt(3) == 0 ? "Z" : String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-", random.nextInt(20), random.nextInt(60)));
            Instant general = general(text);
            assertThat(IsoOffsetFastPath.read(text)).as(text).isEqualTo(general);
            read += general == null ? 0 : 1;
        }
        assertThat(read).as("valid texts among the random ones").isGreaterThan(10_000);
    }

    private static Instant general(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
