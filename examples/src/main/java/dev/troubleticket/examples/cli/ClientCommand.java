package dev.troubleticket.examples.cli;

import dev.troubleticket.core.TicketingClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** A subcommand that talks to a provider: it merges the connection options and prints through {@link Output}. */
abstract class ClientCommand implements Callable<Integer> {

    @ParentCommand
    TicketCtl root;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--output", description = "json or table (default: table on a terminal, JSON lines otherwise)")
    String output;

    @Override
    public final Integer call() throws Exception {
        Output printer = new Output(root.out, root.err, Output.choose(output != null ? output : root.output));
        try (TicketingClient client = connection.over(root.connection, root.env).connect(root.err)) {
            run(client, printer);
        } finally {
            printer.flush();
        }
        return ExitCodes.OK;
    }

    /** Does the command's work. */
    abstract void run(TicketingClient client, Output printer) throws Exception;
}
