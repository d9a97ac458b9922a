/**
 * Where a subscription keeps what survives a restart: the {@link dev.troubleticket.core.subscription.store.SubscriptionStore}
 * SPI and its embedded implementations, in memory and in a crash-safe journal file.
 */
package dev.troubleticket.core.subscription.store;
