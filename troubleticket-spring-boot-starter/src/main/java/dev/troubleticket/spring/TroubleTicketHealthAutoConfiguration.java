package dev.troubleticket.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * One health indicator per client, grouped under {@code troubleticket} ({@code /actuator/health/troubleticket/<name>}),
 * with Spring Boot's health module on the class path.
 */
@AutoConfiguration(after = TroubleTicketAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
public class TroubleTicketHealthAutoConfiguration {
    /** Made by Spring Boot's auto-configuration. */
    public TroubleTicketHealthAutoConfiguration() {
    }


    /** The clients' indicators, by client name. */
    @Bean
    @ConditionalOnMissingBean(name = "troubleticketHealthContributor")
    public CompositeHealthContributor troubleticketHealthContributor(TicketingClientFactory clients) {
        Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
        for (String name : clients.names()) {
            indicators.put(name, new TicketingClientHealthIndicator(clients.provider(name), clients.tracker(name)));
        }
        return CompositeHealthContributor.fromMap(indicators);
    }
}
