package dev.troubleticket.examples.cli;

import java.io.PrintWriter;

/**
 * A long listing's count on stderr, so that a person at a terminal sees it going on (pages are fetched as they are
 * printed): a line rewritten in place every {@value #EVERY} tickets, then the total. The tickets themselves stay
 * alone on stdout.
 */
final class ListingProgress {
    /** How many tickets between two counts. */
    static final int EVERY = 500;

    private final PrintWriter err;
    private boolean shown;

    ListingProgress(PrintWriter err) {
        this.err = err;
    }

    /** After each ticket printed: every {@value #EVERY}, the count so far. */
    void printed(long count) {
        if (count % EVERY == 0) {
            err.print("\r" + count + " tickets so far...");
            err.flush();
            shown = true;
        }
    }

    /** The total, on a line of its own (over the running count when one was shown). */
    void done(long count) {
        err.println((shown ? "\r" : "") + count + " ticket" + (count == 1 ? "" : "s") + " listed");
        err.flush();
    }
}
