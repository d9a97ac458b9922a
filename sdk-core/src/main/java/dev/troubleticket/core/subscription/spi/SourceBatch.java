package dev.troubleticket.core.subscription.spi;

import java.time.Duration;
import java.util.List;

/**
 * What one {@link PolledSource#poll} read.
 *
 * @param events      the events, each stream's in the order to deliver them
 * @param endPosition where the next poll goes on from, recorded once every event of the batch is handled (it may
 *                    differ from the last event's position: a page read without new events still moves it); or
 *                    {@code null} to leave the position as it is
 * @param more        whether the provider has more now, so that the next poll need not wait
 * @param nextPollIn  how long to wait before the next poll when not {@code more}; {@code null} for the interval
 *                    (a source that spreads its reads over the interval, or slows down after a 429, sets it)
 */
public record SourceBatch(List<SourceEvent> events, String endPosition, boolean more, Duration nextPollIn) {
    /** Copies the events, so that the batch cannot change after it is made. */
    public SourceBatch {
        events = List.copyOf(events);
    }

    /** A batch with no events that leaves the position as it is. */
    public static SourceBatch empty() {
        return new SourceBatch(List.of(), null, false, null);
    }
}
