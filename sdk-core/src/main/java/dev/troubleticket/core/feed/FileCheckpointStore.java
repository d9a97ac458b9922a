package dev.troubleticket.core.feed;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;

/**
 * A {@link CheckpointStore} in one small properties file, written atomically: the new content goes to
 * a temporary file in the same directory, is forced to disk, and then replaces the old file in one
 * rename, so that a crash leaves either the old checkpoint or the new one, never a torn file.
 */
public final class FileCheckpointStore implements CheckpointStore {
    private final Path file;

    public FileCheckpointStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** The file the checkpoints live in. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<String> load(String subscription) {
        return Optional.ofNullable(read().getProperty(subscription));
    }

    @Override
    public synchronized void save(String subscription, String checkpoint) {
        Properties all = read();
        all.setProperty(subscription, checkpoint);
        write(all);
    }

    private Properties read() {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read checkpoint file " + file, e);
            }
        }
        return properties;
    }

    private void write(Properties properties) {
        try {
            Path directory = file.getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                     OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                    properties.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8) {
                        @Override
                        public void close() throws IOException {
                            flush();
                            channel.force(true);
                        }
                    }, "trouble-ticket SDK subscription checkpoints");
                }
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint file " + file, e);
        }
    }
}
