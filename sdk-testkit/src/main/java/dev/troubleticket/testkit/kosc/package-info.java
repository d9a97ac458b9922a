/**
 * The Kosc simulator: {@link dev.troubleticket.testkit.kosc.KoscSimulator} (routing, Kosc's side, the test API),
 * with one class per job beside it: the token endpoint, the wire rules, the ticket store and its listing, the
 * event feed and its info messages, and the JSON the simulator writes.
 */
package dev.troubleticket.testkit.kosc;
