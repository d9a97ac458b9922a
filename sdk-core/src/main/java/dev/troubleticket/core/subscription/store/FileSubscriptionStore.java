package dev.troubleticket.core.subscription.store;

import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore.StoreState;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore.Subscription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SubscriptionStore} in one file, for a subscription that runs in one process and must survive its
 * crash: an append-only journal with one checksummed line per change (a commit, a followed ticket, a hub
 * registration, a notification in the inbox, a dead letter removed), each forced to disk before the call returns,
 * and replayed when the file is opened. Everything the store keeps is held in memory as well, so reads cost no I/O.
 *
 * <ul>
 *   <li><b>Crash safety.</b> A crash can only cut the last line short; that line was never acknowledged and is
 *       dropped on open. A damaged line with others after it is refused with its line number and what to do.</li>
 *   <li><b>Compaction.</b> When the journal holds well over twice as many records as the state it describes, it
 *       is rewritten from that state: into a temporary file in the same directory, forced, then renamed over the
 *       journal in one step, so a crash leaves either the old journal or the new one.</li>
 *   <li><b>One process.</b> The file is locked (a lock file beside it, {@code <file>.lock}, holding the holder's
 *       process id): a second process, or a second open in this one, is refused until {@link #close()}.
 *       Leases are kept as {@link InMemorySubscriptionStore} keeps them; their fencing tokens keep growing
 *       across restarts.</li>
 *   <li><b>Seen window.</b> The most recent {@code seenWindow} handled event identities per subscription
 *       (default {@value InMemorySubscriptionStore#DEFAULT_SEEN_WINDOW}); older ones are forgotten first.</li>
 * </ul>
 *
 * <p>A checkpoint file of the SDK's earlier subscriptions (the properties file of the checkpoint store replaced
 * before the first release) is refused, unchanged, with the instant to start the new store from and the tickets to
 * follow again. The journal holds hub callback
 * tokens, so it is created readable by its owner only. Thread-safe.
 */
public final class FileSubscriptionStore implements SubscriptionStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileSubscriptionStore.class);
    /** Records a journal may hold beyond twice its live state before it is compacted. */
    static final int DEFAULT_COMPACTION_SLACK = 10_000;

    private final Path file;
    private final Clock clock;
    private final StoreState state;
    private final int compactionSlack;
    private final StoreLock lock;
    private final Journal journal;
    private long compactionBlockedUntil;
    private SubscriptionStoreException failure;
    private boolean closed;

    private FileSubscriptionStore(Path file, Clock clock, StoreState state, int compactionSlack, StoreLock lock,
            Journal journal) {
        this.file = file;
        this.clock = clock;
        this.state = state;
        this.compactionSlack = compactionSlack;
        this.lock = lock;
        this.journal = journal;
    }

    /**
     * Opens the store in {@code file}, creating it (and its directory) when missing, remembering
     * {@value InMemorySubscriptionStore#DEFAULT_SEEN_WINDOW} handled events per subscription.
     *
     * @throws SubscriptionStoreException when the file is in use, cannot be written, is damaged, or is not a store
     *                                    journal (an old checkpoint file, for one); the message says what to do
     */
    public static FileSubscriptionStore open(Path file) {
        return open(file, InMemorySubscriptionStore.DEFAULT_SEEN_WINDOW);
    }

    /** Opens the store in {@code file}, remembering {@code seenWindow} handled events per subscription. */
    public static FileSubscriptionStore open(Path file, int seenWindow) {
        return open(file, seenWindow, Clock.systemUTC());
    }

    /** Opens the store in {@code file}, remembering {@code seenWindow} handled events, its leases timed by {@code clock}. */
    public static FileSubscriptionStore open(Path file, int seenWindow, Clock clock) {
        return open(file, seenWindow, clock, DEFAULT_COMPACTION_SLACK);
    }

    static FileSubscriptionStore open(Path file, int seenWindow, Clock clock, int compactionSlack) {
        Objects.requireNonNull(clock, "clock");
        StoreState state = new StoreState(seenWindow);
        Path journalFile = resolve(Objects.requireNonNull(file, "file"));
        Journal.checkIsJournal(journalFile);
        StoreLock lock = StoreLock.take(journalFile);
        try {
            Journal journal = Journal.open(journalFile, record -> record.applyTo(state));
            FileSubscriptionStore store = new FileSubscriptionStore(journalFile, clock, state, compactionSlack, lock, journal);
            synchronized (store) {
                store.compactIfLong();
            }
            return store;
        } catch (IOException e) {
            lock.close();
            throw new SubscriptionStoreException("subscription store " + journalFile + " cannot be opened (" + e
                    + "). Give a path this process can read and write", e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The journal's absolute path, its directory created, refused when it is a directory. */
    private static Path resolve(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new SubscriptionStoreException("subscription store " + absolute + " is a directory: give the path of a "
                    + "file (it is created when missing), such as " + absolute.resolve("subscriptions.journal"));
        }
        Path directory = absolute.getParent();
        try {
            Files.createDirectories(directory);
            return directory.toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            throw new SubscriptionStoreException("subscription store " + absolute + " cannot be opened: its directory "
                    + directory + " cannot be created or read (" + e + "). Give a path in a directory this process can "
                    + "write", e);
        }
    }

    /** The journal file. */
    public Path file() {
        return file;
    }

    // ------------------------------------------------------------------ lease

    @Override
    public synchronized Optional<Lease> acquireLease(String subscription, String owner, Duration ttl) {
        checkWritable();
        Subscription s = state.of(subscription);
        long lastToken = s.lastToken;
        Lease lease = s.lease;
        Duration leaseTtl = s.leaseTtl;
        Optional<Lease> granted = state.acquire(subscription, owner, ttl, clock.instant());
        if (s.lastToken > lastToken) {
            try {
                // A new holder: its token must stay the highest ever granted, after a restart too.
                append(new JournalRecord.Grant(subscription, s.lastToken));
            } catch (SubscriptionStoreException e) {
                s.lastToken = lastToken;
                s.lease = lease;
                s.leaseTtl = leaseTtl;
                throw e;
            }
        }
        return granted;
    }

    @Override
    public synchronized Optional<Lease> renewLease(Lease lease) {
        checkOpen();
        return state.renew(lease, clock.instant());
    }

    @Override
    public synchronized void releaseLease(Lease lease) {
        checkOpen();
        state.release(lease);
    }

    // ------------------------------------------------------------------ progress

    @Override
    public synchronized Map<String, String> positions(String subscription) {
        checkOpen();
        return Map.copyOf(state.of(subscription).positions);
    }

    @Override
    public synchronized void commit(Lease lease, Commit commit) {
        checkWritable();
        state.checkFence(lease, commit);
        append(new JournalRecord.Committed(commit));
        state.apply(commit);
        compactIfLong();
    }

    @Override
    public synchronized boolean seen(String subscription, String eventKey) {
        checkOpen();
        return state.of(subscription).seen.containsKey(eventKey);
    }

    // ------------------------------------------------------------------ followed tickets

    @Override
    public synchronized void follow(String subscription, FollowedTicket ticket) {
        write(new JournalRecord.Follow(subscription, Objects.requireNonNull(ticket, "ticket")));
    }

    @Override
    public synchronized void unfollow(String subscription, String ticketId) {
        checkWritable();
        if (state.of(subscription).followed.containsKey(ticketId)) {
            write(new JournalRecord.Unfollow(subscription, ticketId));
        }
    }

    @Override
    public synchronized List<FollowedTicket> followed(String subscription) {
        checkOpen();
        return List.copyOf(state.of(subscription).followed.values());
    }

    // ------------------------------------------------------------------ push

    @Override
    public synchronized Optional<HubRegistration> hub(String subscription) {
        checkOpen();
        return Optional.ofNullable(state.of(subscription).hub);
    }

    @Override
    public synchronized void saveHub(String subscription, HubRegistration registration) {
        write(new JournalRecord.Hub(subscription, registration));
    }

    @Override
    public synchronized boolean addToInbox(String subscription, StoredEvent event) {
        checkWritable();
        Subscription s = state.of(subscription);
        if (s.inbox.containsKey(event.key()) || s.seen.containsKey(event.key())) {
            return false;
        }
        write(new JournalRecord.InboxAdd(subscription, event));
        return true;
    }

    @Override
    public synchronized List<StoredEvent> inbox(String subscription, int limit) {
        checkOpen();
        List<StoredEvent> pending = new ArrayList<>(Math.min(limit, state.of(subscription).inbox.size()));
        for (StoredEvent event : state.of(subscription).inbox.values()) {
            if (pending.size() >= limit) {
                break;
            }
            pending.add(event);
        }
        return pending;
    }

    @Override
    public synchronized long inboxDepth(String subscription) {
        checkOpen();
        return state.of(subscription).inbox.size();
    }

    // ------------------------------------------------------------------ dead letters

    @Override
    public synchronized List<DeadLetter> deadLetters(String subscription) {
        checkOpen();
        return List.copyOf(state.of(subscription).deadLetters.values());
    }

    @Override
    public synchronized void removeDeadLetter(String subscription, String key) {
        checkWritable();
        if (state.of(subscription).deadLetters.containsKey(key)) {
            write(new JournalRecord.DeadLetterRemoved(subscription, key));
        }
    }

    // ------------------------------------------------------------------ lifecycle

    /** Closes the journal and releases the file's lock, so that another process can open it. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        journal.close();
        lock.close();
    }

    @Override
    public String toString() {
        return "FileSubscriptionStore[" + file + "]";
    }

    // ------------------------------------------------------------------ writing

    /** Journals a change, then applies it: what is in memory is always on disk. */
    private void write(JournalRecord record) {
        checkWritable();
        append(record);
        record.applyTo(state);
        compactIfLong();
    }

    private void append(JournalRecord record) {
        try {
            journal.append(JournalCodec.line(record));
        } catch (IOException e) {
            // After a failed write or force, what the system holds of the file is not known: write nothing more.
            failure = new SubscriptionStoreException("subscription store " + file + " could not write its journal (" + e
                    + "); it writes nothing more. What it acknowledged before is on disk: fix the cause (disk full, "
                    + "permissions, a removed disk) and open the store again", e);
            throw failure;
        }
    }

    private void compactIfLong() {
        long live = JournalRecord.liveSize(state);
        if (journal.records() <= 2 * live + compactionSlack || journal.records() < compactionBlockedUntil) {
            return;
        }
        try {
            journal.rewrite(JournalRecord.snapshot(state));
            LOG.debug("subscription store {}: journal compacted to {} records", file, live);
        } catch (IOException e) {
            // The journal is whole (or, after the rename, the new one is): the store goes on and tries again later.
            LOG.warn("subscription store {}: compacting the journal failed ({}); it keeps growing, and compaction is "
                    + "tried again later", file, e.toString());
            compactionBlockedUntil = journal.records() + compactionSlack + live;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new SubscriptionStoreException("subscription store " + file + " is closed; open it again to use it");
        }
    }

    private void checkWritable() {
        checkOpen();
        if (failure != null) {
            throw new SubscriptionStoreException(failure.getMessage(), failure.getCause());
        }
    }
}
