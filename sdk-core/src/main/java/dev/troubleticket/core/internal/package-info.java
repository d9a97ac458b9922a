/**
 * Plumbing shared by the adapters: the HTTP transport, JSON configuration, error mapping. Not a public
 * API: it may change in any release. Users configure it through {@link dev.troubleticket.core.http}.
 */
package dev.troubleticket.core.internal;
