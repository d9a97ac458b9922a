package dev.troubleticket.core.feed;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link CheckpointStore} in memory: for tests, and for followers that may start again from scratch. */
public final class InMemoryCheckpointStore implements CheckpointStore {
    private final Map<String, String> checkpoints = new ConcurrentHashMap<>();

    @Override
    public Optional<String> load(String subscription) {
        return Optional.ofNullable(checkpoints.get(subscription));
    }

    @Override
    public void save(String subscription, String checkpoint) {
        checkpoints.put(subscription, checkpoint);
    }
}
