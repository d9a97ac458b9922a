package dev.troubleticket.core.subscription.spi;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The position of one stream that may be recorded: events are handled out of order across lanes, but a stream's
 * position moves only past events that are all handled (or parked), so that a restart never skips one.
 * It also orders the writes of that position: one write carries it at a time (with the event that moved it), and a
 * position that moves meanwhile waits for that write and goes in the next one, so that the stored position only moves
 * forward while the events' own records are written side by side.
 * Not thread-safe: the subscription holds its lock around each call.
 */
final class StreamTracker {
    private final TreeMap<Long, Entry> open = new TreeMap<>();
    private long nextSequence;
    private String unwritten;
    private boolean writing;

    private static final class Entry {
        final String position;
        boolean done;

        Entry(String position) {
            this.position = position;
        }
    }

    /** Registers the next item of the stream, with the position it allows once handled ({@code null}: none). */
    long add(String position) {
        long sequence = nextSequence++;
        open.put(sequence, new Entry(position));
        return sequence;
    }

    /**
     * Marks an item handled.
     *
     * @return the furthest position every item up to which is now handled, or {@code null} when the recordable
     *         position did not move
     */
    String complete(long sequence) {
        Entry entry = open.get(sequence);
        if (entry == null) {
            return null;
        }
        entry.done = true;
        String recordable = null;
        Iterator<Map.Entry<Long, Entry>> head = open.entrySet().iterator();
        while (head.hasNext()) {
            Entry first = head.next().getValue();
            if (!first.done) {
                break;
            }
            if (first.position != null) {
                recordable = first.position;
            }
            head.remove();
        }
        return recordable;
    }

    /**
     * Takes a recordable position (from {@link #complete}) for writing.
     *
     * @return the position the caller now writes, or {@code null} when there is none or another write is under way
     *         (it then writes this one after its own, {@link #written()})
     */
    String toWrite(String recordable) {
        if (recordable != null) {
            unwritten = recordable;
        }
        if (writing || unwritten == null) {
            return null;
        }
        writing = true;
        String position = unwritten;
        unwritten = null;
        return position;
    }

    /**
     * The position taken by {@link #toWrite} was written (or its write failed).
     *
     * @return a position that moved meanwhile, which the caller now writes, or {@code null}
     */
    String written() {
        writing = false;
        return toWrite(null);
    }

    /** The write taken by {@link #toWrite} failed: the next position goes with the next completed item. */
    void writeFailed() {
        writing = false;
    }

    /** How many items are read but not yet handled. */
    int pending() {
        return open.size();
    }

    /** Forgets every item (the lease was lost: the new holder reads them again). */
    void clear() {
        open.clear();
    }
}
