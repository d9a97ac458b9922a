package dev.troubleticket.nexera.listener;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A test helper that produces notifications a receiver accepts: a TMF621 event body and the headers that
 * authenticate it (a shared secret or basic credentials), as stripe-java's {@code Webhook} test helper
 * does. Use it to test your own handler, or to drive a receiver by hand.
 */
public final class CallbackRequests {
    private final Map<String, String> authHeaders;
    private final Clock clock;

    private CallbackRequests(Map<String, String> authHeaders, Clock clock) {
        this.authHeaders = Map.copyOf(authHeaders);
        this.clock = clock;
    }

    /**
     * A request to send.
     *
     * @param headers the headers, authentication included
     * @param body    the JSON body
     */
    public record CallbackRequest(Map<String, String> headers, byte[] body) {
        /** The headers as the handler takes them. */
        public Map<String, List<String>> headerLists() {
            Map<String, List<String>> lists = new LinkedHashMap<>();
            headers.forEach((k, v) -> lists.put(k, List.of(v)));
            return lists;
        }

        @Override
        public String toString() {
            return "CallbackRequest[headers=" + headers.keySet() + ", bodyLength=" + body.length + "]";
        }
    }

    /** Requests authenticated with a shared secret in {@code headerName}. */
    public static CallbackRequests withSharedSecret(String headerName, String secret, Clock clock) {
        return new CallbackRequests(Map.of(headerName, secret), clock);
    }

    /** Requests authenticated with basic credentials. */
    public static CallbackRequests withBasic(String username, String password, Clock clock) {
        String value = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new CallbackRequests(Map.of("Authorization", value), clock);
    }

    /** Requests without credentials, as a provider that sends none does (the callback URL's token then admits them). */
    public static CallbackRequests unauthenticated(Clock clock) {
        return new CallbackRequests(Map.of(), clock);
    }

    /**
     * A notification of {@code eventType} carrying {@code troubleTicket} (its JSON object), with a fresh event id.
     */
    public CallbackRequest event(String eventType, ObjectNode troubleTicket) {
        return event(UUID.randomUUID().toString(), eventType, troubleTicket, null);
    }

    /** A notification with the given event id and, for attribute and information events, a field path. */
    public CallbackRequest event(String eventId, String eventType, ObjectNode troubleTicket, String fieldPath) {
        Objects.requireNonNull(eventType, "eventType");
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("eventId", eventId);
        root.put("eventTime", clock.instant().toString());
        root.put("eventType", eventType);
        if (fieldPath != null) {
            root.put("fieldPath", fieldPath);
        }
        root.putObject("event").set("troubleTicket", troubleTicket);
        try {
            return raw(Json.mapper().writeValueAsBytes(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Any body, with the authentication headers and a JSON content type. */
    public CallbackRequest raw(byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>(authHeaders);
        headers.put("Content-Type", "application/json");
        return new CallbackRequest(headers, body.clone());
    }

    /** Posts the request to {@code url} and answers the HTTP status. */
    public static int post(String url, CallbackRequest request) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setConnectTimeout(5000);
            connection.setReadTimeout(5000);
            request.headers().forEach(connection::setRequestProperty);
            // Streamed, not buffered: a buffered POST is silently sent again by HttpURLConnection when a kept-alive
            // connection turns out closed, which would deliver (or refuse) one notification twice.
            connection.setFixedLengthStreamingMode(request.body().length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(request.body());
            }
            int status = connection.getResponseCode();
            InputStream answer = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            if (answer != null) {
                answer.readAllBytes();
                answer.close();
            }
            return status;
        } catch (IOException e) {
            // The URL's path may hold a callback token: only its origin is named.
            URI uri = URI.create(url);
            throw new UncheckedIOException("cannot post to " + uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort(), e);
        }
    }
}
