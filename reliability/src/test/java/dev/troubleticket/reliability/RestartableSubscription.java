package dev.troubleticket.reliability;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.error.TicketingException;
import dev.troubleticket.core.feed.FeedSubscription;

import java.util.function.Function;

/**
 * A subscription as a back office runs it across crashes: each restart builds a new client and a new
 * subscription on the same durable checkpoint store, and goes on from the saved checkpoint.
 */
final class RestartableSubscription<E> implements AutoCloseable {
    private final Harness harness;
    private final Function<TicketingClient, FeedSubscription<E>> factory;
    private TicketingClient client;
    private FeedSubscription<E> subscription;
    private int restarts;

    RestartableSubscription(Harness harness, Function<TicketingClient, FeedSubscription<E>> factory) {
        this.harness = harness;
        this.factory = factory;
    }

    /** One poll; a kill ends this incarnation (the next poll restarts), a provider failure is tried again later. */
    FeedSubscription.PollResult pollOnce() {
        if (subscription == null) {
            client = harness.newClient();
            subscription = factory.apply(client);
        }
        try {
            return subscription.pollOnce();
        } catch (KillSwitch.Killed killed) {
            restarts++;
            close();
            return null;
        } catch (TicketingException providerDown) {
            return null;
        }
    }

    /**
     * Polls until two polls in a row bring nothing new (repeats of handled events aside: Kosc re-reads the
     * checkpoint's instant), at most {@code maxPolls} times.
     *
     * @throws AssertionError when it never settles, so that a feed still busy is not mistaken for one that lost events
     */
    void drain(int maxPolls) {
        int quiet = 0;
        for (int round = 0; quiet < 2 && round < maxPolls; round++) {
            FeedSubscription.PollResult result = pollOnce();
            quiet = result != null && result.delivered() == 0 && !result.more() ? quiet + 1 : 0;
        }
        if (quiet < 2) {
            throw new AssertionError("the subscription was still delivering after " + maxPolls + " polls (" + restarts + " restarts)");
        }
    }

    int restarts() {
        return restarts;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        client = null;
        subscription = null;
    }
}
