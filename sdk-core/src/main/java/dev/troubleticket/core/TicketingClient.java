package dev.troubleticket.core;

import dev.troubleticket.core.error.UnsupportedCapabilityException;
import dev.troubleticket.core.model.AllowedTransition;
import dev.troubleticket.core.model.CreateTicketRequest;
import dev.troubleticket.core.model.StatusChange;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.model.TicketQuery;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketEventHandler;
import dev.troubleticket.core.subscription.TicketSubscription;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The provider-neutral face of one provider's trouble-ticket API.
 *
 * <p>Instances are thread-safe and meant to be shared: build one per provider account and keep it for
 * the life of the application. Every method throws a subclass of
 * {@link dev.troubleticket.core.error.TicketingException} on failure; a method whose
 * {@link Capability} the provider lacks throws {@link UnsupportedCapabilityException}.
 *
 * <p>For what the neutral API cannot express, {@link #unwrap(Class)} gives the provider's full typed API.
 */
public interface TicketingClient extends AutoCloseable {

    /** The provider id: {@code kosc}, {@code masstack}, {@code nexera}, or another adapter's. */
    String provider();

    /** What this provider supports. */
    Set<Capability> capabilities();

    /** Whether this provider supports {@code capability}. */
    default boolean supports(Capability capability) {
        return capabilities().contains(capability);
    }

    /**
     * Opens a ticket. The request is checked against the provider's rules first; every violation is
     * reported together in a {@link dev.troubleticket.core.error.ValidationException} and nothing is sent.
     *
     * <p>Where the provider can find a ticket by the operator's reference ({@link Capability#IDEMPOTENT_CREATE}: Kosc,
     * TMF621/Nexera), {@link CreateTicketRequest#externalReference()} works as an idempotency key: the ticket is
     * looked up by it before anything is sent, and again after a failure that leaves the outcome unknown, and
     * calling {@code create} again with the same reference answers the ticket already opened instead of opening a
     * second one. A reference found on a ticket opened for another service or category is refused with a
     * {@link dev.troubleticket.core.error.ConflictException} naming both. The look-up reads a bounded number of the
     * provider's most recent list pages (each adapter's README says how many, and how to change it).
     *
     * <p>Where it cannot (MasStack has no search), a create is sent once and never resent after it may have
     * reached the provider: a {@link dev.troubleticket.core.error.TransportException} with
     * {@code reachedProvider()} true, or a 5xx, leaves the outcome unknown, and calling {@code create} again may open a
     * second ticket; the adapter's README says how to find out.
     */
    Ticket create(CreateTicketRequest request);

    /** Reads one ticket by any identifier the provider accepts for it. */
    Ticket get(String ticketId);

    /** Lists tickets lazily, fetching each page only when iteration reaches it. */
    PagedIterable<Ticket> list(TicketQuery query);

    /** Adds a comment to a ticket and returns the event the provider recorded. */
    TicketEvent comment(String ticketId, String text);

    /**
     * Moves a ticket to another status. A change the provider's rules forbid from the ticket's current
     * status is refused before sending, with a message listing the changes that are allowed.
     */
    Ticket transition(String ticketId, StatusChange change);

    /** The events of one ticket, oldest first. */
    List<TicketEvent> history(String ticketId);

    /** The status changes the operator may make next on the ticket, as the provider's rules allow. */
    List<AllowedTransition> allowedTransitions(String ticketId);

    /**
     * A durable subscription to the provider's ticket events, handed to {@code handler} with the guarantees
     * {@link TicketSubscription} states (at least once, repeats suppressed across restarts, per-ticket order, failing
     * events retried then parked). It is built stopped: call {@link TicketSubscription#start()}.
     *
     * <p>How the provider delivers is one of {@link Capability#EVENT_FEED} (a polled feed or list: Kosc),
     * {@link Capability#WATCH_BY_POLLING} (followed tickets read again: MasStack) and
     * {@link Capability#PUSH_NOTIFICATIONS} (a registered receiver: TMF621, Nexera); the options each uses are
     * said in {@link SubscriptionOptions}.
     *
     * @throws UnsupportedCapabilityException when the provider offers no way to follow its events
     */
    default TicketSubscription subscribe(TicketEventHandler handler, SubscriptionOptions options) {
        throw new UnsupportedCapabilityException(provider(), "subscribe");
    }

    /**
     * The provider's own typed API, for what the neutral API cannot express, or the adapter's client itself.
     *
     * <p>One rule in every adapter: the client offers its typed API (such as {@code KoscApi}) and then itself (such
     * as {@code KoscClient}), and the first of the two that is of {@code apiType} is answered. So the typed API's
     * class gives the typed API, the adapter's client class (or an interface it implements, this one included) gives
     * the client, and a type too general to choose, such as {@code Object}, gives the typed API.
     *
     * @throws IllegalArgumentException when neither is of that type; the message names what is offered
     * @throws NullPointerException     when {@code apiType} is {@code null}
     */
    <T> T unwrap(Class<T> apiType);

    /** An asynchronous face of this client, running calls on the given executor. */
    default AsyncTicketingClient async(Executor executor) {
        return new AsyncTicketingClient(this, executor);
    }

    /** Releases what the client holds (token renewal, executor threads). The shared OkHttp pool is left to its owner. */
    @Override
    void close();
}
