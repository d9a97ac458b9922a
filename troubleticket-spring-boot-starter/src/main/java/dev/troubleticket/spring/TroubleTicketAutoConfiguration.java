package dev.troubleticket.spring;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.instrument.Instrumentation;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The starter's auto-configuration: a {@link TicketingClient} bean per {@code troubleticket.clients.<name>}, named
 * {@code <name>TicketingClient} and qualified {@code @Qualifier("<name>")}, and a {@link ManagedSubscriptions} that
 * runs a subscription per {@code TicketEventHandler} bean.
 *
 * <p>Every {@link Instrumentation} bean of the application (Micrometer, OpenTelemetry) is given to every client,
 * combined with {@link Instrumentation#all} after the starter's own health tracker.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(TicketingClient.class)
@EnableConfigurationProperties(TroubleTicketProperties.class)
@Import(TicketingClientRegistrar.class)
public class TroubleTicketAutoConfiguration {
    /** Made by Spring Boot's auto-configuration. */
    public TroubleTicketAutoConfiguration() {
    }


    /** Builds the clients; holds their health trackers. */
    @Bean
    @ConditionalOnMissingBean
    public TicketingClientFactory ticketingClientFactory(TroubleTicketProperties properties,
                                                         ObjectProvider<Instrumentation> instrumentations) {
        return new TicketingClientFactory(properties, () -> instrumentations.orderedStream().toList(), Clock.systemUTC());
    }

    /** A subscription per {@code TicketEventHandler} bean, started and stopped with the context. */
    @Bean
    @ConditionalOnMissingBean
    public ManagedSubscriptions ticketingSubscriptions(ConfigurableListableBeanFactory beans, TroubleTicketProperties properties,
                                                       TicketingClientFactory clients, ObjectProvider<SubscriptionStore> store,
                                                       Environment environment) {
        return new ManagedSubscriptions(beans, properties, clients, store, environment);
    }
}
