package dev.troubleticket.examples.cli;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.TicketQuery;
import dev.troubleticket.core.model.TicketStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ticketctl list}: tickets, page by page as they are printed. */
@Command(name = "list", description = "List tickets (every page, fetched lazily as they are printed).")
final class ListCommand extends ClientCommand {
    @Option(names = "--status", description = "a neutral status (RESOLVED) or the provider's own (cleared)")
    String status;

    @Option(names = "--max", description = "stop after this many tickets")
    Long max;

    @Override
    void run(TicketingClient client, Output printer) {
        TicketQuery.Builder query = TicketQuery.builder();
        if (status != null) {
            TicketStatus neutral = TicketStatus.fromName(status);
            if (neutral != null) {
                query.status(neutral);
            } else {
                query.providerStatus(status);
            }
        }
        if (max != null && max < 0) {
            throw new UsageException("--max must not be negative");
        }
        var tickets = client.list(query.build()).stream();
        if (max != null) {
            tickets = tickets.limit(max);
        }
        tickets.forEach(printer::ticket);
    }
}
