package dev.troubleticket.reliability;

import java.util.Random;

/**
 * Kills a subscription at seeded random points, as a crash of the back office would: an {@link Error}
 * that no SDK code catches, so that the subscription stops dead wherever it was.
 */
final class KillSwitch {
    private final Random random;
    private final double rate;
    private int kills;

    KillSwitch(long seed, double rate) {
        this.random = new Random(seed);
        this.rate = rate;
    }

    /** Kills here with the switch's probability. */
    synchronized void maybeKill(String where) {
        if (random.nextDouble() < rate) {
            kills++;
            throw new Killed(where);
        }
    }

    synchronized int kills() {
        return kills;
    }

    /** The process died at {@code where}. */
    static final class Killed extends Error {
        private static final long serialVersionUID = 1L;

        Killed(String where) {
            super("killed " + where, null, false, false);
        }
    }
}
