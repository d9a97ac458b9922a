package dev.troubleticket.core.feed;

/**
 * The user's code that receives events. It may be called again with an event it already handled
 * (after a crash or a failure), so it must be idempotent. Throwing leaves the checkpoint before the
 * event, which is delivered again on the next poll.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface EventHandler<E> {
    void handle(E event) throws Exception;
}
