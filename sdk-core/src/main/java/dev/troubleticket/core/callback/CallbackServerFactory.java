package dev.troubleticket.core.callback;

import java.net.InetSocketAddress;

/**
 * Starts embedded {@link CallbackServer}s: the service that {@link CallbackServers} finds with
 * {@link java.util.ServiceLoader} (declared in {@code META-INF/services/dev.troubleticket.core.callback.CallbackServerFactory}).
 */
public interface CallbackServerFactory {

    /**
     * Starts a server.
     *
     * @param address where to listen (port 0 for any free port)
     * @param path    the path callbacks are accepted under ({@code /} for all); other paths get 404
     * @param handler what to do with each request
     * @param options limits and timeouts
     */
    CallbackServer start(InetSocketAddress address, String path, CallbackHandler handler, CallbackServerOptions options);
}
