/**
 * Receiving a provider's pushed callbacks, framework-neutrally: a {@link dev.troubleticket.core.callback.CallbackHandler}
 * (method, path, headers and body in, a status out) that any HTTP server can call, and a small service
 * interface through which an adapter starts an embedded server for it without depending on one
 * ({@link dev.troubleticket.core.callback.CallbackServers}; the implementation ships in
 * {@code dev.troubleticket:sdk-listener-jetty}).
 */
package dev.troubleticket.core.callback;
