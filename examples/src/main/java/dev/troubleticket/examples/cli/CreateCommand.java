package dev.troubleticket.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.examples.support.ProviderSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ticketctl create --file F}: F holds the provider's own create body, exactly as in its API document. */
@Command(name = "create", description = "Open a ticket from a file holding the provider's own create body, checked before sending.")
final class CreateCommand extends ClientCommand {
    @Option(names = "--file", required = true, description = "the create body, as in the provider's API document")
    Path file;

    @Override
    void run(TicketingClient client, Output printer) {
        JsonNode body;
        try {
            body = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + " as JSON: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            throw new UsageException(file + " does not hold a JSON object");
        }
        printer.ticket(ProviderSupport.of(client.provider()).createFromDocumentBody(client, body));
    }
}
