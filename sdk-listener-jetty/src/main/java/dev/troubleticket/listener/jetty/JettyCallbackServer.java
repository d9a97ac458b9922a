package dev.troubleticket.listener.jetty;

import dev.troubleticket.core.callback.CallbackHandler;
import dev.troubleticket.core.callback.CallbackServer;
import dev.troubleticket.core.callback.CallbackServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * An embedded callback server on Jetty 12, made to keep answering the provider while other peers are slow,
 * silent or many: reads never block a thread, the threads are bounded, a request's headers and body each
 * have a deadline, silent connections time out, bodies over the handler's cap get 413, and connections
 * beyond {@link CallbackServerOptions#maxConnections()} wait to be accepted. Every request under the path
 * goes to the {@link CallbackHandler}; other paths get 404. Threads are daemons, as a receiver should not
 * keep the JVM alive; {@link #close()} stops it.
 */
public final class JettyCallbackServer implements CallbackServer {
    private final Server server;
    private final ServerConnector connector;
    private final NetworkConnectionLimit limit;
    private final RequestDeadlines deadlines;

    private JettyCallbackServer(Server server, ServerConnector connector, NetworkConnectionLimit limit, RequestDeadlines deadlines) {
        this.server = server;
        this.connector = connector;
        this.limit = limit;
        this.deadlines = deadlines;
    }

    /**
     * Starts a server.
     *
     * @param address where to listen (port 0 for any free port; the wildcard address for every interface)
     * @param path    the path callbacks are accepted under, for example {@code /listener} ({@code null} or {@code /} for all)
     * @param handler what to do with each request
     * @param options limits and timeouts
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static JettyCallbackServer start(InetSocketAddress address, String path, CallbackHandler handler, CallbackServerOptions options) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(options, "options");
        String normalised = normalise(path);

        QueuedThreadPool threads = new QueuedThreadPool(options.maxThreads(), Math.min(4, options.maxThreads()),
                (int) options.idleTimeout().toMillis());
        threads.setName("callback-server");
        threads.setDaemon(true);
        threads.setReservedThreads(0);
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("callback-server-timer", true);
        Server server = new Server(threads, scheduler, null);
        // Stopping lets a request already in the handler finish its answer (for a second at most), so that a
        // notification written to the inbox is answered 2xx and one refused is answered 503, not cut off.
        server.setStopTimeout(1000);
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowCauses(false);
        errors.setShowMessageInTitle(false);
        server.setErrorHandler(errors);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        if (address.getAddress() == null || !address.getAddress().isAnyLocalAddress()) {
            connector.setHost(address.getHostString());
        }
        connector.setPort(address.getPort());
        connector.setIdleTimeout(options.idleTimeout().toMillis());
        connector.setAcceptQueueSize(options.acceptBacklog());
        server.addConnector(connector);

        RequestDeadlines deadlines = new RequestDeadlines(options.headerTimeout().toMillis(), options.bodyTimeout().toMillis());
        connector.addBean(deadlines);
        NetworkConnectionLimit limit = new NetworkConnectionLimit(options.maxConnections(), connector);
        // At the limit, connections that go quiet are let go sooner, to make room.
        limit.setEndPointIdleTimeout(Math.min(options.idleTimeout().toMillis(), options.headerTimeout().toMillis()));
        server.addBean(limit);
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(new CallbackRequestHandler(handler, normalised, deadlines));
        server.setHandler(graceful);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new UncheckedIOException("cannot listen on " + address,
                    e instanceof IOException io ? io : new IOException(e.getMessage(), e));
        }
        deadlines.start(scheduler);
        return new JettyCallbackServer(server, connector, limit, deadlines);
    }

    private static String normalise(String path) {
        if (path == null || path.isBlank() || path.equals("/")) {
            return "/";
        }
        String p = path.startsWith("/") ? path : "/" + path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    /** Connections open now. */
    public int openConnections() {
        return limit.getNetworkConnectionCount();
    }

    /** Connections closed so far because their request's headers or body did not arrive in time. */
    public long connectionsClosedByDeadline() {
        return deadlines.closedCount();
    }

    @Override
    public void close() {
        deadlines.stop();
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping releases the port and the threads; a failure there leaves nothing to recover.
        }
    }

    @Override
    public String toString() {
        return "JettyCallbackServer[port=" + port() + ", openConnections=" + openConnections() + "]";
    }
}
