/**
 * The TMF621 v4 Trouble Ticket adapter, with Nexera as a profile: {@link dev.troubleticket.nexera.NexeraClient}
 * and {@link dev.troubleticket.nexera.Tmf621Client} (neutral), {@link dev.troubleticket.nexera.Tmf621Api}
 * (typed), {@link dev.troubleticket.nexera.Tmf621Profile} / {@link dev.troubleticket.nexera.NexeraProfile}
 * (base path, requirement matrix, vocabularies); events pushed to a hub are followed with
 * {@code Tmf621Client.subscribe}.
 */
package dev.troubleticket.nexera;
