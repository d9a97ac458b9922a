package dev.troubleticket.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Kills a subscription's process at seeded random points, as a crash of the back office would. Each run of the
 * process is a {@link Life}; the switch kills one life at a time: it takes the kill points in a seeded shuffled
 * cycle (so that every point is hit) and fires at a seeded random occurrence of the next one. A kill is an
 * {@link Error} that no SDK code catches, and a dead life throws it from every later handler call and store call,
 * so that the process stops dead wherever it was.
 */
final class KillSwitch {

    /** Where a process may die. */
    enum Point {
        BEFORE_HANDLER("before the handler"),
        BEFORE_COMMIT("after the handler, before the commit"),
        AFTER_COMMIT("just after the commit"),
        AFTER_INBOX_WRITE("after the inbox write, before the answer");

        private final String text;

        Point(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final Random random;
    private final List<Point> cycle;
    private final int planned;
    private final int meanGap;
    private final Map<Point, Integer> kills = new EnumMap<>(Point.class);
    private int total;
    private int countdown;

    /**
     * A switch that kills {@code planned} times in all, at the given points, about every {@code meanGap}
     * occurrences of the point whose turn it is.
     */
    KillSwitch(long seed, Set<Point> points, int planned, int meanGap) {
        this.random = new Random(seed);
        this.cycle = new ArrayList<>(points.stream().sorted().toList());
        Collections.shuffle(cycle, random);
        this.planned = planned;
        this.meanGap = meanGap;
        this.countdown = gap();
    }

    /** The points of a polled provider (no inbox). */
    static Set<Point> polledPoints() {
        return Set.of(Point.BEFORE_HANDLER, Point.BEFORE_COMMIT, Point.AFTER_COMMIT);
    }

    /** Every point. */
    static Set<Point> allPoints() {
        return Set.of(Point.values());
    }

    private int gap() {
        return 1 + random.nextInt(2 * meanGap - 1);
    }

    /** A new run of the process. */
    Life newLife() {
        return new Life();
    }

    /**
     * Whether {@code life} dies at {@code point}; marks it dead under the switch's lock, so that two of its threads
     * passing kill points at once kill it once (a second kill of a dead life would count a kill no restart follows).
     */
    private synchronized boolean fires(Life life, Point point) {
        if (life.dead || total >= planned || point != cycle.get(total % cycle.size()) || --countdown > 0) {
            return false;
        }
        life.dead = true;
        total++;
        kills.merge(point, 1, Integer::sum);
        countdown = gap();
        return true;
    }

    /** How many kills happened. */
    synchronized int kills() {
        return total;
    }

    /** How many kills were planned. */
    int planned() {
        return planned;
    }

    /** The kills by point, for the report: {@code before the handler 2, ...}. */
    synchronized String byPoint() {
        return cycle.stream().sorted().map(p -> p + " " + kills.getOrDefault(p, 0)).collect(Collectors.joining(", "));
    }

    /** One run of the process: alive until the switch kills it. */
    final class Life {
        private volatile boolean dead;

        /** Passes {@code point}: dies here when the switch says so; throws at once when already dead. */
        void at(Point point) {
            checkAlive();
            if (fires(this, point)) {
                throw new Killed(point.toString());
            }
            checkAlive(); // killed meanwhile by another of its threads
        }

        /** Throws when this life has ended: a dead process does nothing more. */
        void checkAlive() {
            if (dead) {
                throw new Killed("already dead");
            }
        }

        boolean dead() {
            return dead;
        }
    }

    /** The process died at {@code where}. */
    static final class Killed extends Error {
        private static final long serialVersionUID = 1L;

        Killed(String where) {
            super("killed " + where, null, false, false);
        }
    }
}
