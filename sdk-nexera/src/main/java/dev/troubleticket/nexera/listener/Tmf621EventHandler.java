package dev.troubleticket.nexera.listener;

import dev.troubleticket.core.callback.CallbackHandler;
import dev.troubleticket.core.callback.CallbackResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one notification, framework-neutrally: method, path, headers and raw bytes in, an HTTP status out,
 * so that a servlet, a Spring controller or the embedded server of {@code sdk-listener-jetty} can call it.
 *
 * <p>In order: with a {@link CallbackToken}, a path without it gets 404 with no detail, whatever else the
 * request holds; only {@code POST} (405); the body size is capped (413); the caller is checked (401); the
 * body must be a TMF621 event (400); an event id already delivered is acknowledged again but not
 * delivered twice (the provider retries when it missed our answer); otherwise the event is handed to
 * the user's consumer on the executor and the answer is given at once (200), so that a slow consumer
 * never makes the provider time out. The ids remembered are bounded (oldest forgotten first).
 */
public final class Tmf621EventHandler implements CallbackHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Tmf621EventHandler.class);

    private final CallerCheck callerCheck;
    private final CallbackToken token;
    private final Consumer<? super Tmf621Event> consumer;
    private final Executor executor;
    private final int maxBodyBytes;
    private final Tmf621EventParser parser;
    private final Map<String, Boolean> seen;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    private Tmf621EventHandler(Builder b) {
        this.callerCheck = b.callerCheck;
        this.token = b.token;
        this.consumer = b.consumer;
        this.executor = b.executor;
        this.maxBodyBytes = b.maxBodyBytes;
        this.parser = new Tmf621EventParser(b.provider);
        int capacity = b.rememberedEventIds;
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A handler checking callers with {@code callerCheck} and handing events to {@code consumer} on {@code executor}. */
    public static Builder builder(CallerCheck callerCheck, Consumer<? super Tmf621Event> consumer, Executor executor) {
        return new Builder(callerCheck, consumer, executor);
    }

    /** The largest body accepted, in bytes. */
    @Override
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * Handles one request.
     *
     * @param method  the HTTP method
     * @param path    the request path (it must hold the {@link CallbackToken} when one is configured)
     * @param headers the request headers (names in any case)
     * @param body    the raw body, or {@code null}
     */
    @Override
    public CallbackResponse handle(String method, String path, Map<String, List<String>> headers, byte[] body) {
        if (token != null && !token.isIn(path)) {
            return refuse(404, "", "no callback token in the path");
        }
        if (!"POST".equalsIgnoreCase(method)) {
            return refuse(405, "only POST is accepted");
        }
        if (body != null && body.length > maxBodyBytes) {
            return refuse(413, "the body exceeds " + maxBodyBytes + " bytes");
        }
        if (!callerCheck.accepts(headers)) {
            return refuse(401, "unauthenticated");
        }
        Tmf621Event event;
        try {
            event = parser.parse(body == null ? new byte[0] : body);
        } catch (MalformedEventException e) {
            return refuse(400, e.getMessage());
        }
        String id = event.eventId();
        if (id != null && !remember(id)) {
            duplicates.incrementAndGet();
            LOG.debug("event {} already delivered; acknowledged again", id);
            return new CallbackResponse(200, "duplicate");
        }
        try {
            executor.execute(() -> deliver(event));
        } catch (RejectedExecutionException e) {
            forget(id);
            return refuse(503, "the receiver is shutting down");
        }
        return new CallbackResponse(200, "accepted");
    }

    /** The answer for a body found longer than the cap without reading it whole (404 when the path lacks the token). */
    @Override
    public CallbackResponse bodyTooLarge(String method, String path) {
        if (token != null && !token.isIn(path)) {
            return refuse(404, "", "no callback token in the path");
        }
        return refuse(413, "the body exceeds " + maxBodyBytes + " bytes");
    }

    private void deliver(Tmf621Event event) {
        try {
            consumer.accept(event);
            delivered.incrementAndGet();
        } catch (RuntimeException e) {
            // The provider already has its 200; the consumer's failure is the consumer's to log and repair.
            LOG.warn("the event consumer failed on event {} ({}): {}", event.eventId(), event.eventType(), e.toString());
        }
    }

    private synchronized boolean remember(String id) {
        return seen.putIfAbsent(id, Boolean.TRUE) == null;
    }

    private synchronized void forget(String id) {
        if (id != null) {
            seen.remove(id);
        }
    }

    private CallbackResponse refuse(int status, String why) {
        return refuse(status, why, why);
    }

    private CallbackResponse refuse(int status, String answer, String why) {
        refused.incrementAndGet();
        LOG.debug("notification refused with {}: {}", status, why);
        return new CallbackResponse(status, answer);
    }

    /** Events handed to the consumer and handled without throwing. */
    public long deliveredCount() {
        return delivered.get();
    }

    /** Notifications recognised as already delivered. */
    public long duplicateCount() {
        return duplicates.get();
    }

    /** Notifications refused (404, 401, 400, 413, ...). */
    public long refusedCount() {
        return refused.get();
    }

    @Override
    public String toString() {
        return "Tmf621EventHandler[callerCheck=" + callerCheck + ", callbackToken=" + (token == null ? "none" : "****")
                + ", maxBodyBytes=" + maxBodyBytes + ", delivered=" + delivered.get() + ", refused=" + refused.get() + "]";
    }

    /** Builds a {@link Tmf621EventHandler}. */
    public static final class Builder {
        private final CallerCheck callerCheck;
        private final Consumer<? super Tmf621Event> consumer;
        private final Executor executor;
        private CallbackToken token;
        private int maxBodyBytes = 1024 * 1024;
        private int rememberedEventIds = 10_000;
        private String provider = "tmf621";

        private Builder(CallerCheck callerCheck, Consumer<? super Tmf621Event> consumer, Executor executor) {
            this.callerCheck = Objects.requireNonNull(callerCheck, "callerCheck");
            this.consumer = Objects.requireNonNull(consumer, "consumer");
            this.executor = Objects.requireNonNull(executor, "executor");
        }

        /** The largest body accepted. Default 1 MiB (tickets carry base64 attachments). */
        public Builder maxBodyBytes(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("maxBodyBytes must be positive");
            }
            this.maxBodyBytes = value;
            return this;
        }

        /** How many event ids to remember for dropping duplicates. Default 10,000. */
        public Builder rememberedEventIds(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("rememberedEventIds must be positive");
            }
            this.rememberedEventIds = value;
            return this;
        }

        /**
         * Accept only requests whose path holds {@code value} (for a provider that sends no credentials: the token
         * is in the callback URL registered at it), answering 404 to any other. Default none.
         */
        public Builder callbackToken(CallbackToken value) {
            this.token = value;
            return this;
        }

        /** The provider id put in the events' raw payload. Default {@code tmf621}. */
        public Builder provider(String value) {
            this.provider = Objects.requireNonNull(value, "provider");
            return this;
        }

        public Tmf621EventHandler build() {
            return new Tmf621EventHandler(this);
        }
    }
}
