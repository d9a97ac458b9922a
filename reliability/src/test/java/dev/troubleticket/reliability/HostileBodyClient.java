package dev.troubleticket.reliability;

import dev.troubleticket.core.Page;
import dev.troubleticket.core.ProviderSettings;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.TicketingClients;
import dev.troubleticket.core.error.ResponseTooLargeException;
import dev.troubleticket.core.error.TicketingException;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketQuery;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The client side of {@link ResponseLimitTest}, run in a JVM of its own with a small heap: for each
 * hostility named on the command line, a client marked with it makes one call that the server answers with
 * a huge or endless body, then the same call again, which the simulator answers. One tab-separated
 * {@code RESULT} line per hostility on standard output; an {@link OutOfMemoryError} ends the JVM.
 *
 * <p>Arguments: the provider id, a properties file of its settings (plus {@code probe.ticketId}: a ticket
 * to get, for a provider without a list), then the hostilities' names.
 */
final class HostileBodyClient {
    static final String TICKET_ID = "probe.ticketId";

    private HostileBodyClient() {
    }

    public static void main(String[] args) throws IOException {
        String provider = args[0];
        Properties file = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[1]))) {
            file.load(in);
        }
        Map<String, String> settings = new HashMap<>();
        file.stringPropertyNames().forEach(key -> settings.put(key, file.getProperty(key)));
        String ticketId = settings.remove(TICKET_ID);
        for (int i = 2; i < args.length; i++) {
            HostileBodies.Hostility hostility = HostileBodies.Hostility.valueOf(args[i]);
            TransportOptions transport = TransportOptions.builder().userAgentSuffix(HostileBodies.agentSuffix(hostility)).build();
            try (TicketingClient client = TicketingClients.create(provider, ProviderSettings.of(settings, transport))) {
                System.out.println(String.join("\t", "RESULT", hostility.name(), hostileCall(client, ticketId),
                        "next=" + nextCall(client, ticketId)));
            }
        }
    }

    private static String hostileCall(TicketingClient client, String ticketId) {
        long started = System.nanoTime();
        try {
            String answer = call(client, ticketId);
            return "outcome=answered\tmillis=" + millisSince(started) + "\tanswer=" + answer;
        } catch (ResponseTooLargeException e) {
            return "outcome=" + e.getClass().getSimpleName() + "\tmillis=" + millisSince(started) + "\tstatus=" + e.httpStatus()
                    + "\tlimit=" + e.limit() + "\tdeclared=" + (e.declaredLength().isPresent() ? e.declaredLength().getAsLong() : -1)
                    + "\tbytesRead=" + e.bytesRead() + "\tattempts=" + e.attempts() + "\tretryable=" + e.isRetryable()
                    + "\tnamesSetting=" + e.getMessage().contains("maxResponseBytes");
        } catch (TicketingException e) {
            return "outcome=" + e.getClass().getSimpleName() + "\tmillis=" + millisSince(started) + "\tmessage=" + oneLine(e.getMessage());
        }
    }

    private static String nextCall(TicketingClient client, String ticketId) {
        try {
            return "ok " + call(client, ticketId);
        } catch (RuntimeException e) {
            return "failed " + e.getClass().getSimpleName() + " " + oneLine(e.getMessage());
        }
    }

    /** The provider's list's first page, or the ticket when the provider has no list. */
    private static String call(TicketingClient client, String ticketId) {
        if (ticketId != null) {
            return "ticket " + client.get(ticketId).id();
        }
        Page<Ticket> page = client.list(TicketQuery.builder().pageSize(10).build()).pages().iterator().next();
        return page.items().size() + " tickets";
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replaceAll("\\s+", " ");
    }
}
