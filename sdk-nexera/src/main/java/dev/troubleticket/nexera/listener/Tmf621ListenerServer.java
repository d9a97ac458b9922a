package dev.troubleticket.nexera.listener;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A ready notification receiver on the JDK's built-in HTTP server (no extra dependency): every POST
 * under {@link #path()} goes to a {@link Tmf621EventHandler}. The body is read only up to the handler's
 * cap, so an oversized request costs no more memory than the cap. Both notification styles work: to
 * the callback URL itself, and to {@code <callback>/listener/<eventType>} as TMF621 v4 servers do.
 */
public final class Tmf621ListenerServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService httpThreads;
    private final Tmf621EventHandler handler;
    private final String path;

    private Tmf621ListenerServer(HttpServer server, ExecutorService httpThreads, Tmf621EventHandler handler, String path) {
        this.server = server;
        this.httpThreads = httpThreads;
        this.handler = handler;
        this.path = path;
    }

    /**
     * Starts a receiver.
     *
     * @param address where to listen (port 0 for any free port)
     * @param path    the path to accept notifications under, for example {@code /listener}
     * @param handler what to do with each request
     */
    public static Tmf621ListenerServer start(InetSocketAddress address, String path, Tmf621EventHandler handler) {
        Objects.requireNonNull(handler, "handler");
        String normalised = path == null || path.isBlank() ? "/" : (path.startsWith("/") ? path : "/" + path);
        HttpServer server;
        try {
            server = HttpServer.create(address, 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
        ExecutorService threads = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "tmf621-listener");
            thread.setDaemon(true);
            return thread;
        });
        Tmf621ListenerServer listener = new Tmf621ListenerServer(server, threads, handler, normalised);
        server.createContext(normalised, listener::exchange);
        server.setExecutor(threads);
        server.start();
        return listener;
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readCapped(exchange.getRequestBody(), handler.maxBodyBytes());
            Tmf621EventHandler.Response response = body == null ? handler.oversized()
                    : handler.handle(exchange.getRequestMethod(), exchange.getRequestHeaders(), body);
            // An acknowledgement goes without a body: the JDK server writes headers and body as two packets,
            // and on a kept-alive connection Nagle's algorithm holds the second until the caller's delayed ACK
            // (~40 ms), which capped the receiver at ~25 notifications a second. Refusals keep their text.
            boolean acknowledged = response.status() >= 200 && response.status() < 300;
            byte[] answer = acknowledged ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            if (response.status() == 401) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"tmf621-listener\"");
            }
            exchange.sendResponseHeaders(response.status(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    /** The body, or {@code null} when it is longer than {@code cap}. */
    private static byte[] readCapped(InputStream in, int cap) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > cap) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The path notifications are accepted under. */
    public String path() {
        return path;
    }

    /** The handler behind it (for its counters). */
    public Tmf621EventHandler handler() {
        return handler;
    }

    /** The URL to register as the hub's callback, for the given host name as the provider reaches it. */
    public String callbackUrl(String host) {
        return "http://" + host + ":" + port() + path;
    }

    /** Stops at once: handlers answer immediately, and a provider whose request is cut sends it again. */
    @Override
    public void close() {
        server.stop(0);
        httpThreads.shutdown();
        try {
            httpThreads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
