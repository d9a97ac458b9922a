package dev.troubleticket.core.subscription;

import dev.troubleticket.core.callback.CallbackHandler;
import dev.troubleticket.core.subscription.store.DeadLetter;
import java.util.List;
import java.util.Optional;

/**
 * A durable subscription to one provider's ticket events, made by
 * {@link dev.troubleticket.core.TicketingClient#subscribe(TicketEventHandler, SubscriptionOptions)}. It is built
 * stopped; {@link #start()} starts it in the background and {@link #close()} stops it. The same guarantees hold
 * for every provider, whether it is polled (Kosc's feed and ticket list, MasStack's re-read tickets) or pushes
 * (TMF621 hubs, Nexera):
 *
 * <ul>
 *   <li><b>At least once.</b> Every event reaches the handler at least once. A position, a followed ticket's
 *       state or a notification's acknowledgement is recorded in the {@link SubscriptionOptions#store() store}
 *       only after the handler returned from the events before it; a push notification is written to the
 *       store's inbox before the provider is answered 2xx.</li>
 *   <li><b>Repeats suppressed.</b> An event already handled is not handed over again, across restarts, as long
 *       as its identity is still in the store's seen-event window (see the store's Javadoc for its size). Past
 *       that window, or when the store could not record a handled event before a crash, it may come again.</li>
 *   <li><b>Per-ticket order.</b> The events of one ticket reach the handler one at a time, in the order the
 *       provider gives them. Different tickets may be handled concurrently
 *       ({@link SubscriptionOptions.Builder#handlerThreads(int)}).</li>
 *   <li><b>A poisoned event does not stop the stream.</b> A handler that throws is called again with backoff
 *       ({@link SubscriptionOptions.Builder#retry}); after the last attempt the event is parked as a
 *       {@link DeadLetter} with its error, and the ticket's later events are delivered after it. Other tickets
 *       are not held up while it is retried. Per-ticket order therefore holds among delivered events: a
 *       replayed dead letter arrives after the ticket's later events.</li>
 *   <li><b>Failures of the provider do not stop it.</b> A poll that fails is tried again at the next interval;
 *       {@link #health()} says when it last succeeded and what failed. A store that cannot be written stops the
 *       subscription (continuing would hand over events whose handling can never be recorded):
 *       {@link #health()} reports it, and {@link #start()} throws it when it happens at once.</li>
 * </ul>
 */
public interface TicketSubscription extends AutoCloseable {

    /** The subscription's name, as given in its options. */
    String name();

    /** The provider id of the client that made it ({@code kosc}, {@code masstack}, {@code nexera}, ...). */
    String provider();

    /**
     * Starts following in the background and returns at once. It first takes the store's lease and, for a push
     * provider, starts the receiver (unless mounted) and registers or reuses the hub, so a failure there is
     * thrown here. Calling it again while running does nothing.
     *
     * @throws dev.troubleticket.core.subscription.store.SubscriptionStoreException when the store cannot be read or
     *         written (held by another process, a directory that cannot be written, a file of another format)
     */
    TicketSubscription start();

    /**
     * Stops: no new event is handed over, the event in hand is finished (up to a few seconds), and the receiver
     * stops. Positions, followed tickets, the inbox and the hub registration stay in the store, so that the next
     * start goes on where this one stopped (a push provider's retries reach the next start).
     */
    @Override
    void close();

    /**
     * Stops as {@link #close()} does, and also removes what the provider holds for this subscription (the TMF621
     * hub). The store keeps the rest, so that a new subscription under the same name would still skip what was
     * handled.
     */
    void cancel();

    /** How the subscription is doing. */
    SubscriptionHealth health();

    /**
     * Follows a ticket opened elsewhere, where the provider's events are found by re-reading followed tickets
     * (MasStack). The ticket is kept in the store, so it is followed again after a restart, until its final
     * state has been delivered. Where the provider tells of every ticket anyway (Kosc, TMF621), this does
     * nothing.
     */
    void follow(String ticketId);

    /** Stops following a ticket (see {@link #follow(String)}). */
    void unfollow(String ticketId);

    /** The dead letters held in the store for this subscription, oldest first. */
    List<DeadLetter> deadLetters();

    /**
     * Hands a dead letter to the handler again, now, on its ticket's lane; it is removed from the store when the
     * handler returns, and parked again (attempts counted afresh) when it throws at every attempt.
     *
     * @return whether a dead letter with that key was found
     */
    boolean replay(String key);

    /**
     * The handler to mount in the application's own web server, when the options asked for
     * {@link SubscriptionOptions.Builder#mountedCallback(String) mounted} push delivery: it writes each
     * notification to the store's inbox before answering 2xx. Empty for polled providers and for a receiver the
     * subscription runs itself.
     */
    Optional<CallbackHandler> callbackHandler();
}
