package dev.troubleticket.reliability;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A load balancer in front of a fleet's receivers, as one sits before a real fleet: each request goes to the next
 * backend in turn; when that one refuses the connection, answers 5xx or does not answer within a short time, the
 * request goes to the next, and the failed one is passed over for a moment (a passive health check), so that a
 * paused instance does not cost every third request a timeout. The provider retries what the proxy could not place.
 */
final class RoundRobinProxy implements AutoCloseable {
    /** How long a backend that failed is passed over before it is tried again. */
    private static final long DOWN_MILLIS = 1_000;
    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "transfer-encoding",
            "keep-alive", "te", "upgrade");

    private final List<String> backends;
    private final AtomicLongArray downUntil;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong failedOver = new AtomicLong();
    private final OkHttpClient http;
    private final Server server;
    private final int port;

    /** @param backends each backend's base URL ({@code http://127.0.0.1:port}) */
    RoundRobinProxy(List<String> backends) {
        this.backends = List.copyOf(backends);
        this.downUntil = new AtomicLongArray(backends.size());
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofMillis(300))
                .readTimeout(Duration.ofMillis(600))
                .callTimeout(Duration.ofMillis(900))
                .retryOnConnectionFailure(false)
                .build();
        this.server = new Server(new QueuedThreadPool(16, 2));
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Forward());
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the proxy did not start", e);
        }
        this.port = connector.getLocalPort();
    }

    /** The proxy's base URL. */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Requests answered by a backend. */
    long forwarded() {
        return forwarded.get();
    }

    /** Tries that failed over to the next backend. */
    long failedOver() {
        return failedOver.get();
    }

    private final class Forward extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            byte[] body = toBytes(Content.Source.asByteBuffer(request));
            String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
            String pathQuery = request.getHttpURI().getPathQuery();
            int first = Math.floorMod(next.getAndIncrement(), backends.size());
            long now = System.currentTimeMillis();
            // Backends passed over now are tried last, so that a request is placed even when every one failed lately.
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < backends.size(); i++) {
                    int backend = (first + i) % backends.size();
                    boolean down = downUntil.get(backend) > now;
                    if (down != (pass == 1)) {
                        continue;
                    }
                    okhttp3.Request.Builder out = new okhttp3.Request.Builder().url(backends.get(backend) + pathQuery)
                            .method(request.getMethod(), body.length == 0 && !"POST".equals(request.getMethod()) ? null
                                    : RequestBody.create(body, contentType == null ? null : MediaType.parse(contentType)));
                    for (HttpField field : request.getHeaders()) {
                        if (!HOP_HEADERS.contains(field.getLowerCaseName())) {
                            out.addHeader(field.getName(), field.getValue());
                        }
                    }
                    try (okhttp3.Response answer = http.newCall(out.build()).execute()) {
                        byte[] bytes = answer.body().bytes();
                        if (answer.code() >= 500) {
                            throw new IOException("answered " + answer.code());
                        }
                        forwarded.incrementAndGet();
                        response.setStatus(answer.code());
                        String type = answer.header("Content-Type");
                        if (type != null) {
                            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
                        }
                        response.write(true, ByteBuffer.wrap(bytes), callback);
                        return true;
                    } catch (IOException | RuntimeException failed) {
                        downUntil.set(backend, System.currentTimeMillis() + DOWN_MILLIS);
                        failedOver.incrementAndGet();
                    }
                }
            }
            Response.writeError(request, response, callback, 502, "no backend answered");
            return true;
        }
    }

    private static byte[] toBytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the proxy did not stop", e);
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
