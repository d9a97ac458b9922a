package dev.troubleticket.kosc.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The ticket stream's stored position: its text, the former checkpoint's, and how a completed scan moves it. */
class TicketScanPositionTest {
    private static final Instant MARK = Instant.parse("2024-05-01T10:00:00.123456Z");
    private static final Instant HORIZON = Instant.parse("2024-05-01T09:00:00Z");
    private static final Instant TOP = Instant.parse("2024-05-01T11:30:00.5Z");

    @Test
    void everyPartSurvivesItsText() {
        TicketScanPosition position = new TicketScanPosition(MARK, "989", HORIZON, TOP, "T 990/x", "cD0yMDE5+LTA1/LTE3VDA4=");

        String text = position.encode();

        assertThat(text).startsWith("v2 m=2024-05-01T10:00:00.123456Z mk=989 h=2024-05-01T09:00:00Z t=").doesNotContain("T 990");
        assertThat(TicketScanPosition.parse(text)).isEqualTo(position);
        assertThat(TicketScanPosition.parse(TicketScanPosition.startingAt(null).encode())).isEqualTo(TicketScanPosition.startingAt(null));
        assertThat(TicketScanPosition.startingAt(null).encode()).isEqualTo("v2");
    }

    @Test
    void theFormerCheckpointABareInstantIsReadAsMarkAndHorizon() {
        TicketScanPosition position = TicketScanPosition.parse("2024-05-01T10:00:00.123456Z");

        assertThat(position.mark()).isEqualTo(MARK);
        assertThat(position.horizon()).isEqualTo(MARK);
        assertThat(position.scanning()).isFalse();
        assertThat(position.markTicket()).isNull();
    }

    @Test
    void aScanNoTicketOvertookMovesTheHorizonWithTheMarkAndAnOvertakenOneKeepsIt() {
        TicketScanPosition scanning = new TicketScanPosition(MARK, "989", HORIZON, null, null, null).continuing(TOP, "991", "Yw==");

        TicketScanPosition clean = scanning.completed(TOP, "991", true);
        TicketScanPosition overtaken = scanning.completed(TOP, "991", false);

        assertThat(clean).isEqualTo(new TicketScanPosition(TOP, "991", TOP, null, null, null));
        assertThat(overtaken).isEqualTo(new TicketScanPosition(TOP, "991", HORIZON, null, null, null));
    }

    @Test
    void aTopOlderThanTheMarkLeavesTheMarkWhereItIs() {
        // A subscription that starts now: the newest ticket changed before the start.
        TicketScanPosition start = TicketScanPosition.startingAt(TOP);

        assertThat(start.completed(MARK, "989", true)).isEqualTo(start);
        assertThat(TicketScanPosition.startingAt(null).completed(null, null, true)).isEqualTo(TicketScanPosition.startingAt(null));
    }

    @Test
    void aTextOfNoKnownFormIsRefusedWithWhatToDo() {
        for (String odd : new String[] {"yesterday", "v2 m=noon", "v2 q=1", "v2 c", "v3 m=2024-05-01T10:00:00Z",
                "v2 m=2024-05-01T10:00:00Z h=2024-05-01T11:00:00Z", "v2 c=%zz"}) {
            assertThatThrownBy(() -> TicketScanPosition.parse(odd)).as(odd).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot be read").hasMessageContaining("'" + odd + "'")
                    .hasMessageContaining("Remove it from the subscription store");
        }
    }
}
