package dev.troubleticket.core.feed;

import java.util.Optional;

/**
 * Remembers how far a subscription got, so that it resumes there after a restart. A subscription
 * saves a checkpoint only after its handler has finished with the event, so that a crash never skips
 * an event (it may deliver the last one again: handlers must be idempotent).
 */
public interface CheckpointStore {

    /** The last checkpoint saved for the subscription, if any. */
    Optional<String> load(String subscription);

    /** Saves the checkpoint for the subscription, replacing the previous one. */
    void save(String subscription, String checkpoint);
}
