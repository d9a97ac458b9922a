package dev.troubleticket.examples.boot;

import dev.troubleticket.spring.TicketingSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The handler beans: one subscription each, named after the bean. {@code koscTickets} is bound to its client by
 * {@code troubleticket.subscriptions.koscTickets.client} in {@code application.yml}, {@code nexeraTickets} by the
 * annotation.
 */
@Configuration(proxyBeanMethods = false)
public class Handlers {

    /** Kosc's events. */
    @Bean
    public TicketLog koscTickets() {
        return new TicketLog();
    }

    /** Nexera's events, pushed to this application's own server. */
    @Bean
    @TicketingSubscription(client = "nexera")
    public TicketLog nexeraTickets() {
        return new TicketLog();
    }
}
