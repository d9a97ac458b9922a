package dev.troubleticket.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One slot of the fleet: a {@link FleetInstance} in a JVM of its own, started from this JVM's class path with the
 * current {@code java}, killed with SIGKILL, paused with SIGSTOP and resumed with SIGCONT, and started again in the
 * same slot (same callback ports) under a new owner name, as a restarted pod gets a new name. Its output goes to a
 * log file per slot, each run appended.
 */
final class FleetProcess {
    private final int slot;
    private final Path settings;
    private final Path log;
    private final String databasePassword;
    private int incarnation;
    private Process process;
    private String owner;

    FleetProcess(int slot, Path settings, Path log, String databasePassword) {
        this.slot = slot;
        this.settings = settings;
        this.log = log;
        this.databasePassword = databasePassword;
    }

    /** The owner name of the running (or last) incarnation. */
    synchronized String owner() {
        return owner;
    }

    Path log() {
        return log;
    }

    /**
     * Starts the next incarnation and waits until all its subscriptions have started.
     *
     * @param writeSettings writes the settings file for an owner name before the start
     */
    synchronized void start(java.util.function.Consumer<String> writeSettings) {
        incarnation++;
        owner = "fleet-" + slot + "." + incarnation;
        writeSettings.accept(owner);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Dlogback.configurationFile=fleet-logback.xml",
                "-cp", System.getProperty("java.class.path"),
                FleetInstance.class.getName(), settings.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put(FleetInstance.PASSWORD_VARIABLE, databasePassword);
        try {
            Files.writeString(log, "---- start " + owner + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(owner);
    }

    private void awaitReady(String name) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String marker = FleetInstance.READY + " " + name;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("instance " + name + " ended before it was ready (exit " + process.exitValue()
                        + "); see " + log);
            }
            try {
                if (Files.readString(log, StandardCharsets.UTF_8).contains(marker)) {
                    return;
                }
                Thread.sleep(50);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("instance " + name + " was not ready within 60 s; see " + log);
    }

    /** SIGKILL ({@link Process#destroyForcibly()} on Linux): nothing of it runs any more, its leases stay held. */
    synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGSTOP: the process stops where it is, its sockets and transactions open. */
    synchronized void pause() {
        signal("STOP");
    }

    /** SIGCONT: it goes on from where it stopped, unaware of the time that passed. */
    synchronized void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Asks the instance to stop (its subscriptions close and release their leases) and waits for it.
     *
     * @return its exit code, or -1 when it had to be killed
     */
    synchronized int stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return process == null ? 0 : process.exitValue();
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write("stop\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException gone) {
            // ended meanwhile
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            return -1;
        }
        return process.exitValue();
    }
}
