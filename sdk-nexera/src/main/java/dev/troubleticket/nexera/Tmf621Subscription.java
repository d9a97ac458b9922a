package dev.troubleticket.nexera;

import dev.troubleticket.core.error.TicketingException;
import dev.troubleticket.nexera.listener.CallerCheck;
import dev.troubleticket.nexera.listener.Tmf621Event;
import dev.troubleticket.nexera.listener.Tmf621EventHandler;
import dev.troubleticket.nexera.listener.Tmf621ListenerServer;
import dev.troubleticket.nexera.model.Hub;
import java.net.InetSocketAddress;
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
 */
public final class Tmf621Subscription implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Tmf621Subscription.class);

    private final Tmf621Api api;
    private final Tmf621ListenerServer server;
    private final ExecutorService delivery;
    private final Hub hub;
    private final Consumer<Tmf621Subscription> onClose;
    private volatile boolean closed;

    private Tmf621Subscription(Tmf621Api api, Tmf621ListenerServer server, ExecutorService delivery, Hub hub,
                               Consumer<Tmf621Subscription> onClose) {
        this.api = api;
        this.server = server;
        this.delivery = delivery;
        this.hub = hub;
        this.onClose = onClose;
    }

    static Tmf621Subscription open(Tmf621Api api, String provider, InetSocketAddress bind, String callbackUrl, String query,
                                   CallerCheck check, Consumer<? super Tmf621Event> consumer,
                                   Consumer<Tmf621Subscription> onClose) {
        ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, provider + "-event-delivery");
            thread.setDaemon(true);
            return thread;
        });
        Tmf621EventHandler handler = Tmf621EventHandler.builder(check, consumer, delivery).provider(provider).build();
        Tmf621ListenerServer server = Tmf621ListenerServer.start(bind, "/listener", handler);
        String callback = callbackUrl != null ? callbackUrl : server.callbackUrl(hostOf(bind));
        try {
            Hub hub = api.registerHub(callback, query);
            LOG.info("{}: listening for events at {} (hub {})", provider, callback, hub.id());
            return new Tmf621Subscription(api, server, delivery, hub, onClose);
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

    /** The hub registered at the provider. */
    public Hub hub() {
        return hub;
    }

    /** The port the receiver listens on. */
    public int port() {
        return server.port();
    }

    /** The receiver's handler (counts of delivered, duplicate and refused notifications). */
    public Tmf621EventHandler handler() {
        return server.handler();
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
