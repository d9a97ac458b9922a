package dev.troubleticket.spring;

import java.util.Map;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The push providers' receiver (TMF621, Nexera) on the application's own Spring MVC server: each handler bean's
 * subscription is served at its {@code troubleticket.subscriptions.<name>.callback-path} (default
 * {@code /troubleticket/<name>}) and the paths below it, instead of a second port.
 */
@AutoConfiguration(after = TroubleTicketAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {"org.springframework.web.servlet.DispatcherServlet", "jakarta.servlet.http.HttpServlet"})
public class TroubleTicketWebMvcAutoConfiguration {
    /** Made by Spring Boot's auto-configuration. */
    public TroubleTicketWebMvcAutoConfiguration() {
    }


    /** The receiver's servlet, mapped to every subscription's callback path. */
    @Bean
    public ServletRegistrationBean<CallbackServlet> ticketingCallbackServlet(ConfigurableListableBeanFactory beans,
                                                                            TroubleTicketProperties properties,
                                                                            ManagedSubscriptions subscriptions) {
        Map<String, String> paths = CallbackServlet.paths(subscriptions.handlerNames(), properties);
        ServletRegistrationBean<CallbackServlet> registration = new ServletRegistrationBean<>(
                new CallbackServlet(paths, subscriptions), CallbackServlet.urlPatterns(paths).toArray(String[]::new));
        registration.setName("troubleticketCallbacks");
        // No mapping when no handler bean: a servlet without one is not registered.
        registration.setEnabled(!paths.isEmpty());
        return registration;
    }
}
