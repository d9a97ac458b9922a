package dev.troubleticket.core.subscription.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file store's append-only journal: one checksummed line per change, each forced to disk before
 * {@link #append} returns, replayed on open, and rewritten from a snapshot when it has grown well past what it
 * describes.
 *
 * <p>A crash can only cut the last line short (or leave garbage after it): such a torn last record was never
 * acknowledged, and is dropped on open. A bad line with records after it is not the end of an interrupted write,
 * and opening is refused. A rewrite goes to a temporary file in the same directory, forced, then renamed over the
 * journal, so a crash leaves either the old journal or the new one. Not thread-safe: the store synchronises.
 */
final class Journal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final String COMPACTING = ".compacting";
    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private FileChannel channel;
    private long end;
    private long records;

    private Journal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Opens (or creates) the journal and hands every record to {@code replay}, oldest first. The caller holds the
     * file's lock and has {@link #checkIsJournal checked} that the file is a journal.
     */
    static Journal open(Path file, Consumer<JournalRecord> replay) throws IOException {
        removeUnfinishedRewrites(file);
        boolean existed = Files.exists(file);
        Journal journal = new Journal(file, FileChannel.open(file, EnumSet.of(StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE), ownerOnly(file)));
        try {
            if (journal.channel.size() == 0 || isTornHeader(journal.channel)) {
                journal.channel.truncate(0);
                journal.append(JournalCodec.headerLine());
                journal.records = 0;
                if (!existed) {
                    forceDirectory(file.getParent());
                }
            } else {
                journal.replay(replay);
            }
            return journal;
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /**
     * Refuses a file that is not a journal (an old checkpoint file, anything else), reading only its start, so
     * that it is never changed. A missing or empty file, or the start of a header cut short, is a journal to
     * create.
     */
    static void checkIsJournal(Path file) {
        byte[] start;
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                return;
            }
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(in.size(), CHUNK));
                while (buffer.hasRemaining() && in.read(buffer) >= 0) {
                    // read the start of the file
                }
                start = Arrays.copyOf(buffer.array(), buffer.position());
                if (isHeaderPrefix(start, in.size())) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new SubscriptionStoreException("subscription store " + file + " cannot be read (" + e + "); "
                    + "give a path this process can read and write", e);
        }
        int newline = indexOf(start, (byte) '\n');
        int length = newline < 0 ? start.length : newline;
        String firstLine = new String(start, 0, length, java.nio.charset.StandardCharsets.UTF_8);
        if (LegacyCheckpointFile.isOne(firstLine)) {
            throw LegacyCheckpointFile.refusal(file);
        }
        int version;
        try {
            version = JournalCodec.headerVersion(start, length);
        } catch (JournalCodec.DamagedRecord notHeader) {
            throw new SubscriptionStoreException("subscription store " + file + " is not a subscription store journal "
                    + "(its first line is not a journal's header); it is left as it is. Give the store the path of a new "
                    + "file, or of a journal this SDK wrote");
        }
        if (version > JournalCodec.VERSION) {
            throw new SubscriptionStoreException("subscription store " + file + " was written by a newer version of the "
                    + "SDK (journal version " + version + "; this one reads version " + JournalCodec.VERSION + "); open "
                    + "it with that version, or give this one a new file");
        }
    }

    /** How many records follow the header. */
    long records() {
        return records;
    }

    /** Appends one line and forces it to disk. On failure, cuts the file back to where the line began. */
    void append(byte[] line) throws IOException {
        long at = end;
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            long position = at;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(false);
        } catch (IOException e) {
            try {
                channel.truncate(at);
            } catch (IOException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        end = at + line.length;
        records++;
    }

    /**
     * Replaces the journal by one holding {@code snapshot}: written to a temporary file beside it, forced, and
     * renamed over it, so that a crash at any point leaves a whole journal.
     */
    void rewrite(List<JournalRecord> snapshot) throws IOException {
        Path directory = file.getParent();
        Path temporary = Files.createTempFile(directory, file.getFileName() + ".", COMPACTING);
        boolean closed = false;
        boolean moved = false;
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteArrayOutputStream pending = new ByteArrayOutputStream(CHUNK + 1024);
                pending.writeBytes(JournalCodec.headerLine());
                for (JournalRecord record : snapshot) {
                    pending.writeBytes(JournalCodec.line(record));
                    if (pending.size() >= CHUNK) {
                        writeFully(out, pending);
                    }
                }
                writeFully(out, pending);
                out.force(true);
            }
            // Closed first: a file still open cannot be replaced on every system.
            channel.close();
            closed = true;
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
            if (closed) {
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                end = channel.size();
            }
        }
        forceDirectory(directory);
        records = snapshot.size();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing journal {} failed", file, e);
        }
    }

    // ------------------------------------------------------------------ replay

    private void replay(Consumer<JournalRecord> replay) throws IOException {
        LineScanner lines = new LineScanner();
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        long position = 0;
        int read;
        while ((read = channel.read(buffer.clear(), position)) >= 0) {
            buffer.flip();
            for (int i = 0; i < read; i++) {
                lines.accept(buffer.get(i), position + i, replay);
            }
            position += read;
        }
        lines.finish(position);
        if (lines.tornAt >= 0) {
            LOG.warn("subscription store {}: line {} was cut short by a crash while it was written (it was never "
                    + "acknowledged); dropped", file, lines.tornLine);
            channel.truncate(lines.tornAt);
            channel.force(false);
            end = lines.tornAt;
        } else {
            end = position;
        }
        records = Math.max(0, lines.goodLines - 1);
    }

    /** Splits the journal into lines, replays the good ones, and tells a torn end from damage. */
    private final class LineScanner {
        private byte[] line = new byte[1024];
        private int length;
        private long lineStart;
        private int number;
        long goodLines;
        long tornAt = -1;
        int tornLine;
        private String tornReason;

        void accept(byte b, long offset, Consumer<JournalRecord> replay) {
            if (b != '\n') {
                if (length == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[length++] = b;
                return;
            }
            number++;
            lineDone(replay);
            length = 0;
            lineStart = offset + 1;
        }

        void finish(long size) {
            if (length > 0) {
                // A last line without its newline: its append never finished.
                number++;
                if (tornAt < 0) {
                    tornAt = lineStart;
                    tornLine = number;
                } else if (!blank()) {
                    throw damaged(number);
                }
            }
        }

        private void lineDone(Consumer<JournalRecord> replay) {
            if (tornAt >= 0) {
                if (!blank()) {
                    throw damaged(number);
                }
                return;
            }
            try {
                if (number == 1) {
                    JournalCodec.headerVersion(line, length);
                } else {
                    replay.accept(JournalCodec.read(line, length));
                }
                goodLines++;
            } catch (JournalCodec.DamagedRecord e) {
                if (e.whole()) {
                    throw unreadable(e.getMessage());
                }
                tornAt = lineStart;
                tornLine = number;
                tornReason = e.getMessage();
            }
        }

        private boolean blank() {
            for (int i = 0; i < length; i++) {
                if (line[i] != 0) {
                    return false;
                }
            }
            return true;
        }

        private SubscriptionStoreException unreadable(String reason) {
            // Its checksum matches: it was written whole, so no crash cut it short, and it is not dropped.
            return new SubscriptionStoreException("subscription store " + file + ": line " + number + " holds a record "
                    + "this SDK version cannot read (" + reason + "). Was the file written by a newer version? The store "
                    + "is not opened, so that nothing is lost: open it with the version that wrote it");
        }

        private SubscriptionStoreException damaged(int laterLine) {
            return new SubscriptionStoreException("subscription store " + file + ": line " + tornLine + " is damaged ("
                    + tornReason + ") and line " + laterLine + " follows it, so it is not the end of a write cut short "
                    + "by a crash: the file was changed by hand or damaged on disk. The store is not opened, so that "
                    + "nothing is lost silently. Keep a copy of the file, and restore it from a backup; or, to go on "
                    + "with what precedes the damage, keep its first " + (tornLine - 1) + " lines (head -n "
                    + (tornLine - 1) + ") in a new file and open that one");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static boolean isTornHeader(FileChannel channel) throws IOException {
        long size = channel.size();
        byte[] header = JournalCodec.headerLine();
        if (size >= header.length) {
            return false;
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
            // read it whole
        }
        return isHeaderPrefix(buffer.array(), size);
    }

    /** Whether the whole file is the journal's header cut short (a crash while the file was created). */
    private static boolean isHeaderPrefix(byte[] start, long size) {
        byte[] header = JournalCodec.headerLine();
        if (size >= header.length || start.length != size) {
            return false;
        }
        for (int i = 0; i < start.length; i++) {
            if (start[i] != header[i] && start[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static void removeUnfinishedRewrites(Path file) throws IOException {
        // Left by a crash during a rewrite: the journal itself is still the old, whole one.
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(file.getParent(), file.getFileName() + ".*" + COMPACTING)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    private static void writeFully(FileChannel out, ByteArrayOutputStream pending) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(pending.toByteArray());
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        pending.reset();
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        // The journal holds hub callback tokens: only its owner reads it, where the file system has owners.
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    /** Makes a new or renamed entry of {@code directory} durable, where the system lets a directory be forced. */
    static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory; there the rename is durable once it returned.
            LOG.debug("cannot force directory {}: {}", directory, e.toString());
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
