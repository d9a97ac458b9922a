package dev.troubleticket.core.feed;

/**
 * One event read from a feed, with what identifies it and where to resume after it.
 *
 * @param id         the event's unique id, used to drop duplicates
 * @param event      the event
 * @param checkpoint the checkpoint to save once the event is handled
 * @param <E>        the event type
 */
public record FeedItem<E>(String id, E event, String checkpoint) {
}
