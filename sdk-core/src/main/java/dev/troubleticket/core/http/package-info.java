/**
 * Transport configuration shared by every adapter: the OkHttp client, timeouts, retries and listeners.
 */
package dev.troubleticket.core.http;
