/**
 * Plumbing of the MasStack adapter (validation, mapping, token exchange, error bodies). Not a public API.
 */
package dev.troubleticket.masstack.internal;
