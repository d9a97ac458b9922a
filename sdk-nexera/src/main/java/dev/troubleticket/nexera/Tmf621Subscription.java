package dev.troubleticket.nexera;

import dev.troubleticket.core.callback.CallbackServer;
import dev.troubleticket.core.callback.CallbackServerOptions;
import dev.troubleticket.core.callback.CallbackServers;
import dev.troubleticket.core.error.TicketingException;
import dev.troubleticket.nexera.listener.CallbackToken;
import dev.troubleticket.nexera.listener.CallerCheck;
import dev.troubleticket.nexera.listener.Tmf621Event;
import dev.troubleticket.nexera.listener.Tmf621EventHandler;
import dev.troubleticket.nexera.model.Hub;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running event subscription: a receiver and the hub registered at the provider for it. Events reach
 * the consumer one at a time, in the order they arrive. {@link #close()} unregisters the hub (so the
 * provider stops sending) and then stops the receiver.
 *
 * <p>Without a caller check, the callback URL registered carries a fresh {@link CallbackToken} as its last
 * path segment and the receiver answers 404 to any request without it. That URL is a secret: neither
 * {@link #toString()} nor the log line shows it ({@link #hub()}{@code .callback()} holds it).
 *
 * @deprecated acknowledges each event before it is handled (a crash between the two loses it) and leaves a hub
 *             whose registration answer was lost; use {@link Tmf621Client#subscribe}, which stores each notification
 *             before answering and keeps the hub in its store. To be removed before the first release.
 */
@Deprecated(forRemoval = true)
public final class Tmf621Subscription implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Tmf621Subscription.class);
    /** The receiver's path; the token, when there is one, is the segment after it. */
    static final String LISTENER_PATH = "/listener";

    private final Tmf621Api api;
    private final CallbackServer server;
    private final Tmf621EventHandler handler;
    private final ExecutorService delivery;
    private final Hub hub;
    private final Consumer<Tmf621Subscription> onClose;
    private volatile boolean closed;

    private Tmf621Subscription(Tmf621Api api, CallbackServer server, Tmf621EventHandler handler, ExecutorService delivery, Hub hub,
                               Consumer<Tmf621Subscription> onClose) {
        this.api = api;
        this.server = server;
        this.handler = handler;
        this.delivery = delivery;
        this.hub = hub;
        this.onClose = onClose;
    }

    static Tmf621Subscription open(Tmf621Api api, String provider, InetSocketAddress bind, String callbackUrl, String query,
                                   CallerCheck check, CallbackServerOptions options, Consumer<? super Tmf621Event> consumer,
                                   Consumer<Tmf621Subscription> onClose) {
        // A provider that sends no credentials is recognised by the URL it was given: a token only it knows.
        CallbackToken token = check == null ? CallbackToken.random() : null;
        ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, provider + "-event-delivery");
            thread.setDaemon(true);
            return thread;
        });
        Tmf621EventHandler handler = Tmf621EventHandler.builder(check == null ? CallerCheck.acceptAll() : check, consumer, delivery)
                .provider(provider).callbackToken(token).build();
        CallbackServer server;
        try {
            server = CallbackServers.start(bind, LISTENER_PATH, handler, options);
        } catch (RuntimeException e) {
            delivery.shutdownNow();
            throw e;
        }
        String base = callbackUrl != null ? callbackUrl : "http://" + hostOf(bind) + ":" + server.port() + LISTENER_PATH;
        String callback = token == null ? base : token.appendTo(base);
        try {
            Hub hub = api.registerHub(callback, query);
            LOG.info("{}: listening for events at {} (hub {})", provider, printable(callback, token), hub.id());
            return new Tmf621Subscription(api, server, handler, delivery, hub, onClose);
        } catch (RuntimeException e) {
            server.close();
            delivery.shutdownNow();
            throw e;
        }
    }

    private static String hostOf(InetSocketAddress bind) {
        String host = bind.getHostString();
        if (host == null || host.equals("0.0.0.0") || host.equals("::")) {
            return "localhost";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** The URL for a log line: the token masked, no user info, query or fragment. */
    private static String printable(String url, CallbackToken token) {
        try {
            URI uri = URI.create(token == null ? url : token.maskIn(url));
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + uri.getRawPath();
        } catch (IllegalArgumentException e) {
            return "(callback URL not shown)";
        }
    }

    /** The hub registered at the provider; its {@code callback()} is the full URL, token included. */
    public Hub hub() {
        return hub;
    }

    /** The port the receiver listens on. */
    public int port() {
        return server.port();
    }

    /** The receiver's handler (counts of delivered, duplicate and refused notifications). */
    public Tmf621EventHandler handler() {
        return handler;
    }

    /** Unregisters the hub, then stops the receiver and the delivery thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            api.unregisterHub(hub.id());
        } catch (TicketingException e) {
            LOG.warn("could not unregister hub {}: {}", hub.id(), e.getMessage());
        }
        server.close();
        delivery.shutdown();
        try {
            delivery.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onClose.accept(this);
    }

    @Override
    public String toString() {
        return "Tmf621Subscription[hub=" + hub.id() + ", port=" + server.port() + ", closed=" + closed + "]";
    }
}
