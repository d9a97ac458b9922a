package dev.troubleticket.core.feed;

import java.util.List;

/**
 * What one poll of a feed returned.
 *
 * @param items events in the order to deliver them
 * @param more  whether the provider has more right now (a full page), so the next poll need not wait
 * @param <E>   the event type
 */
public record FeedBatch<E>(List<FeedItem<E>> items, boolean more) {
    public FeedBatch {
        items = List.copyOf(items);
    }
}
