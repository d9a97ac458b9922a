package dev.troubleticket.examples.cli;

import dev.troubleticket.core.TicketingClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ticketctl get ID}: one ticket. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Show one ticket.")
final class GetCommand extends ClientCommand {
    @Parameters(index = "0", description = "the ticket's id (or any id the provider accepts for it)")
    String id;

    @Override
    void run(TicketingClient client, Output printer) {
        printer.ticket(client.get(id));
    }
}
