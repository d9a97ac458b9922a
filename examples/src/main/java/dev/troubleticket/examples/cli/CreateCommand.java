package dev.troubleticket.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.examples.support.ProviderSupport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ticketctl create --file F}: F holds the provider's own create body, exactly as in its API document. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Open a ticket from a file holding the provider's own create body, checked before sending.")
final class CreateCommand extends ClientCommand {
    @Option(names = "--file", required = true, description = "the create body, as in the provider's API document")
    Path file;

    @Override
    void run(TicketingClient client, Output printer) {
        JsonNode body = JsonFiles.readObject(file);
        printer.ticket(ProviderSupport.of(client.provider()).createFromDocumentBody(client, body));
    }
}
