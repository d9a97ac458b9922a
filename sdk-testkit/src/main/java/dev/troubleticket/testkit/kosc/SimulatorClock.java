package dev.troubleticket.testkit.kosc;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The simulator's times: its clock's, in microseconds, strictly increasing so that cursors and sorting never tie. */
final class SimulatorClock {
    private final Clock clock;
    private Instant last = Instant.EPOCH;

    SimulatorClock(Clock clock) {
        this.clock = clock;
    }

    /** The clock's instant now (token expiry, the info-message throttle). */
    Instant instant() {
        return clock.instant();
    }

    /** The next time to stamp a change with: after every one handed out before. */
    Instant next() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!now.isAfter(last)) {
            now = last.plus(1, ChronoUnit.MICROS);
        }
        last = now;
        return now;
    }
}
