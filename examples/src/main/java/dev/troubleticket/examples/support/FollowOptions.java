package dev.troubleticket.examples.support;

import dev.troubleticket.core.feed.CheckpointStore;
import dev.troubleticket.core.feed.InMemoryCheckpointStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How to follow a provider's events.
 *
 * @param checkpoints  where to keep the checkpoint
 * @param pollInterval the least time between polls, for providers that are polled (Kosc asks for 30 s)
 * @param ticketIds    the tickets to follow, for providers that can only re-read tickets (MasStack)
 * @param callbackUrl  the URL the provider should call, for providers that push (Nexera)
 * @param listen       the {@code HOST:PORT} to listen on for those calls
 * @param startAt      where to start when no checkpoint is saved, or {@code null} for the beginning
 */
public record FollowOptions(CheckpointStore checkpoints, Duration pollInterval, List<String> ticketIds, String callbackUrl,
                            String listen, Instant startAt) {

    public FollowOptions {
        checkpoints = checkpoints == null ? new InMemoryCheckpointStore() : checkpoints;
        pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
        ticketIds = ticketIds == null ? List.of() : List.copyOf(ticketIds);
    }

    /** Polling at the given interval, from now, nothing else set. */
    public static FollowOptions polling(Duration interval) {
        return new FollowOptions(null, interval, List.of(), null, null, null);
    }

    public FollowOptions withTickets(List<String> ids) {
        return new FollowOptions(checkpoints, pollInterval, ids, callbackUrl, listen, startAt);
    }

    public FollowOptions withCallback(String url, String hostPort) {
        return new FollowOptions(checkpoints, pollInterval, ticketIds, url, hostPort, startAt);
    }

    public FollowOptions startingAt(Instant instant) {
        return new FollowOptions(checkpoints, pollInterval, ticketIds, callbackUrl, listen, instant);
    }
}
