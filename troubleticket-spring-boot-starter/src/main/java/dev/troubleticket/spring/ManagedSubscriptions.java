package dev.troubleticket.spring;

import dev.troubleticket.core.Capability;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.callback.CallbackHandler;
import dev.troubleticket.core.subscription.StartPosition;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketEventHandler;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.FileSubscriptionStore;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.core.subscription.store.SubscriptionStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;

/**
 * One subscription per {@link TicketEventHandler} bean, started after the web server (so that a push provider's hub
 * can be registered at the application's own URL) and closed before it stops. The subscription's name, the key of
 * what its store keeps, is the handler bean's name.
 *
 * <p>The client is the one named by {@code troubleticket.subscriptions.<bean name>.client}, or by
 * {@link TicketingSubscription} on the bean, or the only client configured.
 */
public final class ManagedSubscriptions implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ManagedSubscriptions.class);

    private final ConfigurableListableBeanFactory beans;
    private final TroubleTicketProperties properties;
    private final TicketingClientFactory clients;
    private final ObjectProvider<SubscriptionStore> contextStore;
    private final Environment environment;
    private final Map<String, TicketSubscription> running = new LinkedHashMap<>();
    private final List<SubscriptionStore> ownStores = new ArrayList<>();
    private volatile boolean started;

    /** Subscriptions for the handler beans of {@code beans}. */
    public ManagedSubscriptions(ConfigurableListableBeanFactory beans, TroubleTicketProperties properties, TicketingClientFactory clients,
                                ObjectProvider<SubscriptionStore> contextStore, Environment environment) {
        this.beans = beans;
        this.properties = properties;
        this.clients = clients;
        this.contextStore = contextStore;
        this.environment = environment;
    }

    /** The handler beans' names, each the name of its subscription. */
    public List<String> handlerNames() {
        return List.of(beans.getBeanNamesForType(TicketEventHandler.class));
    }

    /** The running subscription of the handler bean {@code name}. */
    public Optional<TicketSubscription> subscription(String name) {
        synchronized (running) {
            return Optional.ofNullable(running.get(name));
        }
    }

    /**
     * The mounted callback handler of the subscription of {@code name}, while it runs: empty before it started and
     * after it stopped, when a notification is to be refused so that the provider sends it again.
     */
    public Optional<CallbackHandler> callbackHandler(String name) {
        return subscription(name).flatMap(TicketSubscription::callbackHandler);
    }

    @Override
    public void start() {
        List<String> handlers = handlerNames();
        for (String configured : properties.getSubscriptions().keySet()) {
            if (!handlers.contains(configured)) {
                throw new TroubleTicketPropertyException("troubleticket.subscriptions." + configured, "troubleticket.subscriptions." + configured
                        + ": no TicketEventHandler bean named '" + configured + "'; handler beans: " + handlers);
            }
        }
        try {
            for (String name : handlers) {
                TicketSubscription subscription = subscribe(name);
                synchronized (running) {
                    running.put(name, subscription);
                }
                subscription.start();
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        started = true;
    }

    private TicketSubscription subscribe(String name) {
        TroubleTicketProperties.Subscription options = properties.getSubscriptions()
                .getOrDefault(name, new TroubleTicketProperties.Subscription());
        String prefix = "troubleticket.subscriptions." + name;
        String clientName = clientOf(name, options, prefix);
        TicketingClient client = beans.getBean(TicketingClientRegistrar.beanName(clientName), TicketingClient.class);
        SubscriptionOptions.Builder builder = SubscriptionOptions.builder(name)
                .store(store(name, options, prefix))
                .start(start(options.getStart(), prefix))
                .tickets(options.getTickets())
                .kinds(options.getKinds());
        try {
            builder.pollInterval(options.getPollInterval())
                    .handlerThreads(options.getHandlerThreads())
                    .leaseTtl(options.getLeaseTtl())
                    .retry(options.getMaxAttempts(), options.getFirstBackoff(), options.getMaxBackoff());
        } catch (IllegalArgumentException e) {
            throw new TroubleTicketPropertyException(prefix, prefix + ": " + e.getMessage(), e);
        }
        if (client.supports(Capability.PUSH_NOTIFICATIONS)) {
            builder.mountedCallback(callbackUrl(name, options, prefix));
        }
        TicketEventHandler handler = beans.getBean(name, TicketEventHandler.class);
        LOG.info("subscription '{}' of client '{}' ({})", name, clientName, client.provider());
        return client.subscribe(handler, builder.build());
    }

    private String clientOf(String name, TroubleTicketProperties.Subscription options, String prefix) {
        TicketingSubscription annotation = beans.findAnnotationOnBean(name, TicketingSubscription.class);
        String byProperty = options.getClient();
        String byAnnotation = annotation == null ? null : annotation.client();
        if (byProperty != null && byAnnotation != null && !byProperty.equals(byAnnotation)) {
            throw new TroubleTicketPropertyException(prefix + ".client", prefix + ".client is '" + byProperty + "' but the bean's @TicketingSubscription"
                    + " names '" + byAnnotation + "'");
        }
        String chosen = byProperty != null ? byProperty : byAnnotation;
        List<String> names = clients.names();
        if (chosen == null) {
            if (names.size() == 1) {
                return names.get(0);
            }
            throw new TroubleTicketPropertyException(prefix + ".client", prefix + ".client is required (or @TicketingSubscription(client = ...) on the"
                    + " handler bean '" + name + "'): the clients are " + names);
        }
        if (!names.contains(chosen)) {
            throw new TroubleTicketPropertyException(prefix + ".client", prefix + ".client: no client '" + chosen + "' in troubleticket.clients; configured: " + names);
        }
        return chosen;
    }

    private SubscriptionStore store(String name, TroubleTicketProperties.Subscription options, String prefix) {
        Path directory = properties.getStore().getFile().getDirectory();
        switch (options.getStore()) {
            case MEMORY:
                LOG.warn("subscription '{}' keeps its positions and inbox in memory: events may be lost or handed over"
                        + " again after a restart", name);
                return own(new InMemorySubscriptionStore());
            case FILE:
                if (directory == null) {
                    throw new TroubleTicketPropertyException("troubleticket.store.file.directory", prefix + ".store is file: troubleticket.store.file.directory is required");
                }
                return file(directory, name);
            case JDBC:
                return contextStore.getIfAvailable(() -> {
                    throw new TroubleTicketPropertyException(prefix + ".store", prefix + ".store is jdbc: no SubscriptionStore bean; the starter makes"
                            + " one when dev.troubleticket:sdk-store-jdbc is on the class path and the application has a DataSource");
                });
            default:
                SubscriptionStore shared = contextStore.getIfAvailable();
                if (shared != null) {
                    return shared;
                }
                if (directory != null) {
                    return file(directory, name);
                }
                throw new TroubleTicketPropertyException(prefix + ".store", prefix + ".store: no store for the subscription; add"
                        + " dev.troubleticket:sdk-store-jdbc and a DataSource, set troubleticket.store.file.directory, or set "
                        + prefix + ".store=memory (events may then be lost on restart)");
        }
    }

    private SubscriptionStore file(Path directory, String name) {
        return own(FileSubscriptionStore.open(directory.resolve(name + ".journal")));
    }

    private SubscriptionStore own(SubscriptionStore store) {
        synchronized (ownStores) {
            ownStores.add(store);
        }
        return store;
    }

    private static StartPosition start(String value, String prefix) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("beginning")) {
            return StartPosition.beginning();
        }
        if (value.trim().equalsIgnoreCase("now")) {
            return StartPosition.now();
        }
        try {
            return StartPosition.at(Instant.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw new TroubleTicketPropertyException(prefix + ".start", prefix + ".start must be beginning, now or an ISO-8601 instant"
                    + " (2026-01-31T08:00:00Z), not '" + value + "'", e);
        }
    }

    private String callbackUrl(String name, TroubleTicketProperties.Subscription options, String prefix) {
        String path = CallbackPaths.path(name, options);
        String configured = options.getCallbackUrl();
        if (configured != null) {
            // Resolved now, once the web server runs, so that it may name ${local.server.port}.
            String url = environment.resolveRequiredPlaceholders(configured);
            if (!java.net.URI.create(url).getRawPath().endsWith(path)) {
                throw new TroubleTicketPropertyException(prefix + ".callback-url", prefix + ".callback-url must end with the callback path '" + path
                        + "' (" + prefix + ".callback-path), where the application's server routes notifications");
            }
            return url;
        }
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new TroubleTicketPropertyException(prefix + ".callback-url", prefix + ".callback-url is required: the public URL the provider calls,"
                    + " ending with " + path + " (no web server runs to derive one from)");
        }
        String url = "http://127.0.0.1:" + port + environment.getProperty("server.servlet.context-path", "") + path;
        LOG.warn("subscription '{}': no {}.callback-url, the provider is told to call {} (for tests and a LAN only)", name, prefix, url);
        return url;
    }

    @Override
    public void stop() {
        List<TicketSubscription> stopping;
        synchronized (running) {
            stopping = new ArrayList<>(running.values());
            running.clear();
        }
        for (TicketSubscription subscription : stopping) {
            try {
                subscription.close();
            } catch (RuntimeException e) {
                LOG.warn("subscription '{}' did not stop cleanly: {}", subscription.name(), e.toString());
            }
        }
        List<SubscriptionStore> closing;
        synchronized (ownStores) {
            closing = new ArrayList<>(ownStores);
            ownStores.clear();
        }
        for (SubscriptionStore store : closing) {
            store.close();
        }
        started = false;
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Override
    public int getPhase() {
        // After the web server (which starts at DEFAULT_PHASE - 1024), so that notifications can be received.
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
