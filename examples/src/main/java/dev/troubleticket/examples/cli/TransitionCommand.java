package dev.troubleticket.examples.cli;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.StatusChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ticketctl transition ID STATUS [--comment TEXT]}. */
@Command(name = "transition", mixinStandardHelpOptions = true, description = "Move a ticket to another status (neutral name or the provider's own).")
final class TransitionCommand extends ClientCommand {
    @Parameters(index = "0", description = "the ticket's id")
    String id;

    @Parameters(index = "1", description = "the target: a neutral status (CLOSED, IN_PROGRESS) or the provider's own (closed, TU09)")
    String status;

    @Option(names = "--comment", description = "text to send with the change")
    String comment;

    @Option(names = "--close-out-code", description = "a resolution code, where the provider wants one when closing")
    String closeOutCode;

    @Override
    void run(TicketingClient client, Output printer) {
        StatusChange change = StatusChange.parse(status).withComment(comment).withCloseOutCode(closeOutCode);
        printer.ticket(client.transition(id, change));
    }
}
