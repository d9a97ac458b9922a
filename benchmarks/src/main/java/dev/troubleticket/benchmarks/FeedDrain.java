package dev.troubleticket.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.model.TicketEvent;
import dev.troubleticket.core.subscription.SubscriptionOptions;
import dev.troubleticket.core.subscription.TicketSubscription;
import dev.troubleticket.core.subscription.store.InMemorySubscriptionStore;
import dev.troubleticket.kosc.EventQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Drains a Kosc feed from its beginning to its end, once through the SDK's subscription ({@code KoscClient.subscribe},
 * its {@code feed} stream alone, with the in-memory store: each event checked against the seen window, handed to the
 * handler on its order's lane, and its handling and position committed to the store) and once by hand (GET pages
 * after the last {@code sort_value}, a Jackson tree per page, each event handed over on the reading thread).
 */
public final class FeedDrain {
    /**
     * Events per page of the subscription's feed stream ({@link EventQuery#all()}, which the stream reads): the
     * hand-written walk must read pages of the same size to do the same requests.
     */
    public static final int STREAM_PAGE_SIZE = EventQuery.all().pageSize();
    /** How long the subscription may hand nothing over before the drain is given up. */
    private static final long STALL_SECONDS = 10;

    private FeedDrain() {
    }

    /**
     * Follows the whole feed through the SDK's subscription, handing each event to {@code handler} (on the
     * subscription's handler threads, several at once), until it has handed over as many events as the feed holds;
     * answers how many it handed over by the time it was closed.
     *
     * @throws IllegalStateException when it handed nothing over for {@value #STALL_SECONDS} s before the end
     */
    public static long sdk(KoscFeedServer feed, Consumer<TicketEvent> handler) {
        AtomicLong handled = new AtomicLong();
        CountDownLatch all = new CountDownLatch(1);
        SubscriptionOptions options = SubscriptionOptions.builder("bench-feed-drain").store(new InMemorySubscriptionStore())
                // The feed stream alone: the server serves no ticket list.
                .kinds(Set.of(TicketEvent.Kind.PROVIDER_EVENT))
                .build();
        try (TicketSubscription subscription = feed.client().subscribe(event -> {
            handler.accept(event);
            if (handled.incrementAndGet() == feed.total()) {
                all.countDown();
            }
        }, options)) {
            subscription.start();
            long seen = -1;
            while (!await(all)) {
                long now = handled.get();
                if (now == seen) {
                    throw new IllegalStateException("the subscription handed over " + now + " of " + feed.total()
                            + " events, then nothing for " + STALL_SECONDS + " s (" + subscription.health() + ")");
                }
                seen = now;
            }
        }
        return handled.get();
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(STALL_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while draining the feed", e);
        }
    }

    /** Follows the whole feed by hand, handing each event's tree to {@code handler}; answers how many were handed. */
    public static long handWritten(KoscFeedServer feed, int pageSize, Consumer<JsonNode> handler) {
        ObjectMapper mapper = new ObjectMapper();
        OkHttpClient client = feed.okHttp();
        String cursor = null;
        long handled = 0;
        while (true) {
            String url = feed.baseUrl() + KoscFeedServer.PATH + "?sort=creation_date&limit=" + pageSize
                    + (cursor == null ? "" : "&after=" + cursor);
            Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + SdkClients.TOKEN).build();
            JsonNode page;
            try (Response response = client.newCall(request).execute()) {
                if (!response.isSuccessful()) {
                    throw new IllegalStateException("the feed answered " + response.code());
                }
                page = mapper.readTree(response.body().byteStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (JsonNode event : page) {
                handler.accept(event);
                cursor = event.get("sort_value").asText();
                handled++;
            }
            if (page.size() < pageSize) {
                return handled;
            }
        }
    }
}
