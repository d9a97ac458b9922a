package dev.troubleticket.masstack.internal.events;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The tickets one subscription follows, in the order they are read: a rotation in which each read ticket goes to
 * the back, so that every ticket is read once before any is read twice. Holds, per ticket, what was last
 * <em>reported</em> of it (the store holds what was last <em>handled</em>), so that an event waiting for the
 * handler is not reported a second time. Thread-safe: tickets are followed from any thread while the
 * subscription's reading thread takes them.
 */
final class FollowedTickets {

    /** One followed ticket. Its {@link #seen()} is changed by the reading thread only. */
    public static final class Entry {
        private final String ticketId;
        private final Instant followedAt;
        private volatile FollowedState seen;

        Entry(String ticketId, Instant followedAt, FollowedState seen) {
            this.ticketId = ticketId;
            this.followedAt = followedAt;
            this.seen = seen;
        }

        public String ticketId() { return ticketId; }

        public Instant followedAt() { return followedAt; }

        /** What was last reported of the ticket, or {@code null} before its first read. */
        public FollowedState seen() { return seen; }
    }

    private final Map<String, Entry> byId = new HashMap<>();
    // Entries in reading order; an entry no longer in byId (unfollowed) is skipped when it comes up.
    private final ArrayDeque<Entry> rotation = new ArrayDeque<>();
    // Tickets dropped or unfollowed here since the last clear: the store may still hold them until the commit of
    // their last event, and a refresh from it must not follow them again.
    private final Set<String> retired = new HashSet<>();

    /** Forgets every ticket. */
    public synchronized void clear() {
        byId.clear();
        rotation.clear();
        retired.clear();
    }

    /** Whether the ticket was dropped or unfollowed here since the last {@link #clear()}. */
    public synchronized boolean retired(String ticketId) {
        return retired.contains(ticketId);
    }

    /**
     * Follows a ticket, unless it is followed already.
     *
     * @param seen  what is known of it ({@code null}: nothing, its first read reports it as observed)
     * @param first whether to read it before the others (a ticket whose state is not known yet)
     * @return whether it was not followed before
     */
    public synchronized boolean follow(String ticketId, Instant followedAt, FollowedState seen, boolean first) {
        if (byId.containsKey(ticketId)) {
            return false;
        }
        Entry entry = new Entry(ticketId, followedAt, seen);
        byId.put(ticketId, entry);
        retired.remove(ticketId);
        if (first) {
            rotation.addFirst(entry);
        } else {
            rotation.addLast(entry);
        }
        return true;
    }

    /** Stops following a ticket; returns whether it was followed. */
    public synchronized boolean unfollow(String ticketId) {
        retired.add(ticketId);
        return byId.remove(ticketId) != null;
    }

    /** Whether the ticket is followed. */
    public synchronized boolean contains(String ticketId) {
        return byId.containsKey(ticketId);
    }

    /** How many tickets are followed. */
    public synchronized int size() {
        return byId.size();
    }

    /**
     * Takes the next ticket to read out of the rotation (it stays followed); give it back with {@link #readAgainLater},
     * {@link #readAgainFirst} or {@link #drop} once read. {@code null} when none is followed.
     */
    public synchronized Entry next() {
        Entry entry;
        while ((entry = rotation.pollFirst()) != null) {
            if (byId.get(entry.ticketId) == entry) {
                return entry;
            }
        }
        return null;
    }

    /** Puts a ticket taken by {@link #next()} at the back of the rotation, with what was reported of it now. */
    public synchronized void readAgainLater(Entry entry, FollowedState seen) {
        entry.seen = seen;
        if (byId.get(entry.ticketId) == entry) {
            rotation.addLast(entry);
        }
    }

    /** Puts a ticket taken by {@link #next()} back at the front: its read did not happen (the provider throttled it). */
    public synchronized void readAgainFirst(Entry entry) {
        if (byId.get(entry.ticketId) == entry) {
            rotation.addFirst(entry);
        }
    }

    /** Stops following a ticket taken by {@link #next()} (it reached a final state, or no longer exists). */
    public synchronized void drop(Entry entry) {
        if (byId.remove(entry.ticketId, entry)) {
            retired.add(entry.ticketId);
        }
    }
}
