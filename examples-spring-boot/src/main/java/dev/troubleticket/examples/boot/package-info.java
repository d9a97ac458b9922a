/** A Spring Boot back office on the Trouble Ticket SDK's starter: {@link dev.troubleticket.examples.boot.BackOffice}. */
package dev.troubleticket.examples.boot;
