/**
 * The embedded callback server on Jetty 12: {@link dev.troubleticket.listener.jetty.JettyCallbackServer}, found by
 * {@link dev.troubleticket.core.callback.CallbackServers} through {@link java.util.ServiceLoader}.
 */
package dev.troubleticket.listener.jetty;
