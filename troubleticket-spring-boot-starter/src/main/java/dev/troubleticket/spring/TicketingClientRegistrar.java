package dev.troubleticket.spring;

import dev.troubleticket.core.TicketingClient;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers one {@link TicketingClient} bean per key of {@code troubleticket.clients}, named
 * {@code <name>TicketingClient} and qualified {@code @Qualifier("<name>")}, closed with the context. Imported by
 * {@link TroubleTicketAutoConfiguration}.
 */
public final class TicketingClientRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {
    private Environment environment;
    private BeanFactory beanFactory;

    /** Made by Spring when it reads {@link TroubleTicketAutoConfiguration}'s {@code @Import}. */
    public TicketingClientRegistrar() {
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    /** The bean name of the client {@code name}. */
    static String beanName(String name) {
        return name + "TicketingClient";
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        // Only the names here: the values are bound, and their errors reported, by TroubleTicketProperties.
        Map<String, Object> clients = Binder.get(environment)
                .bind("troubleticket.clients", Bindable.mapOf(String.class, Object.class))
                .orElse(Map.of());
        for (String name : clients.keySet()) {
            RootBeanDefinition definition = new RootBeanDefinition(TicketingClient.class,
                    () -> beanFactory.getBean(TicketingClientFactory.class).create(name));
            definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
            definition.setDestroyMethodName("close");
            registry.registerBeanDefinition(beanName(name), definition);
        }
    }
}
