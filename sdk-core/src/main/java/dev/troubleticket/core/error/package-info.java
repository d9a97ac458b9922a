/**
 * The SDK's exceptions: one unchecked hierarchy under {@link dev.troubleticket.core.error.TicketingException}.
 */
package dev.troubleticket.core.error;
