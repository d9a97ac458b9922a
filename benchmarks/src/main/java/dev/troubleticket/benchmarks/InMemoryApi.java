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
        return SdkClients.create(provider, BASE_URL, okHttp(responder));
    }

    /** The SDK's client for {@code provider} on {@code okHttp} (from {@link #okHttp}). */
    public static TicketingClient client(String provider, OkHttpClient okHttp) {
        return SdkClients.create(provider, BASE_URL, okHttp);
    }

    /** An OkHttp client whose every call {@code responder} answers in memory, for the SDK and hand-written calls alike. */
    public static OkHttpClient okHttp(LoopbackServer.Responder responder) {
        return new OkHttpClient.Builder().addInterceptor(new InMemoryAnswers(responder)).build();
    }
}
