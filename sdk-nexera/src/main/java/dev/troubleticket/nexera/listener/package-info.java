/**
 * Receiving TMF621 notifications: typed events, a framework-neutral handler (raw bytes and headers in,
 * HTTP status out) and a ready receiver on the JDK's HTTP server.
 */
package dev.troubleticket.nexera.listener;
