package dev.troubleticket.nexera.internal.events;

import dev.troubleticket.core.callback.CallbackHandler;
import dev.troubleticket.core.callback.CallbackServer;
import dev.troubleticket.core.subscription.spi.Inbox;
import dev.troubleticket.core.subscription.spi.PushSource;
import dev.troubleticket.nexera.listener.Tmf621EventHandler;
import java.util.Optional;

/**
 * A running TMF621 receiver of a durable subscription: its handler (mounted, or served by the embedded server) and
 * its hub. Stopping refuses further notifications with 503, so that the provider keeps them for the next start.
 */
final class Tmf621Receiver implements PushSource.PushReceiver {
    private final Tmf621EventHandler handler;
    private final InboxWriter writer;
    private final CallbackServer server;
    private final boolean mounted;
    private final HubRegistrar registrar;
    private final Inbox inbox;

    Tmf621Receiver(Tmf621EventHandler handler, InboxWriter writer, CallbackServer server, boolean mounted, HubRegistrar registrar,
                   Inbox inbox) {
        this.handler = handler;
        this.writer = writer;
        this.server = server;
        this.mounted = mounted;
        this.registrar = registrar;
        this.inbox = inbox;
    }

    @Override
    public Optional<CallbackHandler> callbackHandler() {
        return mounted ? Optional.of(handler) : Optional.empty();
    }

    @Override
    public void stop() {
        writer.close();
        if (server != null) {
            server.close();
        }
    }

    @Override
    public void cancel() {
        stop();
        registrar.unregister(inbox::reportProblem);
    }

    @Override
    public String toString() {
        return "Tmf621Receiver[mounted=" + mounted + ", port=" + (server == null ? "none" : String.valueOf(server.port())) + "]";
    }
}
