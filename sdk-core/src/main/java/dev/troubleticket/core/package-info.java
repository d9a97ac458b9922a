/**
 * The provider-neutral client API: {@link dev.troubleticket.core.TicketingClient}, its asynchronous face,
 * lazy paging and capabilities.
 */
package dev.troubleticket.core;
