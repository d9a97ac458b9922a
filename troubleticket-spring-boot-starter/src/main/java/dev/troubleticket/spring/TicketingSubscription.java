package dev.troubleticket.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a {@code TicketEventHandler} bean to the client whose events it handles, instead of the property
 * {@code troubleticket.subscriptions.<bean name>.client}. Put it on the handler's class or on its {@code @Bean} method.
 *
 * <pre>{@code
 * @Bean
 * @TicketingSubscription(client = "kosc")
 * TicketEventHandler koscTickets(BackOffice backOffice) {
 *     return backOffice::apply;
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TicketingSubscription {
    /** The client's name: a key of {@code troubleticket.clients}. */
    String client();
}
