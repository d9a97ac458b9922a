/**
 * Spring Boot 4 auto-configuration for the Trouble Ticket SDK: {@code TicketingClient} beans from
 * {@code troubleticket.clients.*} ({@link dev.troubleticket.spring.TroubleTicketProperties}), a health indicator per
 * client, a managed subscription per {@code TicketEventHandler} bean, and the TMF621 receiver on the application's
 * Spring MVC server.
 */
package dev.troubleticket.spring;
