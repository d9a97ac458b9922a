package dev.troubleticket.examples.cli;

import dev.troubleticket.core.TicketingClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ticketctl history ID}: the events of one ticket, oldest first. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Show the events of one ticket, oldest first.")
final class HistoryCommand extends ClientCommand {
    @Parameters(index = "0", description = "the ticket's id")
    String id;

    @Override
    void run(TicketingClient client, Output printer) {
        client.history(id).forEach(printer::event);
    }
}
