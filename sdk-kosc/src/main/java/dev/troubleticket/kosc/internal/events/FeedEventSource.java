package dev.troubleticket.kosc.internal.events;

import dev.troubleticket.core.Page;
import dev.troubleticket.core.subscription.spi.PolledSource;
import dev.troubleticket.core.subscription.spi.SourceBatch;
import dev.troubleticket.core.subscription.spi.SourceEvent;
import dev.troubleticket.kosc.internal.NeutralMapping;
import dev.troubleticket.kosc.model.KoscEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code feed} stream of Kosc's subscription: the account-wide order and service events of
 * {@code /api/events/}, sorted by {@code creation_date} as Kosc advises, one page per poll, each as a neutral
 * {@code PROVIDER_EVENT} ({@link NeutralMapping#feedEvent}) keyed {@code feed:<event_uuid>}, on the lane of its
 * order or service.
 *
 * <p>The position is the {@code sort_value} of the last event read. The feed cannot be asked for events after an instant, so a subscription that starts at an instant
 * reads the feed from its beginning and hands over only the events created at or after it; until it reaches them
 * its position reads {@code v2 s=<instant> c=<sort_value>}.
 */
public final class FeedEventSource implements PolledSource {
    /** The stream's name in the store. */
    public static final String STREAM = "feed";
    private static final String CATCHING_UP = "v2 ";

    private final FeedPages pages;
    private final Duration interval;

    /** Reads one page of the feed, sorted by {@code creation_date}, after a {@code sort_value} (or the first page). */
    @FunctionalInterface
    public interface FeedPages {
        /** The page after {@code after}, or the first one for {@code null}. */
        Page<KoscEvent> after(String after);
    }

    /**
     * @param pages    the feed's pages, sorted by {@code creation_date}
     * @param interval the least time between two polls once caught up, when the options give none
     */
    public FeedEventSource(FeedPages pages, Duration interval) {
        this.pages = Objects.requireNonNull(pages, "pages");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    @Override
    public String stream() {
        return STREAM;
    }

    @Override
    public Duration defaultInterval() {
        return interval;
    }

    @Override
    public SourceBatch poll(String position, Instant startFrom) {
        Instant skipBefore = null;
        String cursor = position;
        if (position == null) {
            skipBefore = startFrom;
        } else if (position.startsWith(CATCHING_UP)) {
            cursor = null;
            for (String part : position.substring(CATCHING_UP.length()).trim().split(" +")) {
                if (part.startsWith("s=")) {
                    skipBefore = instant(position, part.substring(2));
                } else if (part.startsWith("c=")) {
                    cursor = part.substring(2);
                } else {
                    throw unreadable(position);
                }
            }
            if (skipBefore == null) {
                throw unreadable(position);
            }
        }
        Page<KoscEvent> page = pages.after(cursor);
        List<SourceEvent> events = new ArrayList<>(page.items().size());
        String last = cursor;
        for (KoscEvent event : page.items()) {
            if (event.sortValue() != null) {
                last = event.sortValue();
            }
            Instant created = event.creationDate() == null ? null : event.creationDate().instant();
            if (skipBefore != null && created != null) {
                if (created.isBefore(skipBefore)) {
                    continue;
                }
                // In creation order: every later event is at or after the start too.
                skipBefore = null;
            }
            String key = EventKeys.feedEvent(event);
            String lane = event.objectUuid() != null ? event.objectUuid() : key;
            events.add(SourceEvent.positioned(key, lane, NeutralMapping.feedEvent(event), encode(skipBefore, last)));
        }
        return new SourceBatch(events, encode(skipBefore, last), page.hasNext(), null);
    }

    private static String encode(Instant skipBefore, String cursor) {
        if (skipBefore == null) {
            return cursor;
        }
        return CATCHING_UP + "s=" + skipBefore + (cursor == null ? "" : " c=" + cursor);
    }

    private static Instant instant(String position, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw unreadable(position);
        }
    }

    private static IllegalArgumentException unreadable(String position) {
        return new IllegalArgumentException("the stored position of the Kosc feed stream cannot be read: '" + position
                + "' (expected a sort_value, or v2 s=<instant> c=<sort_value>). Remove it from the subscription store to"
                + " start again from the subscription's start position");
    }
}
