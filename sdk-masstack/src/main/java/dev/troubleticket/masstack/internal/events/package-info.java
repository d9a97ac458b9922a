/**
 * MasStack's change tracking, issue 10's event source: the followed tickets read again at a paced rate
 * ({@link dev.troubleticket.masstack.internal.events.TicketEventSource}), what was seen of each, and the subscriptions
 * a client has open. Not a public API. Reads tickets through a function given by the client, so it needs nothing of
 * the adapter's root package.
 */
package dev.troubleticket.masstack.internal.events;
