package dev.troubleticket.benchmarks;

import dev.troubleticket.kosc.KoscApi;
import dev.troubleticket.kosc.KoscClient;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;

/**
 * A Kosc event feed of {@code total} events on loopback, its pages rendered once and kept, so that
 * following it measures the client; and the SDK's Kosc API pointed at it.
 */
public final class KoscFeedServer implements AutoCloseable {
    /** Where Kosc serves its feed. */
    public static final String PATH = "/api/events/";

    private final long total;
    private final AtomicLong requests = new AtomicLong();
    private final LoopbackServer server;
    private final OkHttpClient okHttp;
    private final KoscClient client;

    /** Serves {@code total} events. */
    public KoscFeedServer(long total) {
        this.total = total;
        NumberedPages pages = new NumberedPages(PATH, total, "limit", KoscFeedEvents::page, true);
        this.server = LoopbackServer.start((method, path, query, body) -> {
            requests.incrementAndGet();
            return pages.answer(method, path, query, body);
        });
        this.okHttp = HandWritten.loopbackClient();
        this.client = (KoscClient) SdkClients.create("kosc", server.baseUrl(), okHttp);
    }

    /** The SDK's typed Kosc API, talking to this feed. */
    public KoscApi api() {
        return client.api();
    }

    /** The SDK's Kosc client, talking to this feed (it serves no tickets: subscribe to the feed stream only). */
    public KoscClient client() {
        return client;
    }

    /** How many requests the server answered so far. */
    public long requests() {
        return requests.get();
    }

    /** How many events the feed holds. */
    public long total() {
        return total;
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
