package dev.troubleticket.core.subscription.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store against another JVM ({@link StoreChild}): the lock keeps a second process out while this one
 * holds the file and lets it in after close; and a process killed at random points while it appends loses
 * nothing it acknowledged, its file opening cleanly each time.
 */
class FileSubscriptionStoreProcessTest {
    private static final long SEED = 17_2025L;
    private static final int KILLS = 4;

    @TempDir
    Path dir;

    private static Process child(String mode, Path file) throws IOException {
        // A quick start (no optimising compiler, no logging): most of each round is the child's start.
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                "-cp", System.getProperty("java.class.path"), StoreChild.class.getName(), mode, file.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** The child's first line that starts with {@code prefix} (log lines are skipped), or the whole output when none. */
    private static String lineStarting(BufferedReader out, String prefix) throws IOException {
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
            seen.append(line).append('\n');
        }
        return "no line starting with " + prefix + "; output:\n" + seen;
    }

    private static BufferedReader output(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    @Test
    void secondProcessIsRefusedWhileThisOneHoldsTheFileAndGetsItAfterClose() throws Exception {
        Path file = dir.resolve("shared.journal");
        FileSubscriptionStore mine = FileSubscriptionStore.open(file);
        String refusal;
        Process tried = child("try", file);
        try (BufferedReader out = output(tried)) {
            refusal = lineStarting(out, "OPENED");
        }
        tried.waitFor(30, TimeUnit.SECONDS);
        assertThat(refusal).doesNotStartWith("OPENED")
                .contains("REFUSED subscription store " + mine.file())
                .contains("in use by another process (pid " + ProcessHandle.current().pid())
                .contains("lock file " + mine.file() + ".lock");

        mine.close();
        Process holder = child("hold", file);
        try (BufferedReader out = output(holder); OutputStream in = holder.getOutputStream()) {
            assertThat(lineStarting(out, "OPENED")).isEqualTo("OPENED " + mine.file());

            assertThatThrownBy(() -> FileSubscriptionStore.open(file)).isInstanceOf(SubscriptionStoreException.class)
                    .hasMessageContaining("in use by another process (pid " + holder.pid() + ",");

            in.write("close\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            assertThat(lineStarting(out, "CLOSED")).isEqualTo("CLOSED");
        } finally {
            holder.waitFor(30, TimeUnit.SECONDS);
            holder.destroyForcibly();
        }
        FileSubscriptionStore.open(file).close();
    }

    @Test
    void processKilledWhileAppendingLosesNothingItAcknowledged() throws Exception {
        Path file = dir.resolve("appended.journal");
        Random random = new Random(SEED);
        long acknowledged = 0;
        for (int round = 1; round <= KILLS; round++) {
            int killAfter = 20 + random.nextInt(150);
            Process appender = child("append", file);
            long last = acknowledged;
            List<Long> acks = new ArrayList<>();
            try (BufferedReader out = output(appender)) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        acks.add(Long.parseLong(line.substring(4)));
                        if (acks.size() == killAfter) {
                            // SIGKILL through the handle: Process.destroyForcibly would also close the pipe, losing
                            // the acknowledgements the child printed just before it died.
                            appender.toHandle().destroyForcibly();
                        }
                    } else if (line.startsWith("Exception") || line.contains("SubscriptionStoreException")) {
                        throw new AssertionError("round " + round + " (seed " + SEED + "): the child failed: " + line);
                    }
                }
            } finally {
                appender.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(acks).as("round %d (seed %d): the child acknowledged commits before it was killed", round, SEED)
                    .hasSizeGreaterThanOrEqualTo(killAfter);
            assertThat(acks.get(0)).as("round %d: it went on after the last acknowledged commit", round).isGreaterThan(last);
            acknowledged = acks.get(acks.size() - 1);

            try (FileSubscriptionStore store = FileSubscriptionStore.open(file)) {
                for (long n = 1; n <= acknowledged; n++) {
                    assertThat(store.seen("child", "k" + n)).as("round %d (seed %d): acknowledged k%d", round, SEED, n).isTrue();
                }
                assertThat(Long.parseLong(store.positions("child").get("s"))).as("round %d: the stored position", round)
                        .isBetween(acknowledged, acknowledged + 1);
            }
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).as("no compaction left behind")
                        .containsExactlyInAnyOrder("appended.journal", "appended.journal.lock");
            }
        }
        assertThat(Files.readAllLines(file).size()).as("compacted while it ran: fewer lines than writes")
                .isLessThan((int) (3 * acknowledged));
    }
}
