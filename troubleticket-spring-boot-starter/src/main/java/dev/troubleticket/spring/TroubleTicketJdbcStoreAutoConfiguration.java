package dev.troubleticket.spring;

import dev.troubleticket.core.subscription.store.SubscriptionStore;
import dev.troubleticket.store.jdbc.JdbcSubscriptionStore;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * With {@code dev.troubleticket:sdk-store-jdbc} on the class path and a {@link DataSource} in the context, the
 * subscriptions' store is a {@link JdbcSubscriptionStore} over it (tables created or updated at start-up unless
 * {@code troubleticket.store.jdbc.migrate=false}), so that a fleet of instances shares one subscription.
 */
@AutoConfiguration(before = TroubleTicketAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({JdbcSubscriptionStore.class, DataSource.class})
@ConditionalOnSingleCandidate(DataSource.class)
public class TroubleTicketJdbcStoreAutoConfiguration {
    /** Made by Spring Boot's auto-configuration. */
    public TroubleTicketJdbcStoreAutoConfiguration() {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TroubleTicketJdbcStoreAutoConfiguration.class);

    /** The JDBC store over the application's DataSource, closed with the context. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(SubscriptionStore.class)
    public JdbcSubscriptionStore ticketingSubscriptionStore(DataSource dataSource, TroubleTicketProperties properties) {
        JdbcSubscriptionStore.Builder builder = JdbcSubscriptionStore.builder(dataSource);
        String prefix = properties.getStore().getJdbc().getTablePrefix();
        if (prefix != null) {
            builder.tablePrefix(prefix);
        }
        JdbcSubscriptionStore store = builder.build();
        if (properties.getStore().getJdbc().isMigrate()) {
            List<Integer> applied = store.migrate();
            if (!applied.isEmpty()) {
                LOG.info("subscription store: schema versions {} applied", applied);
            }
        }
        return store;
    }
}
