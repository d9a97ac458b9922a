/**
 * Plumbing of the MasStack adapter: neutral and status mapping, create validation, transition rules, the token
 * exchange, error bodies. Not a public API. Depends on the model only, never on the adapter's root package; the
 * subscription's parts are in {@code internal.events}.
 */
package dev.troubleticket.masstack.internal;
