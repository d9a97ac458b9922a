package dev.troubleticket.benchmarks;

import dev.troubleticket.kosc.KoscApi;
import dev.troubleticket.kosc.KoscClient;
import okhttp3.OkHttpClient;

/**
 * A Kosc event feed of {@code total} events on loopback, its pages rendered once and kept, so that
 * following it measures the client; and the SDK's Kosc API pointed at it.
 */
public final class KoscFeedServer implements AutoCloseable {
    /** Where Kosc serves its feed. */
    public static final String PATH = "/api/events/";

    private final LoopbackServer server;
    private final OkHttpClient okHttp;
    private final KoscClient client;

    /** Serves {@code total} events. */
    public KoscFeedServer(long total) {
        this.server = LoopbackServer.start(new NumberedPages(PATH, total, "limit", KoscFeedEvents::page, true));
        this.okHttp = HandWritten.loopbackClient();
        this.client = (KoscClient) SdkClients.create("kosc", server.baseUrl(), okHttp);
    }

    /** The SDK's typed Kosc API, talking to this feed. */
    public KoscApi api() {
        return client.api();
    }

    /** The OkHttp client the SDK uses, for hand-written calls on the same pool. */
    public OkHttpClient okHttp() {
        return okHttp;
    }

    /** The server's base URL. */
    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }
}
