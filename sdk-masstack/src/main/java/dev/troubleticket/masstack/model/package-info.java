/**
 * MasStack's own request and response types, named and spelt as the provider's document names them.
 */
package dev.troubleticket.masstack.model;
