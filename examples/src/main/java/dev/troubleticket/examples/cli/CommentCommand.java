package dev.troubleticket.examples.cli;

import dev.troubleticket.core.TicketingClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ticketctl comment ID TEXT}. */
@Command(name = "comment", mixinStandardHelpOptions = true, description = "Add a comment to a ticket.")
final class CommentCommand extends ClientCommand {
    @Parameters(index = "0", description = "the ticket's id")
    String id;

    @Parameters(index = "1", description = "the comment")
    String text;

    @Override
    void run(TicketingClient client, Output printer) {
        printer.event(client.comment(id, text));
    }
}
