/**
 * Pluggable authentication: static tokens, basic credentials, and tokens renewed before they expire.
 */
package dev.troubleticket.core.auth;
