package dev.troubleticket.core.subscription.spi;

import dev.troubleticket.core.callback.CallbackHandler;
import java.util.Optional;

/**
 * An adapter's side of push delivery (a TMF621 hub): it receives notifications, writes each to the
 * {@link Inbox} before answering the provider, and keeps the provider's registration in the store.
 * {@link DurableSubscription} handles what the inbox holds.
 */
public interface PushSource {

    /**
     * Starts receiving into {@code inbox}: starts the receiver (unless the options say it is mounted), then reuses,
     * replaces or makes the provider's registration, keeping it in the store.
     *
     * @return the running receiver
     */
    PushReceiver start(Inbox inbox);

    /** A running receiver. */
    interface PushReceiver {
        /** The handler to mount in the application's own server, when the options asked for that. */
        Optional<CallbackHandler> callbackHandler();

        /** Stops receiving; the provider's registration stays, for the next start. */
        void stop();

        /** Stops receiving and removes the provider's registration. */
        void cancel();
    }
}
