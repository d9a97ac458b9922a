package dev.troubleticket.nexera.internal.events;

import dev.troubleticket.core.callback.CallbackServer;
import dev.troubleticket.core.callback.CallbackServers;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.spi.Inbox;
import dev.troubleticket.core.subscription.spi.PushSource;
import dev.troubleticket.nexera.internal.NeutralMapping;
import dev.troubleticket.nexera.listener.CallbackToken;
import dev.troubleticket.nexera.listener.CallerCheck;
import dev.troubleticket.nexera.listener.Tmf621EventHandler;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;

/**
 * A TMF621 server's push delivery for a durable subscription: a {@link Tmf621EventHandler} whose sink writes each
 * notification to the store's inbox before the answer ({@link InboxWriter}), served by the embedded server of
 * {@code sdk-listener-jetty} on the options' bind address or mounted in the application's own server, and the hub
 * kept in the store ({@link HubRegistrar}). Without a caller check the callback URL carries a {@link CallbackToken}.
 */
public final class TicketEventSource implements PushSource {
    private final HubCalls hubs;
    private final String provider;
    private final NeutralMapping mapping;
    private final CallerCheck callerCheck;
    private final SubscriptionOptions options;
    private final boolean hubListing;
    private final Clock clock;

    /**
     * @param callerCheck how callers are checked, or {@code null} for none (the callback URL then carries a token)
     * @param hubListing  whether a hub whose registration answer was lost is looked for with {@code GET /hub}
     */
    public TicketEventSource(HubCalls hubs, String provider, NeutralMapping mapping, CallerCheck callerCheck,
                            SubscriptionOptions options, boolean hubListing, Clock clock) {
        this.hubs = Objects.requireNonNull(hubs, "hubs");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.callerCheck = callerCheck;
        this.options = Objects.requireNonNull(options, "options");
        this.hubListing = hubListing;
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!options.mounted() && options.callbackBind() == null) {
            throw new IllegalArgumentException(provider + " pushes its events: the subscription's options need callback(bind, "
                    + "publicUrl) for the embedded receiver, or mountedCallback(publicUrl) to mount it in your own server");
        }
    }

    @Override
    public PushReceiver start(Inbox inbox) {
        // Instances of a fleet start at once: one at a time takes the stored token and registers (or reuses) the
        // hub, so that the fleet has one hub, whose token every instance's receiver accepts.
        return options.store().exclusively(options.name(), () -> startReceiver(inbox));
    }

    private PushReceiver startReceiver(Inbox inbox) {
        HubRegistrar registrar = new HubRegistrar(hubs, options.store(), options.name(), provider, callerCheck == null, hubListing,
                null, clock);
        String base = expectedBase();
        // The token is chosen before the receiver starts, so that the provider's first pushes are accepted.
        CallbackToken token = registrar.tokenFor(base);
        InboxWriter writer = new InboxWriter(inbox, mapping, clock);
        Tmf621EventHandler handler = Tmf621EventHandler.builder(callerCheck == null ? CallerCheck.acceptAll() : callerCheck, writer)
                .provider(provider).callbackToken(token).build();
        CallbackServer server = null;
        try {
            if (!options.mounted()) {
                server = CallbackServers.start(options.callbackBind(), CallbackUrls.LISTENER_PATH, handler,
                        options.callbackServerOptions());
                if (base == null) {
                    base = CallbackUrls.derived(options.callbackBind(), server.port());
                }
            }
            registrar.register(base, token, inbox::reportProblem);
        } catch (RuntimeException e) {
            writer.close();
            if (server != null) {
                server.close();
            }
            inbox.reportProblem("the receiver or its hub could not be started: " + e.getMessage());
            throw e;
        }
        return new Tmf621Receiver(handler, writer, server, options.mounted(), registrar, inbox);
    }

    /** The callback's base URL when it is known before binding: given, or derived from a fixed port. */
    private String expectedBase() {
        if (options.callbackUrl() != null) {
            return options.callbackUrl();
        }
        InetSocketAddress bind = options.callbackBind();
        return bind.getPort() != 0 ? CallbackUrls.derived(bind, bind.getPort()) : null;
    }

    @Override
    public String toString() {
        return "TicketEventSource[provider=" + provider + ", subscription=" + options.name() + ", mounted=" + options.mounted() + "]";
    }
}
