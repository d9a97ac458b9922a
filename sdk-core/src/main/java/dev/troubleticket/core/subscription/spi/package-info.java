/**
 * What an adapter implements to offer {@link dev.troubleticket.core.TicketingClient#subscribe}: polled sources,
 * push sources, and the {@link dev.troubleticket.core.subscription.spi.DurableSubscription} that runs them with the
 * guarantees of {@link dev.troubleticket.core.subscription.TicketSubscription}. Not for application code.
 */
package dev.troubleticket.core.subscription.spi;
