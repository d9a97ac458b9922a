package dev.troubleticket.nexera.listener;

import dev.troubleticket.core.callback.CallbackHandler;
import dev.troubleticket.core.callback.CallbackResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one notification, framework-neutrally: method, path, headers and raw bytes in, an HTTP status out,
 * so that a servlet, a Spring controller or the embedded server of {@code sdk-listener-jetty} can call it.
 *
 * <p>In order: with a {@link CallbackToken}, a path without it gets 404 with no detail, whatever else the
 * request holds; only {@code POST} (405); the body size is capped (413); the caller is checked (401); the
 * body must be a TMF621 event (400); then the event is given to the {@link Tmf621EventSink} and the provider
 * is answered only when the sink returned: 200 for a new event and for a repeat the sink already holds (the
 * provider retries when it missed our answer), 503 when the sink could not take it (the provider sends again),
 * 400 when it found the event unusable ({@link MalformedEventException}).
 *
 * <p>A durable subscription's sink ({@code TicketingClient.subscribe}) writes each event to its store's inbox
 * before the 200, so that nothing acknowledged is lost; {@code TicketSubscription.callbackHandler()} gives that
 * handler to mount in your own server. A sink of your own given to {@link #builder(CallerCheck, Tmf621EventSink)}
 * owns the same promise: the provider is answered 200 only once it returned, and it recognises repeats itself.
 */
public final class Tmf621EventHandler implements CallbackHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Tmf621EventHandler.class);

    private final CallerCheck callerCheck;
    private final CallbackToken token;
    private final Tmf621EventSink sink;
    private final int maxBodyBytes;
    private final Tmf621EventParser parser;
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    private Tmf621EventHandler(Builder b) {
        this.callerCheck = b.callerCheck;
        this.token = b.token;
        this.sink = b.sink;
        this.maxBodyBytes = b.maxBodyBytes;
        this.parser = new Tmf621EventParser(b.provider);
    }

    /** A handler checking callers with {@code callerCheck} and answering each event only once {@code sink} took it. */
    public static Builder builder(CallerCheck callerCheck, Tmf621EventSink sink) {
        return new Builder(callerCheck, Objects.requireNonNull(sink, "sink"));
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
        boolean fresh;
        try {
            fresh = sink.take(event);
        } catch (MalformedEventException e) {
            // Sending it again would not help: refused as a body that is not a TMF621 event.
            return refuse(400, e.getMessage());
        } catch (RuntimeException e) {
            // The provider is told to send again; what failed stays here (it may name files or hosts).
            return refuse(503, "not taken: send it again", "event " + event.eventId() + " not taken: " + e.getMessage());
        }
        if (!fresh) {
            duplicates.incrementAndGet();
            LOG.debug("event {} already taken; acknowledged again", event.eventId());
            return new CallbackResponse(200, "duplicate");
        }
        taken.incrementAndGet();
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

    private CallbackResponse refuse(int status, String why) {
        return refuse(status, why, why);
    }

    private CallbackResponse refuse(int status, String answer, String why) {
        refused.incrementAndGet();
        if (status == 503) {
            LOG.warn("notification answered 503 (the provider sends it again): {}", why);
        } else {
            LOG.debug("notification refused with {}: {}", status, why);
        }
        return new CallbackResponse(status, answer);
    }

    /** Events the sink took as new. */
    public long deliveredCount() {
        return taken.get();
    }

    /** Notifications recognised as already taken (answered 200, not taken again). */
    public long duplicateCount() {
        return duplicates.get();
    }

    /** Notifications refused (404, 401, 400, 413, and 503 when the sink could not take one). */
    public long refusedCount() {
        return refused.get();
    }

    @Override
    public String toString() {
        return "Tmf621EventHandler[callerCheck=" + callerCheck + ", callbackToken=" + (token == null ? "none" : "****")
                + ", maxBodyBytes=" + maxBodyBytes + ", delivered=" + deliveredCount() + ", refused=" + refused.get() + "]";
    }

    /** Builds a {@link Tmf621EventHandler}. */
    public static final class Builder {
        private final CallerCheck callerCheck;
        private final Tmf621EventSink sink;
        private CallbackToken token;
        private int maxBodyBytes = 1024 * 1024;
        private String provider = "tmf621";

        private Builder(CallerCheck callerCheck, Tmf621EventSink sink) {
            this.callerCheck = Objects.requireNonNull(callerCheck, "callerCheck");
            this.sink = sink;
        }

        /** The largest body accepted. Default 1 MiB (tickets carry base64 attachments). */
        public Builder maxBodyBytes(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("maxBodyBytes must be positive");
            }
            this.maxBodyBytes = value;
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

        /** Makes the handler with this caller check, token, sink and body limit. */
        public Tmf621EventHandler build() {
            return new Tmf621EventHandler(this);
        }
    }
}
