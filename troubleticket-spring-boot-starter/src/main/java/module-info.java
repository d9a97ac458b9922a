/**
 * Spring Boot 4 auto-configuration for the Trouble Ticket SDK: {@link dev.troubleticket.spring.TroubleTicketProperties},
 * client beans, health indicators, managed subscriptions and the TMF621 receiver on Spring MVC.
 */
@SuppressWarnings("requires-automatic") // Spring's jars name their modules in their manifests only
module dev.troubleticket.spring {
    requires transitive dev.troubleticket.core;
    requires org.slf4j;
    // Transitive: the auto-configuration's public types name their types.
    requires transitive spring.core;
    requires transitive spring.beans;
    requires transitive spring.context;
    requires transitive spring.boot;
    requires transitive spring.boot.autoconfigure;
    // Optional: each is used only by the auto-configuration that is conditional on it.
    requires static transitive spring.boot.health;
    requires static transitive jakarta.servlet;
    requires static transitive dev.troubleticket.store.jdbc;
    requires static transitive java.sql;
    requires static transitive dev.troubleticket.micrometer;
    requires static transitive micrometer.core;
    requires static transitive dev.troubleticket.opentelemetry;
    requires static transitive io.opentelemetry.api;

    exports dev.troubleticket.spring;
    // Spring reads the configuration classes and binds the properties by reflection.
    opens dev.troubleticket.spring to spring.core, spring.beans, spring.context, spring.boot;
}
