package dev.troubleticket.examples.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ticketctl}: look at and act on trouble tickets at any supported provider from a shell, follow
 * their events, run a provider simulator, or watch the whole SDK at work in the embedded demo.
 */
@Command(name = "ticketctl", mixinStandardHelpOptions = true, versionProvider = TicketCtl.Version.class,
        description = "Open, follow and close trouble tickets at wholesale network providers.",
        subcommands = {CreateCommand.class, GetCommand.class, ListCommand.class, CommentCommand.class,
                TransitionCommand.class, HistoryCommand.class, AllowedCommand.class, WatchCommand.class,
                StoreCommand.class, ConfigCommand.class, SimulateCommand.class, DemoCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 2 usage error, 3 refused by validation (nothing sent),",
                "4 refused by the provider (4xx), 5 provider or network failure after retries, 1 anything else."})
public final class TicketCtl implements Runnable {

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @picocli.CommandLine.Option(names = "--output", description = "json or table (default: table on a terminal, JSON lines otherwise)")
    String output;

    final Map<String, String> env;
    final java.io.InputStream in;
    final PrintWriter out;
    final PrintWriter err;

    TicketCtl(Map<String, String> env, java.io.InputStream in, PrintWriter out, PrintWriter err) {
        this.env = env;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        throw new UsageException("a command is needed; see ticketctl --help");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, System.getenv(), System.in, out, err));
    }

    /** Runs the command line and answers its exit code; never calls {@code System.exit}. */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        return run(args, env, java.io.InputStream.nullInputStream(), out, err);
    }

    /** As {@link #run(String[], Map, PrintWriter, PrintWriter)}, with a stdin ({@code simulate} reads the provider's commands). */
    public static int run(String[] args, Map<String, String> env, java.io.InputStream in, PrintWriter out, PrintWriter err) {
        int code = commandLine(env, in, out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The command line with every subcommand, printing to {@code out} and {@code err}; tests enumerate its subcommands. */
    static CommandLine commandLine(Map<String, String> env, java.io.InputStream in, PrintWriter out, PrintWriter err) {
        TicketCtl root = new TicketCtl(env, in, out, err);
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(out);
        commandLine.setErr(err);
        // Every subcommand answers --version as the root does.
        everyCommand(commandLine, c -> c.getCommandSpec().versionProvider(new Version()));
        commandLine.setExecutionExceptionHandler((failure, cmd, parsed) -> {
            err.println(ExitCodes.sentence(failure));
            boolean debug = root.connection.debug || cmd.getCommand() instanceof ClientCommand c && c.connection.debug;
            if (debug && ExitCodes.of(failure) == ExitCodes.OTHER) {
                failure.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.of(failure);
        });
        return commandLine;
    }

    /** Applies {@code action} to the command line and to each of its subcommands, nested ones included. */
    static void everyCommand(CommandLine commandLine, java.util.function.Consumer<CommandLine> action) {
        action.accept(commandLine);
        commandLine.getSubcommands().values().stream().distinct().forEach(sub -> everyCommand(sub, action));
    }

    /** The SDK's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ticketctl " + dev.troubleticket.core.TicketingClients.sdkVersion()};
        }
    }
}
