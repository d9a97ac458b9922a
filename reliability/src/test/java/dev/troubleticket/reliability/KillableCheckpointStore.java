package dev.troubleticket.reliability;

import dev.troubleticket.core.feed.CheckpointStore;

import java.util.Optional;

/** A checkpoint store that may die just before or just after saving, and keeps what it saved across restarts. */
final class KillableCheckpointStore implements CheckpointStore {
    private final CheckpointStore durable;
    private final KillSwitch kill;

    KillableCheckpointStore(CheckpointStore durable, KillSwitch kill) {
        this.durable = durable;
        this.kill = kill;
    }

    @Override
    public Optional<String> load(String subscription) {
        return durable.load(subscription);
    }

    @Override
    public void save(String subscription, String checkpoint) {
        kill.maybeKill("after handling, before the checkpoint");
        durable.save(subscription, checkpoint);
        kill.maybeKill("just after the checkpoint");
    }
}
