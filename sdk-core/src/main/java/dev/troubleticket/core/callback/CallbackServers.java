package dev.troubleticket.core.callback;

import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.Objects;
import java.util.ServiceLoader;

/** Finds the embedded callback server on the class path and starts it. */
public final class CallbackServers {
    /** The artifact that provides the embedded server. */
    public static final String SERVER_ARTIFACT = "dev.troubleticket:sdk-listener-jetty";

    private CallbackServers() {
    }

    /**
     * Starts the embedded server with {@code options}.
     *
     * @throws IllegalStateException when no server implementation is on the class path (the message names
     *                               the artifact to add)
     */
    public static CallbackServer start(InetSocketAddress address, String path, CallbackHandler handler, CallbackServerOptions options) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(options, "options");
        return factory().start(address, path, handler, options);
    }

    /** Starts the embedded server with the default options. */
    public static CallbackServer start(InetSocketAddress address, String path, CallbackHandler handler) {
        return start(address, path, handler, CallbackServerOptions.defaults());
    }

    /** Whether an embedded server implementation is on the class path. */
    public static boolean available() {
        return find() != null;
    }

    private static CallbackServerFactory factory() {
        CallbackServerFactory factory = find();
        if (factory == null) {
            throw new IllegalStateException("no embedded callback server on the class path: add the dependency " + SERVER_ARTIFACT
                    + " (it brings Jetty), or mount the handler in your own HTTP server instead");
        }
        return factory;
    }

    private static CallbackServerFactory find() {
        CallbackServerFactory found = first(ServiceLoader.load(CallbackServerFactory.class, CallbackServers.class.getClassLoader()));
        if (found == null && Thread.currentThread().getContextClassLoader() != null) {
            found = first(ServiceLoader.load(CallbackServerFactory.class, Thread.currentThread().getContextClassLoader()));
        }
        return found;
    }

    private static CallbackServerFactory first(ServiceLoader<CallbackServerFactory> loader) {
        Iterator<CallbackServerFactory> it = loader.iterator();
        return it.hasNext() ? it.next() : null;
    }
}
