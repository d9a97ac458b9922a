package dev.troubleticket.listener.jetty;

import dev.troubleticket.core.callback.CallbackHandler;
import dev.troubleticket.core.callback.CallbackServer;
import dev.troubleticket.core.callback.CallbackServerFactory;
import dev.troubleticket.core.callback.CallbackServerOptions;
import java.net.InetSocketAddress;

/** The {@link CallbackServerFactory} service of this module: starts {@link JettyCallbackServer}s. */
public final class JettyCallbackServerFactory implements CallbackServerFactory {

    /** Instantiated by {@link java.util.ServiceLoader}. */
    public JettyCallbackServerFactory() {
    }

    @Override
    public CallbackServer start(InetSocketAddress address, String path, CallbackHandler handler, CallbackServerOptions options) {
        return JettyCallbackServer.start(address, path, handler, options);
    }
}
