package dev.troubleticket.benchmarks;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.http.TransportOptions;
import dev.troubleticket.kosc.KoscClient;
import dev.troubleticket.masstack.MasStackClient;
import dev.troubleticket.nexera.NexeraClient;
import okhttp3.OkHttpClient;

/**
 * Builds the SDK's client for a provider against a canned server, with a fixed token (no login, whose
 * cost is paid once and is not what a call costs) and the caller's OkHttp client, so that the SDK and the
 * hand-written calls share one connection pool.
 */
public final class SdkClients {
    /** The bearer token both paths send (a placeholder: the canned server checks nothing). */
    public static final String TOKEN = "bench-token";

    private SdkClients() {
    }

    /** The neutral client for {@code provider} at {@code baseUrl}. */
    public static TicketingClient create(String provider, String baseUrl, OkHttpClient shared) {
        TransportOptions options = TransportOptions.builder().okHttpClient(shared).build();
        return switch (provider) {
            case "kosc" -> KoscClient.builder().baseUrl(baseUrl).staticToken("Bearer", TOKEN).transportOptions(options).build();
            case "masstack" -> MasStackClient.builder().baseUrl(baseUrl).staticToken(TOKEN).transportOptions(options)
                    .defaultClearencePerson("SIM-AGENT-01")
                    // Following would keep every created ticket for the watcher: a benchmark creates millions.
                    .followCreatedTickets(false)
                    .build();
            case "nexera" -> NexeraClient.builder().baseUrl(baseUrl).token(TOKEN).transportOptions(options).build();
            default -> throw new IllegalArgumentException("unknown provider " + provider);
        };
    }
}
