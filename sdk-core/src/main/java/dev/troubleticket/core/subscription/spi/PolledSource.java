package dev.troubleticket.core.subscription.spi;

import java.time.Duration;
import java.time.Instant;

/**
 * One stream of events an adapter reads by polling (Kosc's ticket list and its order/service feed, MasStack's
 * re-read tickets). {@link DurableSubscription} calls {@link #poll} from one thread, hands the events to the
 * handler and records their positions in the store once handled; the source only reads.
 */
public interface PolledSource {

    /** The stream's name, the key of its position in the store ({@code tickets}, {@code feed}, ...). */
    String stream();

    /** The least time between two polls once caught up, when the options give none. */
    Duration defaultInterval();

    /**
     * Reads the events after {@code position}.
     *
     * @param position  where the previous poll ended ({@link SourceBatch#endPosition()}), or the stored position
     *                  on the first poll, or {@code null} when the store holds none
     * @param startFrom where to start when {@code position} is {@code null}: the instant of the options'
     *                  {@link dev.troubleticket.core.subscription.StartPosition}, or {@code null} for the beginning
     * @throws dev.troubleticket.core.error.TicketingException when the provider cannot be read; the poll is tried
     *         again after the interval
     */
    SourceBatch poll(String position, Instant startFrom);

    /**
     * Called from the reading thread when this instance starts reading the stream under a lease it did not hold
     * before (its first one included), before the first poll: a source that keeps what it read in memory reads it
     * again from the store, which another instance may have moved meanwhile.
     */
    default void restart() {
    }
}
