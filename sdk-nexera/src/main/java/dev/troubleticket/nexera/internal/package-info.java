/**
 * Mapping and plumbing of the TMF621 adapter: request checks, status rules, neutral mapping, error
 * bodies, token exchange. Not a public API.
 */
package dev.troubleticket.nexera.internal;
