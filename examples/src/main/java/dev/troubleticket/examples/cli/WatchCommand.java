package dev.troubleticket.examples.cli;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.feed.CheckpointStore;
import dev.troubleticket.core.feed.FileCheckpointStore;
import dev.troubleticket.core.feed.InMemoryCheckpointStore;
import dev.troubleticket.examples.support.FollowOptions;
import dev.troubleticket.examples.support.ProviderSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ticketctl watch}: follows the provider's events until interrupted, one JSON line per event.
 * Kosc: the recently modified tickets; MasStack: the tickets named with {@code --ticket}; Nexera:
 * registers a hub for {@code --callback-url} and listens on {@code --listen}, unregistering on exit. Nexera
 * sends no credentials with its notifications: unless a listener secret or listener credentials are set, the
 * URL registered gets an unguessable token as its last path segment.
 */
@Command(name = "watch", description = "Follow the provider's events until interrupted, one line per event.")
final class WatchCommand extends ClientCommand {
    @Option(names = "--checkpoint", description = "a file to keep the position in, to resume after a restart")
    Path checkpoint;

    @Option(names = "--interval", description = "seconds between polls, for polled providers (default 30)")
    long intervalSeconds = 30;

    @Option(names = "--ticket", description = "a ticket to follow (MasStack; repeatable)")
    List<String> tickets = new ArrayList<>();

    @Option(names = "--callback-url", description = "the URL at which the provider reaches the receiver's /listener path (Nexera; "
            + "a secret token is appended to it unless listener credentials are set)")
    String callbackUrl;

    @Option(names = "--listen", description = "HOST:PORT to receive the provider's calls on (Nexera)")
    String listen;

    @Option(names = "--stop-after", description = "stop after this many seconds (default: until interrupted)")
    Long stopAfterSeconds;

    /** Released by tests, or by the shutdown hook on Ctrl-C. */
    static volatile CountDownLatch stop = new CountDownLatch(1);

    @Override
    void run(TicketingClient client, Output printer) throws Exception {
        if (intervalSeconds < 1) {
            throw new UsageException("--interval must be at least 1 second");
        }
        if (checkpoint != null) {
            // Fail now, not at the first event, when the checkpoint cannot be written where asked.
            java.nio.file.Files.createDirectories(checkpoint.toAbsolutePath().getParent());
        }
        CheckpointStore store = checkpoint == null ? new InMemoryCheckpointStore() : new FileCheckpointStore(checkpoint);
        FollowOptions options = new FollowOptions(store, Duration.ofSeconds(intervalSeconds), tickets, callbackUrl, listen, null);
        CountDownLatch latch = stop;
        Thread hook = new Thread(latch::countDown);
        Runtime.getRuntime().addShutdownHook(hook);
        try (AutoCloseable following = ProviderSupport.of(client.provider()).follow(client, options, event -> {
            synchronized (printer) {
                printer.event(event);
                printer.flush();
            }
        })) {
            if (stopAfterSeconds != null) {
                latch.await(stopAfterSeconds, TimeUnit.SECONDS);
            } else {
                latch.await();
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook has run
            }
        }
    }
}
