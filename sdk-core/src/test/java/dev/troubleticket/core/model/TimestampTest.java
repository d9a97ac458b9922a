package dev.troubleticket.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // Every shape found in the providers' documents.
            "2019-05-17T08:51:23.185722Z, 2019-05-17T08:51:23.185722Z",
            "2017-05-09T15:59:55.669742, 2017-05-09T15:59:55.669742Z",
            "2017-05-09T16:1:04 AM.637766, 2017-05-09T16:01:04.637766Z",
            "2017-04-22T10:12:00 AM.459593, 2017-04-22T10:12:00.459593Z",
            "2017-04-22T12:12:00 AM.459593, 2017-04-22T00:12:00.459593Z",
            "2017-04-22T01:12:00 PM, 2017-04-22T13:12:00Z",
            "2025-01-15T10:30:00Z, 2025-01-15T10:30:00Z",
            "2020-09-15T00:00:00+02:00, 2020-09-14T22:00:00Z",
            "2020-09-15T00:00:00+0200, 2020-09-14T22:00:00Z",
            "2020-09-15 00:00:00, 2020-09-15T00:00:00Z",
    })
    void readsEveryDocumentedShapeKeepingTheRawText(String raw, String expected) {
        Timestamp timestamp = Timestamp.parse(raw);
        assertThat(timestamp.raw()).isEqualTo(raw);
        assertThat(timestamp.instant()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void unreadableTextIsKeptWithoutAnInstant() {
        Timestamp timestamp = Timestamp.parse("yesterday at noon");
        assertThat(timestamp.isReadable()).isFalse();
        assertThat(timestamp.raw()).isEqualTo("yesterday at noon");
        assertThat(Timestamp.parse("2017-13-45T99:99:99").isReadable()).isFalse();
        assertThat(Timestamp.parse(null)).isNull();
    }

    @Test
    void zonelessTimesCanBeReadInAnotherZone() {
        assertThat(Timestamp.parse("2017-05-09T15:59:55", ZoneId.of("Europe/Paris")).instant())
                .isEqualTo(Instant.parse("2017-05-09T13:59:55Z"));
    }

    @Test
    void tellsAnOffsetDateTimeExactlyAsOffsetDateTimeDoes() {
        for (String text : new String[] {"2025-01-15T10:30:00Z", "2025-01-15T11:30:00+01:00", "2025-01-15T10:30:00.123456789Z",
                "2025-01-15T10:30Z", "2025-01-15T10:30:00+0100", "2025-01-15T10:30:00", " 2025-01-15T10:30:00Z", "2023-02-29T10:00:00Z",
                "yesterday", ""}) {
            boolean parses;
            try {
                java.time.OffsetDateTime.parse(text);
                parses = true;
            } catch (java.time.format.DateTimeParseException e) {
                parses = false;
            }
            org.assertj.core.api.Assertions.assertThat(Timestamp.isOffsetDateTime(text)).as(text).isEqualTo(parses);
        }
        org.assertj.core.api.Assertions.assertThat(Timestamp.isOffsetDateTime(null)).isFalse();
    }
}
