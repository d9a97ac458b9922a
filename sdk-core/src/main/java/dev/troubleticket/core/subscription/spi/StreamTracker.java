package dev.troubleticket.core.subscription.spi;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The position of one stream that may be recorded: events are handled out of order across lanes, but a stream's
 * position moves only past events that are all handled (or parked), so that a restart never skips one.
 * Not thread-safe: the subscription holds its lock around each call and the commit that follows.
 */
final class StreamTracker {
    private final TreeMap<Long, Entry> open = new TreeMap<>();
    private long nextSequence;

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

    /** How many items are read but not yet handled. */
    int pending() {
        return open.size();
    }

    /** Forgets every item (the lease was lost: the new holder reads them again). */
    void clear() {
        open.clear();
    }
}
