package dev.troubleticket.examples.cli;

import dev.troubleticket.core.subscription.store.DeadLetter;
import dev.troubleticket.store.jdbc.JdbcStoreReport;
import dev.troubleticket.store.jdbc.JdbcStoreReport.LeaseReport;
import dev.troubleticket.store.jdbc.JdbcStoreReport.SubscriptionReport;
import dev.troubleticket.store.jdbc.JdbcSubscriptionStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ticketctl store}: looks after a subscription store on PostgreSQL shared by a fleet of instances (several
 * {@code watch} processes, or an application's instances): creates its tables, shows its subscriptions' leases and
 * progress, lists their dead letters and asks for their replay. Replaying a dead letter needs the subscription's
 * handler, so {@code store replay} only asks: the instance running the subscription (the lease holder, an application's
 * or a {@code ticketctl watch}) replays it within a third of its lease's time to live. A watch also replays them all at
 * its start with {@code --replay-dead-letters}.
 */
@Command(name = "store", mixinStandardHelpOptions = true, description = "Create and look at a subscription store on PostgreSQL (shared by several watches).",
        subcommands = {StoreCommand.Migrate.class, StoreCommand.Status.class, StoreCommand.DeadLetters.class,
                StoreCommand.Replay.class, picocli.CommandLine.HelpCommand.class})
final class StoreCommand implements Runnable {
    @ParentCommand
    TicketCtl root;

    @Override
    public void run() {
        throw new UsageException("a store command is needed: migrate, status, dead-letters or replay; see ticketctl store --help");
    }

    /** {@code --store} and {@code --prefix}, the same for every store command. */
    static final class Options {
        @Option(names = "--store", paramLabel = "JDBC_URL", required = true,
                description = "the store's database, jdbc:postgresql://host:port/database; the user and password from the URL's "
                        + "user= and password= parameters, else from env " + StoreUrl.USER_ENV + " and " + StoreUrl.PASSWORD_ENV)
        String store;

        @Option(names = "--prefix", paramLabel = "PREFIX",
                description = "the prefix of the store's table names (default: " + JdbcSubscriptionStore.DEFAULT_TABLE_PREFIX + ")")
        String prefix;

        StoreUrl url(Map<String, String> env) {
            if (!StoreUrl.isJdbc(store)) {
                throw new UsageException("--store wants a JDBC URL (jdbc:postgresql://host:port/database), not a file: "
                        + "a store file needs no migration, and watch --store FILE reads it");
            }
            return StoreUrl.parse(store, env);
        }

        String shownPrefix() {
            return prefix == null ? JdbcSubscriptionStore.DEFAULT_TABLE_PREFIX : prefix;
        }
    }

    /** {@code store migrate}: creates the tables, or brings them to this SDK's version. */
    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Create the store's tables, or bring them to this version's schema.")
    static final class Migrate implements Callable<Integer> {
        @ParentCommand
        StoreCommand parent;

        @Mixin
        Options options = new Options();

        @Override
        public Integer call() {
            StoreUrl url = options.url(parent.root.env);
            JdbcSubscriptionStore store = JdbcStores.open(url, options.prefix);
            List<Integer> applied = JdbcStores.call(url, store::migrate);
            PrintWriter out = parent.root.out;
            if (applied.isEmpty()) {
                out.println("schema already at version " + JdbcStores.call(url, store::schemaVersion) + " in " + url
                        + " (table prefix " + options.shownPrefix() + ")");
            } else {
                out.println("applied schema version" + (applied.size() == 1 ? " " : "s ")
                        + applied.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " to " + url
                        + " (table prefix " + options.shownPrefix() + ")");
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code store status}: the schema version and each subscription's lease and progress. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show the schema version and each subscription's lease, positions, inbox and dead letters.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        StoreCommand parent;

        @Mixin
        Options options = new Options();

        @Option(names = "--name", paramLabel = "NAME", description = "only this subscription (default: every one)")
        String name;

        @Override
        public Integer call() {
            StoreUrl url = options.url(parent.root.env);
            JdbcStoreReport report = JdbcStores.report(url, options.prefix);
            int version = JdbcStores.call(url, report::schemaVersion);
            PrintWriter out = parent.root.out;
            if (version == 0) {
                throw new UsageException("the store " + url + " has no tables with prefix '" + options.shownPrefix()
                        + "': create them with ticketctl store migrate --store " + url
                        + (options.prefix == null ? "" : " --prefix " + options.prefix));
            }
            out.println("store " + url + " (table prefix " + options.shownPrefix() + "): schema version " + version);
            List<SubscriptionReport> subscriptions = new ArrayList<>(JdbcStores.call(url, report::subscriptions));
            if (name != null) {
                subscriptions.removeIf(s -> !s.name().equals(name));
            }
            if (subscriptions.isEmpty()) {
                out.println(name == null ? "no subscription yet" : "no subscription '" + name + "'");
            }
            Instant now = Instant.now();
            for (SubscriptionReport s : subscriptions) {
                out.println();
                out.println("subscription '" + s.name() + "'");
                out.println("  lease:        " + s.lease().map(l -> lease(l, now)).orElse("never taken"));
                out.println("  positions:    " + (s.positions().isEmpty() ? "none" : s.positions().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))));
                out.println("  followed:     " + s.followed() + " ticket" + (s.followed() == 1 ? "" : "s"));
                out.println("  inbox:        " + s.inboxDepth() + " waiting");
                out.println("  dead letters: " + s.deadLetters());
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static String lease(LeaseReport l, Instant now) {
            String state = l.released() ? "released" : l.heldAt(now) ? "held" : "expired";
            return state + " (owner " + l.owner() + ", token " + l.token() + ", " + (l.heldAt(now) ? "expires " : "expired ")
                    + l.expiresAt() + ")";
        }
    }

    /** {@code store dead-letters}: a subscription's dead letters, oldest first. */
    @Command(name = "dead-letters", mixinStandardHelpOptions = true, description = "List a subscription's dead letters (events its handler failed on), oldest first.")
    static final class DeadLetters implements Callable<Integer> {
        @ParentCommand
        StoreCommand parent;

        @Mixin
        Options options = new Options();

        @Option(names = "--name", paramLabel = "NAME", required = true, description = "the subscription")
        String name;

        @Option(names = "--output", description = "json or table (default: table on a terminal, JSON lines otherwise)")
        String output;

        @Override
        public Integer call() {
            StoreUrl url = options.url(parent.root.env);
            JdbcSubscriptionStore store = JdbcStores.openMigrated(url, options.prefix);
            List<DeadLetter> letters = JdbcStores.call(url, () -> store.deadLetters(name));
            Output printer = new Output(parent.root.out, parent.root.err, Output.choose(output != null ? output : parent.root.output));
            letters.forEach(printer::deadLetter);
            printer.flush();
            if (!letters.isEmpty()) {
                parent.root.err.println("ticketctl: " + letters.size() + " dead letter" + (letters.size() == 1 ? "" : "s")
                        + " of '" + name + "'; ticketctl store replay --name " + name + " KEY|--all has the running subscription replay them");
                parent.root.err.flush();
            }
            return ExitCodes.OK;
        }
    }

    /** {@code store replay}: asks the running subscription to replay dead letters. */
    @Command(name = "replay", mixinStandardHelpOptions = true, description = "Ask the running subscription (whichever instance holds its lease) to hand dead "
            + "letters to its handler again.")
    static final class Replay implements Callable<Integer> {
        @ParentCommand
        StoreCommand parent;

        @Mixin
        Options options = new Options();

        @Option(names = "--name", paramLabel = "NAME", required = true, description = "the subscription")
        String name;

        @Option(names = "--all", description = "every dead letter of the subscription")
        boolean all;

        @picocli.CommandLine.Parameters(paramLabel = "KEY", arity = "0..*",
                description = "the dead letters' keys, as store dead-letters lists them")
        List<String> keys = new ArrayList<>();

        @Override
        public Integer call() {
            if (all == !keys.isEmpty()) {
                throw new UsageException("name the dead letters to replay (KEY ...) or give --all, not both");
            }
            StoreUrl url = options.url(parent.root.env);
            JdbcSubscriptionStore store = JdbcStores.openMigrated(url, options.prefix);
            List<String> wanted = all
                    ? JdbcStores.call(url, () -> store.deadLetters(name)).stream().map(DeadLetter::key).toList()
                    : keys;
            List<String> unknown = new ArrayList<>();
            int asked = 0;
            for (String key : wanted) {
                if (JdbcStores.call(url, () -> store.requestReplay(name, key))) {
                    asked++;
                } else {
                    unknown.add(key);
                }
            }
            PrintWriter out = parent.root.out;
            if (wanted.isEmpty()) {
                out.println("no dead letters of '" + name + "'");
            } else if (asked > 0) {
                out.println("asked for the replay of " + asked + " dead letter" + (asked == 1 ? "" : "s") + " of '" + name
                        + "': the instance holding its lease replays " + (asked == 1 ? "it" : "them")
                        + " within a third of the lease's time to live (ticketctl store dead-letters shows what is left)");
            }
            out.flush();
            if (!unknown.isEmpty()) {
                parent.root.err.println("ticketctl: no dead letter of '" + name + "' with key " + String.join(", ", unknown));
                parent.root.err.flush();
                return ExitCodes.USAGE;
            }
            return ExitCodes.OK;
        }
    }
}
