package dev.troubleticket.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A loopback HTTP server that answers each request with whatever its {@link Responder} computes. It keeps
 * nothing about past requests (unlike MockWebServer, which queues every request it received), so that
 * millions of benchmark calls neither grow its memory nor slow it down.
 */
public final class LoopbackServer implements AutoCloseable {
    static {
        // The JDK server writes headers and body in separate packets; without TCP_NODELAY, Nagle's algorithm
        // and the client's delayed ACK add ~40 ms to every small answer on a kept-alive connection.
        // Read once, when the JDK server's configuration class loads: this must run before any HttpServer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }


    /** Computes the answer to one request. Must be thread-safe. */
    @FunctionalInterface
    public interface Responder {
        /**
         * @param method the HTTP method
         * @param path   the path, without query string
         * @param query  the raw query string, or {@code null}
         * @param body   the request body, empty when none
         */
        Answer answer(String method, String path, String query, byte[] body);
    }

    /**
     * One answer.
     *
     * @param status  the HTTP status
     * @param body    the body, sent as {@code application/json}
     * @param headers extra headers
     */
    public record Answer(int status, byte[] body, Map<String, String> headers) {
        /** A JSON answer without extra headers. */
        public static Answer json(int status, byte[] body) {
            return new Answer(status, body, Map.of());
        }
    }

    private final HttpServer server;

    private LoopbackServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port. */
    public static LoopbackServer start(Responder responder) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> exchange(exchange, responder));
        // Answered on the server's own dispatcher thread: a hand-off to a worker thread added a thread wake-up
        // to every call whose cost on this shared 2-core VM swung with how long the client paused between calls
        // (2 µs of extra client work moved a hand-written create's median by ~24 µs), which is noise, not SDK cost.
        server.setExecutor(null);
        server.start();
        return new LoopbackServer(server);
    }

    private static void exchange(HttpExchange exchange, Responder responder) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            Answer answer;
            try {
                answer = responder.answer(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(), request);
            } catch (RuntimeException e) {
                answer = Answer.json(500, ("{\"error\":\"" + e.getClass().getSimpleName() + "\"}").getBytes());
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        }
    }

    /** The base URL, {@code http://127.0.0.1:port}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
