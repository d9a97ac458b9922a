/**
 * The embedded callback server on Jetty 12, found by {@link dev.troubleticket.core.callback.CallbackServers}
 * through {@link java.util.ServiceLoader}; {@link dev.troubleticket.listener.jetty.JettyCallbackServer} can also be
 * started directly.
 */
module dev.troubleticket.listener.jetty {
    requires transitive dev.troubleticket.core; // JettyCallbackServer takes core's CallbackHandler and options
    requires org.eclipse.jetty.server;
    requires org.slf4j;

    exports dev.troubleticket.listener.jetty;

    provides dev.troubleticket.core.callback.CallbackServerFactory with
            dev.troubleticket.listener.jetty.JettyCallbackServerFactory;
}
