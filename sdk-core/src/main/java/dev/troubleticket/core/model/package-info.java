/**
 * The provider-neutral model: immutable values that every provider's objects map onto, each keeping
 * the provider's own status name and raw payload.
 */
package dev.troubleticket.core.model;
