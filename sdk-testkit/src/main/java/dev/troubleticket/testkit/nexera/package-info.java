/**
 * A stateful simulator of Nexera's TMF621 Trouble Ticket API (and of any TMF621 v4 server), written
 * from the documents independently of the adapter, so that it really tests it.
 */
package dev.troubleticket.testkit.nexera;
