package dev.troubleticket.examples.cli;

import dev.troubleticket.core.TicketingClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ticketctl allowed ID}: what the operator may do next with a ticket. */
@Command(name = "allowed", mixinStandardHelpOptions = true, description = "Show the status changes the operator may make next on a ticket.")
final class AllowedCommand extends ClientCommand {
    @Parameters(index = "0", description = "the ticket's id")
    String id;

    @Override
    void run(TicketingClient client, Output printer) {
        var allowed = client.allowedTransitions(id);
        allowed.forEach(printer::transition);
        if (allowed.isEmpty()) {
            printer.nothing("nothing the operator may do now: the provider must act");
        }
    }
}
