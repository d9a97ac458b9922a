package dev.troubleticket.examples.cli;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.model.TicketQuery;
import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.examples.support.ProviderSupport;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ticketctl list}: tickets, page by page as they are printed. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List tickets (every page, fetched lazily as they are printed).")
final class ListCommand extends ClientCommand {
    @Option(names = "--status", description = "a neutral status (RESOLVED) or the provider's own (cleared)")
    String status;

    @Option(names = "--max", description = "stop after this many tickets")
    Long max;

    @Option(names = "--progress", negatable = true,
            description = "a running count on stderr, every " + ListingProgress.EVERY + " tickets, and the total at the end "
                    + "(default: on when run on a terminal)")
    Boolean progress;

    @Override
    void run(TicketingClient client, Output printer) {
        TicketQuery.Builder query = TicketQuery.builder();
        if (status != null) {
            TicketStatus neutral = TicketStatus.fromName(status);
            if (neutral != null) {
                query.status(neutral);
            } else {
                query.providerStatus(knownProviderStatus(client.provider()));
            }
        }
        if (max != null && max < 0) {
            throw new UsageException("--max must not be negative");
        }
        var tickets = client.list(query.build()).stream();
        if (max != null) {
            tickets = tickets.limit(max);
        }
        long[] printed = {0};
        ListingProgress counter = progress != null ? (progress ? new ListingProgress(root.err) : null)
                : System.console() != null ? new ListingProgress(root.err) : null;
        tickets.forEach(t -> {
            printer.ticket(t);
            printed[0]++;
            if (counter != null) {
                counter.printed(printed[0]);
            }
        });
        if (counter != null) {
            counter.done(printed[0]);
        }
        if (printed[0] == 0) {
            printer.nothing("no tickets" + (status == null ? "" : " with status " + status));
        }
    }

    /** The provider's own status as it spells it; a name neither neutral nor the provider's is a usage error listing both. */
    private String knownProviderStatus(String provider) {
        List<String> known = ProviderSupport.of(provider).providerStatuses();
        if (known.isEmpty()) {
            return status;
        }
        return known.stream().filter(s -> s.equalsIgnoreCase(status.trim())).findFirst()
                .orElseThrow(() -> new UsageException("unknown --status '" + status + "': use a neutral status ("
                        + Arrays.stream(TicketStatus.values()).filter(s -> s != TicketStatus.UNKNOWN).map(Enum::name)
                                .collect(Collectors.joining(", "))
                        + ") or one of " + provider + "'s own (" + String.join(", ", known) + ")"));
    }
}
