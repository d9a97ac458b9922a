/**
 * The MasMovil MasStack simulator: token endpoint, trouble ticket API and the territory owner's side.
 */
package dev.troubleticket.testkit.masstack;
