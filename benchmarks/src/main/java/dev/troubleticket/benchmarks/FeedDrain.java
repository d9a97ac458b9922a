package dev.troubleticket.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.feed.FeedSubscription;
import dev.troubleticket.core.feed.InMemoryCheckpointStore;
import dev.troubleticket.kosc.EventQuery;
import dev.troubleticket.kosc.model.KoscEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Drains a Kosc feed from its beginning to its end, once through the SDK's {@link FeedSubscription}
 * (checkpoint saved after each event, duplicates dropped) and once by hand (GET pages after the last
 * {@code sort_value}, a Jackson tree per page).
 */
public final class FeedDrain {
    private FeedDrain() {
    }

    /** Follows the whole feed through the SDK, handing each event to {@code handler}; answers how many were delivered. */
    public static long sdk(KoscFeedServer feed, int pageSize, Consumer<KoscEvent> handler) {
        EventQuery query = new EventQuery(true, null, null, pageSize);
        try (FeedSubscription<KoscEvent> subscription = feed.api().subscribeToEvents("bench", query, handler::accept,
                new InMemoryCheckpointStore(), Duration.ZERO)) {
            while (subscription.pollOnce().more()) {
                // The subscription reads the next page at once while the feed says it has more.
            }
            return subscription.deliveredCount();
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
