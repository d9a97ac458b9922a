/**
 * Following a provider's ticket events through one durable subscription:
 * {@link dev.troubleticket.core.TicketingClient#subscribe} with a {@link dev.troubleticket.core.subscription.TicketEventHandler}
 * and {@link dev.troubleticket.core.subscription.SubscriptionOptions} gives a
 * {@link dev.troubleticket.core.subscription.TicketSubscription}, whose guarantees are the same for every provider.
 * What it keeps across a restart is in a {@link dev.troubleticket.core.subscription.store.SubscriptionStore}.
 */
package dev.troubleticket.core.subscription;
