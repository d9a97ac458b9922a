/**
 * Receiving TMF621 notifications: typed events, a framework-neutral handler (method, path, headers and raw
 * bytes in, HTTP status out) to mount in any server, the caller checks, and the unguessable callback token
 * for providers that send no credentials. The embedded server that {@code Tmf621Client.subscribe} starts is in
 * {@code dev.troubleticket:sdk-listener-jetty}.
 */
package dev.troubleticket.nexera.listener;
