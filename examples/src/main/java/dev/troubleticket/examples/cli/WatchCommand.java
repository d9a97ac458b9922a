package dev.troubleticket.examples.cli;

import dev.troubleticket.core.Capability;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.SubscriptionHealth;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.DeadLetter;
import dev.troubleticket.core.subscription.store.FileSubscriptionStore;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import dev.troubleticket.core.subscription.store.SubscriptionStoreException;
import dev.troubleticket.store.jdbc.JdbcSubscriptionStore;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ticketctl watch}: follows the provider's ticket events through {@link TicketingClient#subscribe} until
 * interrupted, one line per event, with the same options for every provider. With {@code --store} the
 * subscription is kept in a file, so that the next {@code watch} with the same file goes on where this one
 * stopped and prints no event twice; without it, nothing is kept. With {@code --store jdbc:postgresql://...} it is
 * kept in PostgreSQL, where several watches under one {@code --name} share it: the lease holder reads, the others
 * wait and take over when it stops.
 *
 * <p>On exit (Ctrl-C, {@code --stop-after}) the subscription is closed: the event in hand is finished. With a store
 * the provider's side (a TMF621 hub) is kept for the next {@code watch}; without one, nothing could resume it, so it
 * is removed.
 */
@Command(name = "watch", mixinStandardHelpOptions = true, description = "Follow the provider's ticket events until interrupted, one line per event.")
final class WatchCommand extends ClientCommand {
    @Option(names = {"--store", "--checkpoint"}, paramLabel = "PATH|JDBC_URL",
            description = "a file to keep the subscription in (positions, events already printed, followed tickets, the hub), "
                    + "to go on from there after a restart, or a PostgreSQL database (jdbc:postgresql://host:port/db, user and "
                    + "password from its parameters or env " + StoreUrl.USER_ENV + " / " + StoreUrl.PASSWORD_ENV + ") that several "
                    + "watches under one --name share; --checkpoint is its old name (default: in memory, nothing kept)")
    String store;

    @Option(names = "--prefix", paramLabel = "PREFIX",
            description = "with a jdbc: store, the prefix of its table names (default: " + JdbcSubscriptionStore.DEFAULT_TABLE_PREFIX + ")")
    String prefix;

    @Option(names = "--lease-ttl", paramLabel = "SECONDS",
            description = "with a jdbc: store, how long this watch's lease lasts unless renewed (default 30): another watch under "
                    + "the same name takes over within twice that after this one dies")
    Long leaseTtlSeconds;

    @Option(names = "--replay-dead-letters",
            description = "hand the subscription's dead letters to this watch again once started (printed as events, then "
                    + "removed from the store)")
    boolean replayDeadLetters;

    @Option(names = "--from", paramLabel = "WHEN",
            description = "where to start when the store holds no position yet: an ISO instant (2024-05-01T08:00:00Z), now, "
                    + "or beginning (the default)")
    String from;

    @Option(names = "--interval", paramLabel = "SECONDS",
            description = "seconds between polls, for polled providers (default: the provider's own)")
    Long intervalSeconds;

    @Option(names = "--ticket", paramLabel = "ID",
            description = "only this ticket's events (repeatable); MasStack, which has no feed, re-reads it, and the store "
                    + "remembers it for the next watch")
    List<String> tickets = new ArrayList<>();

    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "where the receiver listens for the provider's calls (providers that push: nexera)")
    String listen;

    @Option(names = "--callback-url", paramLabel = "URL",
            description = "the URL at which the provider reaches the receiver (default: http://HOST:PORT/listener from --listen); "
                    + "Nexera appends a secret token to it unless listener credentials are set")
    String callbackUrl;

    @Option(names = "--name", paramLabel = "NAME", description = "the subscription's name in the store (default: ticketctl-PROVIDER)")
    String name;

    @Option(names = "--stop-after", paramLabel = "SECONDS", description = "stop after this many seconds (default: until interrupted)")
    Long stopAfterSeconds;

    /** Released by tests, or by the shutdown hook on Ctrl-C. */
    static volatile CountDownLatch stop = new CountDownLatch(1);

    /** How long Ctrl-C waits for the subscription to close before the JVM goes. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(15);

    /** How often the wait looks at the subscription's health, to end when it stopped by itself. */
    private static final Duration HEALTH_CHECK = Duration.ofSeconds(1);

    @Override
    void run(TicketingClient client, Output printer) throws Exception {
        SubscriptionOptions.Builder options = options(client);
        CountDownLatch latch = stop;
        CountDownLatch closed = new CountDownLatch(1);
        // The JVM halts when its shutdown hooks return: the hook waits for the subscription to be closed.
        Thread hook = new Thread(() -> {
            latch.countDown();
            awaitQuietly(closed, CLOSE_WAIT);
        }, "ticketctl-watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (SubscriptionStore opened = openStore();
             TicketSubscription subscription = subscribe(client, printer, options.store(opened));
             AutoCloseable cancelUnlessKept = store == null ? subscription::cancel : () -> { }) {
            start(subscription);
            // On stderr, so that stdout holds only events. The callback URL is not shown: it may carry a token; a store
            // URL is shown with its password masked.
            root.err.println("ticketctl: watching " + client.provider() + " as '" + subscription.name() + "'"
                    + (store == null ? " (nothing kept)" : " (kept in " + StoreUrl.mask(store) + ")") + "; Ctrl-C to stop");
            root.err.flush();
            Boolean holds = opened.shared() ? reportLease(subscription, null) : null;
            warnWhenNothingIsFollowed(client, opened, subscription.name());
            if (replayDeadLetters) {
                replayDeadLetters(subscription);
            }
            waitUntilStopped(subscription, latch, holds);
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook is running
            }
        }
    }

    /** Every option checked, before anything is opened or sent. */
    private SubscriptionOptions.Builder options(TicketingClient client) {
        String provider = client.provider();
        boolean push = client.supports(Capability.PUSH_NOTIFICATIONS);
        if (push) {
            if (listen == null) {
                throw new UsageException(provider + " pushes its events: give --listen HOST:PORT (and --callback-url URL when the "
                        + "provider reaches this machine at another address)");
            }
            if (intervalSeconds != null) {
                throw new UsageException("--interval is for providers that are polled; " + provider + " pushes its events");
            }
        } else {
            List<String> pushOptions = new ArrayList<>();
            if (listen != null) {
                pushOptions.add("--listen");
            }
            if (callbackUrl != null) {
                pushOptions.add("--callback-url");
            }
            if (!pushOptions.isEmpty()) {
                throw new UsageException(String.join(" and ", pushOptions) + (pushOptions.size() == 1 ? " is" : " are")
                        + " for providers that push their events; " + provider + " is polled (see --interval)");
            }
        }
        if (intervalSeconds != null && intervalSeconds < 1) {
            throw new UsageException("--interval must be at least 1 second");
        }
        if (stopAfterSeconds != null && stopAfterSeconds < 0) {
            throw new UsageException("--stop-after must not be negative");
        }
        if (!StoreUrl.isJdbc(store)) {
            if (prefix != null || leaseTtlSeconds != null) {
                throw new UsageException((prefix != null ? "--prefix" : "--lease-ttl") + " is for a store in a database (--store jdbc:...)");
            }
        } else if (leaseTtlSeconds != null && leaseTtlSeconds < 1) {
            throw new UsageException("--lease-ttl must be at least 1 second");
        }
        SubscriptionOptions.Builder options;
        try {
            options = SubscriptionOptions.builder(name != null ? name : "ticketctl-" + provider);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--name: " + e.getMessage());
        }
        options.start(WatchArguments.startPosition(from))
                .tickets(new LinkedHashSet<>(tickets));
        if (intervalSeconds != null) {
            options.pollInterval(Duration.ofSeconds(intervalSeconds));
        }
        if (leaseTtlSeconds != null) {
            options.leaseTtl(Duration.ofSeconds(leaseTtlSeconds));
        }
        if (push) {
            options.callback(WatchArguments.bindAddress(listen), WatchArguments.callbackUrl(callbackUrl));
        }
        return options;
    }

    /**
     * The database store, the file store, or one in memory; a store that cannot be used (a file held by another watch,
     * a database out of reach or without its tables) is a usage error with the store's own words.
     */
    private SubscriptionStore openStore() {
        if (store == null) {
            return new InMemorySubscriptionStore();
        }
        if (StoreUrl.isJdbc(store)) {
            return JdbcStores.openMigrated(StoreUrl.parse(store, root.env), prefix);
        }
        try {
            return FileSubscriptionStore.open(Path.of(store));
        } catch (SubscriptionStoreException | UncheckedIOException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Subscribes; options the adapter refuses (a missing listener setting, say) are a usage error in its words. */
    private TicketSubscription subscribe(TicketingClient client, Output printer, SubscriptionOptions.Builder options) {
        try {
            return client.subscribe(event -> print(printer, event), options.build());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException(ExitCodes.describe(e));
        }
    }

    /** Starts, turning what the user can fix (the store, the address to listen on) into one clear sentence. */
    private static void start(TicketSubscription subscription) {
        try {
            subscription.start();
        } catch (SubscriptionStoreException e) {
            throw new UsageException(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new UsageException(listenFailure(e));
        }
    }

    /** "cannot listen on 127.0.0.1:8443 (Address already in use): give --listen another HOST:PORT", as one sentence. */
    static String listenFailure(UncheckedIOException e) {
        // An InetSocketAddress prints as "host/1.2.3.4:port", or "/1.2.3.4:port" without a host name.
        String message = e.getMessage() == null ? "cannot listen" : e.getMessage().replaceFirst(" \\S*/(\\S+)$", " $1");
        if (!message.startsWith("cannot listen")) {
            return message;
        }
        String reason = e.getCause() == null ? null : e.getCause().getMessage();
        return message + (reason == null || reason.isBlank() || message.contains(reason) ? "" : " (" + reason.strip() + ")")
                + ": give --listen another HOST:PORT";
    }

    /** MasStack has no feed: with no ticket to re-read, nothing would ever be printed. */
    private void warnWhenNothingIsFollowed(TicketingClient client, SubscriptionStore opened, String subscription) {
        if (client.supports(Capability.WATCH_BY_POLLING) && !client.supports(Capability.EVENT_FEED)
                && tickets.isEmpty() && opened.followed(subscription).isEmpty()) {
            root.err.println("ticketctl: " + client.provider() + " has no feed and no ticket is followed: name tickets with --ticket ID"
                    + (store == null ? "" : " (the store remembers them)"));
            root.err.flush();
        }
    }

    /**
     * With a shared store, says on stderr whether this watch holds the lease (it reads) or waits for it (another watch
     * under the same name reads), when that changed since {@code before}; answers the state now.
     */
    private Boolean reportLease(TicketSubscription subscription, Boolean before) {
        SubscriptionHealth health = subscription.health();
        if (!health.running()) {
            return before;
        }
        boolean holds = health.holdsLease();
        if (before == null || before != holds) {
            root.err.println(holds
                    ? "ticketctl: this watch holds the lease of '" + subscription.name() + "': it reads the provider"
                    : "ticketctl: another instance holds the lease of '" + subscription.name() + "': this watch waits and takes "
                            + "over if that one stops");
            root.err.flush();
        }
        return holds;
    }

    /** Hands every dead letter of the subscription to the handler again: printed like any event, then removed. */
    private void replayDeadLetters(TicketSubscription subscription) {
        List<DeadLetter> letters = subscription.deadLetters();
        int replayed = 0;
        for (DeadLetter letter : letters) {
            if (subscription.replay(letter.key())) {
                replayed++;
            }
        }
        root.err.println("ticketctl: replaying " + replayed + " dead letter" + (replayed == 1 ? "" : "s") + " of '"
                + subscription.name() + "'");
        root.err.flush();
    }

    /** Until Ctrl-C, the test's latch, {@code --stop-after}, or the subscription stopping by itself (a store failure). */
    private void waitUntilStopped(TicketSubscription subscription, CountDownLatch latch, Boolean holds) throws InterruptedException {
        long deadline = stopAfterSeconds == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(stopAfterSeconds);
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || latch.await(Math.min(left, HEALTH_CHECK.toNanos()), TimeUnit.NANOSECONDS)) {
                return;
            }
            SubscriptionHealth health = subscription.health();
            if (!health.running()) {
                throw new IllegalStateException("the subscription stopped: " + health.lastError());
            }
            if (holds != null) {
                holds = reportLease(subscription, holds);
            }
        }
    }

    private static void print(Output printer, TicketEvent event) {
        // Events of different tickets may be handed over at once.
        synchronized (printer) {
            printer.event(event);
            printer.flush();
        }
    }

    private static void awaitQuietly(CountDownLatch latch, Duration wait) {
        try {
            latch.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
