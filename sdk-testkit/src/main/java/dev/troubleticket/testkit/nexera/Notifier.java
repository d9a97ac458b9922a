package dev.troubleticket.testkit.nexera;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Posts each change's notification to every hub that asked for its type, from one thread, retrying a failed post
 * with a doubling backoff up to a number of attempts; records every attempt and every outcome. One change is one
 * event: every hub gets it under the same event id. Carries the credentials a test asked for (a secret header or
 * basic credentials), none by default, as Nexera's document sends none.
 */
final class Notifier implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final HubStore hubs;
    private final Supplier<String> now;
    private final List<CallbackDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<CallbackDelivery> attempts = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService callbacks;
    private final OkHttpClient http;
    private volatile String secret;
    private volatile String basic;
    private volatile int maxAttempts = 5;
    private volatile Duration firstBackoff = Duration.ofMillis(50);

    /** @param now the simulator's time, as written in events */
    Notifier(HubStore hubs, Supplier<String> now) {
        this.hubs = hubs;
        this.now = now;
        this.callbacks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "nexera-simulator-callbacks");
            thread.setDaemon(true);
            return thread;
        });
        this.http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).retryOnConnectionFailure(false).build();
    }

    /** Sends {@code value} in {@link NexeraSimulator#CALLBACK_SECRET_HEADER}, or nothing when {@code null}. */
    void secret(String value) {
        this.secret = value;
    }

    /** Sends basic credentials ({@code user:password}), or nothing when {@code null}. */
    void basic(String userAndPassword) {
        this.basic = userAndPassword;
    }

    String secret() {
        return secret;
    }

    String basic() {
        return basic;
    }

    void retries(int maxAttempts, Duration firstBackoff) {
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
    }

    List<CallbackDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    List<CallbackDelivery> attempts() {
        return List.copyOf(attempts);
    }

    /** Notifies every hub that wants {@code eventType} of the change to {@code ticket} (a snapshot, not shared). */
    void notifyListeners(String eventType, ObjectNode ticket, String fieldPath) {
        String eventId = UUID.randomUUID().toString();
        for (ObjectNode hub : hubs.all()) {
            if (!HubStore.wants(hub, eventType)) {
                continue;
            }
            ObjectNode event = WireJson.event(eventId, eventType, ticket, fieldPath, now.get());
            String hubId = hub.get("id").asText();
            String callback = hub.get("callback").asText();
            callbacks.execute(() -> post(hubId, callback, event, 1));
        }
    }

    private void post(String hubId, String callback, ObjectNode event, int attempt) {
        if (!hubs.contains(hubId)) {
            return;
        }
        int status = 0;
        try {
            Request.Builder request = new Request.Builder().url(callback).post(RequestBody.create(event.toString(), JSON));
            String secretNow = secret;
            String basicNow = basic;
            if (secretNow != null) {
                request.header(NexeraSimulator.CALLBACK_SECRET_HEADER, secretNow);
            } else if (basicNow != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basicNow.getBytes(StandardCharsets.UTF_8)));
            }
            try (Response response = http.newCall(request.build()).execute()) {
                status = response.code();
            }
        } catch (IOException | RuntimeException e) {
            status = 0;
        }
        boolean ok = status >= 200 && status < 300;
        CallbackDelivery outcome = new CallbackDelivery(hubId, event.path("eventId").asText(), event.path("eventType").asText(),
                event.path("event").path("troubleTicket").path("id").asText(), attempt, status, ok);
        attempts.add(outcome);
        if (!ok && attempt < maxAttempts && !callbacks.isShutdown()) {
            long delay = firstBackoff.toMillis() << Math.min(attempt - 1, 10);
            callbacks.schedule(() -> post(hubId, callback, event, attempt + 1), delay, TimeUnit.MILLISECONDS);
            return;
        }
        deliveries.add(outcome);
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
