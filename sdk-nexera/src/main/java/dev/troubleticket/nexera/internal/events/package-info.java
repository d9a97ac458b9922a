/**
 * The TMF621 adapter's push delivery for durable subscriptions: the event source, its receiver, the inbox writer
 * and the hub registrar. Takes the hub calls it makes as {@link dev.troubleticket.nexera.internal.events.HubCalls},
 * never the typed API. Not a public API.
 */
package dev.troubleticket.nexera.internal.events;
