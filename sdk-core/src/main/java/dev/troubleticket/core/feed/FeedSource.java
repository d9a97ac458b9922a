package dev.troubleticket.core.feed;

/**
 * Reads events after a checkpoint: Kosc's event feed, MasStack's re-read tickets. Adapters implement it;
 * {@link FeedSubscription} drives it.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface FeedSource<E> {
    /**
     * The events after {@code checkpoint}, oldest first.
     *
     * @param checkpoint the last saved checkpoint, or {@code null} to start from the beginning
     */
    FeedBatch<E> poll(String checkpoint);
}
