package dev.troubleticket.testkit.kosc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.troubleticket.testkit.SimulatorResponses;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * The account-wide event feed ({@code /api/events/}): order and service events, listed by creation or event date
 * in either direction, filtered by object, paged with the {@code sort_value} cursor; and the order info messages
 * ({@code POST /api/v2/orders/{uuid}/events/info}), throttled per order, that add {@code order-info} events to it.
 * Not thread-safe: the simulator calls it under its lock.
 */
final class EventFeed {
    private final SimulatorClock clock;
    private final List<FeedEvent> events = new ArrayList<>();
    private final Map<String, Instant> lastInfoMessage = new HashMap<>();
    private long sequence;
    private Duration infoMessageInterval = Duration.ofMinutes(5);
    private boolean sendRetryAfter = true;

    /** One event of the feed; {@code sequence} orders events created at the same instant. */
    record FeedEvent(String uuid, String type, String objectType, String objectUuid, Instant created, long sequence,
                     JsonNode data) {
    }

    EventFeed(SimulatorClock clock) {
        this.clock = clock;
    }

    void infoMessageInterval(Duration value) {
        infoMessageInterval = value;
    }

    void sendRetryAfter(boolean value) {
        sendRetryAfter = value;
    }

    int size() {
        return events.size();
    }

    /** Adds an event; answers its {@code event_uuid}. */
    String emit(String objectType, String objectUuid, String type, Map<String, ?> data) {
        FeedEvent event = new FeedEvent(WireJson.shortUuid(), type, objectType, objectUuid, clock.next(), sequence++,
                data == null ? null : WireJson.MAPPER.valueToTree(data));
        events.add(event);
        return event.uuid();
    }

    Optional<FeedEvent> find(String uuid) {
        return events.stream().filter(e -> e.uuid().equals(uuid)).findFirst();
    }

    /** One page of {@code GET /api/events/}. */
    MockResponse list(RecordedRequest request) {
        String sort = request.getUrl().queryParameter("sort");
        String direction = request.getUrl().queryParameter("direction");
        boolean byCreation = "creation_date".equals(sort);
        boolean ascending = byCreation ? !"desc".equals(direction) : "asc".equals(direction);
        String objectType = request.getUrl().queryParameter("object_type");
        String objectUuid = request.getUrl().queryParameter("object_uuid");
        int size = WireJson.intParameter(request, "limit", WireJson.intParameter(request, "size", 50));
        String after = request.getUrl().queryParameter("after");
        long afterSequence = -1;
        if (after != null) {
            try {
                JsonNode cursor = WireJson.MAPPER.readTree(WireJson.decode(after));
                afterSequence = cursor.get(1).asLong();
            } catch (Exception unreadable) {
                return WireJson.invalid("after", "Invalid cursor.");
            }
        }
        // Events are dated when Kosc records them: the event date and the creation date sort alike here.
        Comparator<FeedEvent> order = Comparator.comparing(FeedEvent::created).thenComparingLong(FeedEvent::sequence);
        List<FeedEvent> sorted = new ArrayList<>(events);
        sorted.sort(ascending ? order : order.reversed());
        ArrayNode page = WireJson.MAPPER.createArrayNode();
        for (FeedEvent event : sorted) {
            if ((objectType != null && !objectType.equals(event.objectType())) || (objectUuid != null && !objectUuid.equals(event.objectUuid()))) {
                continue;
            }
            if (afterSequence >= 0 && (ascending ? event.sequence() <= afterSequence : event.sequence() >= afterSequence)) {
                continue;
            }
            page.add(WireJson.feedEvent(event, true));
            if (page.size() >= Math.max(1, size)) {
                break;
            }
        }
        return SimulatorResponses.json(200, page);
    }

    /** An info message on an order: refused without a message, throttled per order, else an {@code order-info} event. */
    MockResponse infoMessage(String orderUuid, JsonNode body) {
        String message = WireJson.text(body, "message");
        if (message == null || message.isBlank()) {
            return WireJson.invalid("message", "This field is required.");
        }
        Instant now = clock.next();
        Instant last = lastInfoMessage.get(orderUuid);
        if (last != null && now.isBefore(last.plus(infoMessageInterval))) {
            long wait = Math.max(1, Duration.between(now, last.plus(infoMessageInterval)).toSeconds());
            MockResponse.Builder throttled = new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
                    .body("{\"detail\":\"Request was throttled. Expected available in " + wait + " seconds.\"}");
            if (sendRetryAfter) {
                throttled.addHeader("Retry-After", String.valueOf(wait));
            }
            return throttled.build();
        }
        lastInfoMessage.put(orderUuid, now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("message", message);
        if (body.has("stop_deferred")) {
            data.put("stop_deferred", body.get("stop_deferred").asBoolean());
        }
        FeedEvent event = new FeedEvent(WireJson.shortUuid(), "order-info", "order", orderUuid, now, sequence++,
                WireJson.MAPPER.valueToTree(data));
        events.add(event);
        return SimulatorResponses.json(201, WireJson.feedEvent(event, false));
    }
}
