package dev.troubleticket.core.subscription.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The file store's claim on its journal: an OS lock on a lock file beside it ({@code <journal>.lock}), which holds
 * the holder's process id for the message another process gets, and a registry of the journals this JVM holds
 * (the OS lock does not tell two opens in one process apart clearly).
 *
 * <p>The lock file is left in place on close: deleting it would let two processes lock two different files of
 * the same name.
 */
final class StoreLock implements AutoCloseable {
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();
    // Only a byte far beyond the pid is locked: where locks are mandatory (Windows), the pid can still be read.
    private static final long LOCKED_BYTE = Long.MAX_VALUE - 1;

    private final Path journal;
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(Path journal, FileChannel channel, FileLock lock) {
        this.journal = journal;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code journal}. */
    static Path lockFile(Path journal) {
        return journal.resolveSibling(journal.getFileName() + ".lock");
    }

    /**
     * Takes the journal for this process.
     *
     * @throws SubscriptionStoreException when this process or another holds it, or the lock file cannot be written
     */
    static StoreLock take(Path journal) {
        if (!HELD_IN_THIS_JVM.add(journal)) {
            throw new SubscriptionStoreException("subscription store " + journal + " is already open in this process: "
                    + "open it once and give the same store to every subscription (one store serves several), or close "
                    + "the first one before opening it again");
        }
        Path lockFile = lockFile(journal);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock(LOCKED_BYTE, 1, false);
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(channel);
                throw new SubscriptionStoreException("subscription store " + journal + " is in use by another process ("
                        + (holder.isEmpty() ? "its id is not known" : "pid " + holder) + ", lock file " + lockFile + "): "
                        + "a store file serves one process at a time. Stop that process, or give this one a store file "
                        + "of its own");
            }
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            channel.force(false);
            return new StoreLock(journal, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            HELD_IN_THIS_JVM.remove(journal);
            throw new SubscriptionStoreException("subscription store " + journal + " cannot be opened: its lock file "
                    + lockFile + " cannot be written (" + e + "). Give a path in a directory this process can write, "
                    + "or let it write there", e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            HELD_IN_THIS_JVM.remove(journal);
            throw e;
        }
    }

    /** Releases the journal. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
        HELD_IN_THIS_JVM.remove(journal);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
            return text.chars().allMatch(Character::isDigit) ? text : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }
}
