package dev.troubleticket.benchmarks;

import dev.troubleticket.core.TicketingClient;
import okhttp3.OkHttpClient;

/**
 * The SDK's client for a provider answered in memory (see {@link InMemoryAnswers}): what it measures is
 * the SDK's request building and reading, without a socket.
 */
public final class InMemoryApi {
    /** A loopback base URL that is never connected to. */
    public static final String BASE_URL = "http://127.0.0.1:9";

    private InMemoryApi() {
    }

    /** The SDK's client for {@code provider}, answered by {@code responder}. */
    public static TicketingClient client(String provider, LoopbackServer.Responder responder) {
        OkHttpClient okHttp = new OkHttpClient.Builder().addInterceptor(new InMemoryAnswers(responder)).build();
        return SdkClients.create(provider, BASE_URL, okHttp);
    }
}
